CREATE TABLE "entries" (
	"dedup_key" text PRIMARY KEY NOT NULL,
	"source_id" text NOT NULL,
	"guid" text NOT NULL,
	"item_id" bigint NOT NULL,
	"url" text,
	"content_hash" text NOT NULL,
	"first_seen_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"source_id" text NOT NULL,
	"dedup_key" text NOT NULL,
	"guid" text NOT NULL,
	"url" text,
	"canonical_url" text,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"content" text NOT NULL,
	"author" text,
	"language" text,
	"published_at" timestamp (3) with time zone NOT NULL,
	"published_at_estimated" boolean DEFAULT false NOT NULL,
	"content_hash" text NOT NULL,
	"story_id" bigint,
	"platforms" text[] DEFAULT '{}'::text[] NOT NULL,
	"jurisdictions" text[] DEFAULT '{}'::text[] NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"first_seen_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"url" text NOT NULL,
	"homepage" text,
	"format" text DEFAULT 'feed' NOT NULL,
	"language" text,
	"jurisdictions" text[] DEFAULT '{}'::text[] NOT NULL,
	"poll_interval_seconds" integer DEFAULT 900 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"disabled_reason" text,
	"etag" text,
	"last_modified" text,
	"body_hash" text,
	"next_check_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_checked_at" timestamp (3) with time zone,
	"last_success_at" timestamp (3) with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"last_error_code" text,
	"last_error" text,
	"last_error_at" timestamp (3) with time zone,
	"last_entry_count" integer,
	"last_rejected_count" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_id_slug" CHECK ("sources"."id" ~ '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$'),
	CONSTRAINT "sources_poll_interval_positive" CHECK ("sources"."poll_interval_seconds" >= 30)
);
--> statement-breakpoint
CREATE TABLE "stories" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"primary_item_id" bigint,
	"item_count" integer DEFAULT 0 NOT NULL,
	"first_published_at" timestamp (3) with time zone NOT NULL,
	"last_published_at" timestamp (3) with time zone NOT NULL,
	"merged_into_id" bigint,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_primary_item_id_items_id_fk" FOREIGN KEY ("primary_item_id") REFERENCES "public"."items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_merged_into_id_stories_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."stories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "entries_item_id_idx" ON "entries" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "items_dedup_key_key" ON "items" USING btree ("dedup_key");--> statement-breakpoint
CREATE UNIQUE INDEX "items_canonical_url_key" ON "items" USING btree ("canonical_url");--> statement-breakpoint
CREATE INDEX "items_published_id_idx" ON "items" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "items_source_published_id_idx" ON "items" USING btree ("source_id","published_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "items_story_id_idx" ON "items" USING btree ("story_id");--> statement-breakpoint
CREATE INDEX "stories_last_published_id_idx" ON "stories" USING btree ("last_published_at" DESC NULLS LAST,"id" DESC NULLS LAST);