ALTER TABLE "items" ADD COLUMN "source_labels" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "format_options" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "request_body" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "link_base" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "relevance" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "last_filtered_count" integer;