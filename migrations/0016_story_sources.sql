ALTER TABLE "stories" ADD COLUMN "source_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Stories stored before the column existed: their sources, read once from their items.
UPDATE "stories" SET "source_ids" = coalesce(
  (SELECT array_agg(DISTINCT i.source_id ORDER BY i.source_id) FROM "items" i WHERE i.story_id = "stories".id), '{}'::text[])
WHERE "merged_into_id" IS NULL;
