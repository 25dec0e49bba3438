ALTER TABLE "sources" ADD COLUMN "last_warning" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "last_warning_at" timestamp (3) with time zone;