ALTER TABLE "items" ADD COLUMN "published_precision" text DEFAULT 'instant' NOT NULL;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "published_from" text DEFAULT 'entry' NOT NULL;--> statement-breakpoint
-- Hand-added: items dated when first seen keep saying so; the next poll re-reads the real precision.
UPDATE "items" SET "published_from" = 'first-seen' WHERE "published_at_estimated";--> statement-breakpoint
ALTER TABLE "items" DROP COLUMN "published_at_estimated";--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_published_precision_check" CHECK (published_precision in ('instant', 'day', 'month', 'year'));--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_published_from_check" CHECK (published_from in ('entry', 'page', 'url', 'first-seen'));