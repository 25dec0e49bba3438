CREATE TABLE "cluster_keys" (
	"key" text NOT NULL,
	"item_id" bigint NOT NULL,
	"published_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "cluster_keys_key_item_id_pk" PRIMARY KEY("key","item_id")
);
--> statement-breakpoint
CREATE TABLE "term_counts" (
	"term" text PRIMARY KEY NOT NULL,
	"documents" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "story_features" jsonb;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "near_duplicate" jsonb;--> statement-breakpoint
ALTER TABLE "cluster_keys" ADD CONSTRAINT "cluster_keys_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cluster_keys_key_published_idx" ON "cluster_keys" USING btree ("key","published_at");--> statement-breakpoint
CREATE INDEX "cluster_keys_item_id_idx" ON "cluster_keys" USING btree ("item_id");