CREATE TABLE "article_pages" (
	"item_id" bigint PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"entry_hash" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"retryable" boolean DEFAULT false NOT NULL,
	"http_status" integer,
	"etag" text,
	"last_modified" text,
	"error_code" text,
	"error" text,
	"title" text,
	"text" text,
	"fetched_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "article_pages_status_check" CHECK (status in ('fetching', 'extracted', 'no-article', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "fetch_article_pages" text DEFAULT 'never' NOT NULL;--> statement-breakpoint
ALTER TABLE "article_pages" ADD CONSTRAINT "article_pages_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_fetch_article_pages_check" CHECK (fetch_article_pages in ('never', 'when-empty', 'always'));