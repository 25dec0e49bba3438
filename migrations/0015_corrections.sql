CREATE TABLE "corrections" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "corrections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"correction" jsonb NOT NULL,
	"editor_id" bigint,
	"actor" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "withdrawn_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "withdrawn_as" text;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "editor_title" text;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "editor_summary" text;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "editor_tags" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "editor_placed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "emptied_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_editor_id_editors_id_fk" FOREIGN KEY ("editor_id") REFERENCES "public"."editors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "corrections_subject_idx" ON "corrections" USING btree ("subject","created_at");--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_withdrawn_as_check" CHECK (withdrawn_as in ('taken-down', 'not-news'));