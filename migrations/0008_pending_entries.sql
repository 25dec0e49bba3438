CREATE TABLE "pending_entries" (
	"dedup_key" text PRIMARY KEY NOT NULL,
	"source_id" text NOT NULL,
	"content_hash" text NOT NULL,
	"job" jsonb NOT NULL,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pending_entries" ADD CONSTRAINT "pending_entries_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pending_entries_recorded_at_idx" ON "pending_entries" USING btree ("recorded_at");