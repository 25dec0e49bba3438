ALTER TABLE "sources" ADD COLUMN "publisher" text;--> statement-breakpoint
-- The catalog's multi-feed publishers, so a database migrated before its next `sources sync` ranks its digest right.
UPDATE "sources" SET "publisher" = 'opc' WHERE "id" IN ('opc-news-en', 'opc-news-fr', 'opc-pipeda-en', 'opc-pipeda-fr', 'opc-parl-en', 'opc-parl-fr', 'opc-blog-en', 'opc-blog-fr');--> statement-breakpoint
UPDATE "sources" SET "publisher" = 'ico' WHERE "id" IN ('ico-news', 'ico-enforcement');
