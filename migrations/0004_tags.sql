ALTER TABLE "items" ADD COLUMN "tag_evidence" jsonb;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "platforms" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "jurisdictions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "topics" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "items_platforms_idx" ON "items" USING gin ("platforms");--> statement-breakpoint
CREATE INDEX "items_jurisdictions_idx" ON "items" USING gin ("jurisdictions");--> statement-breakpoint
CREATE INDEX "items_topics_idx" ON "items" USING gin ("topics");--> statement-breakpoint
CREATE INDEX "stories_platforms_idx" ON "stories" USING gin ("platforms");--> statement-breakpoint
CREATE INDEX "stories_jurisdictions_idx" ON "stories" USING gin ("jurisdictions");--> statement-breakpoint
CREATE INDEX "stories_topics_idx" ON "stories" USING gin ("topics");