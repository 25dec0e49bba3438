DROP INDEX "items_platforms_idx";--> statement-breakpoint
DROP INDEX "items_jurisdictions_idx";--> statement-breakpoint
DROP INDEX "items_topics_idx";--> statement-breakpoint
DROP INDEX "stories_platforms_idx";--> statement-breakpoint
DROP INDEX "stories_jurisdictions_idx";--> statement-breakpoint
DROP INDEX "stories_topics_idx";--> statement-breakpoint
CREATE INDEX "items_tags_idx" ON "items" USING gin ("jurisdictions","platforms","topics");--> statement-breakpoint
CREATE INDEX "stories_tags_idx" ON "stories" USING gin ("jurisdictions","platforms","topics");