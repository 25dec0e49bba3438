CREATE TABLE "roundup_deliveries" (
	"week" text NOT NULL,
	"subscriber_id" bigint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"sending_at" timestamp (3) with time zone,
	"last_error" text,
	"story_count" integer,
	"settled_at" timestamp (3) with time zone,
	CONSTRAINT "roundup_deliveries_week_subscriber_id_pk" PRIMARY KEY("week","subscriber_id"),
	CONSTRAINT "roundup_deliveries_status_check" CHECK (status in ('pending', 'sending', 'sent', 'empty', 'failed', 'skipped', 'uncertain'))
);
--> statement-breakpoint
CREATE TABLE "roundup_editions" (
	"week" text PRIMARY KEY NOT NULL,
	"period_start" timestamp (3) with time zone NOT NULL,
	"period_end" timestamp (3) with time zone NOT NULL,
	"status" text DEFAULT 'built' NOT NULL,
	"content" jsonb NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"story_count" integer NOT NULL,
	"built_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"sending_started_at" timestamp (3) with time zone,
	"sent_at" timestamp (3) with time zone,
	CONSTRAINT "roundup_editions_status_check" CHECK (status in ('built', 'sending', 'sent')),
	CONSTRAINT "roundup_editions_week_format" CHECK ("roundup_editions"."week" ~ '^[0-9]{4}-W[0-9]{2}$')
);
--> statement-breakpoint
CREATE TABLE "subscribers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subscribers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"preferences" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"confirmation_requested_at" timestamp (3) with time zone,
	"confirmation_sent_at" timestamp (3) with time zone,
	"confirmed_at" timestamp (3) with time zone,
	"unsubscribed_at" timestamp (3) with time zone,
	"bounced_at" timestamp (3) with time zone,
	"tokens_valid_after" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscribers_status_check" CHECK (status in ('pending', 'active', 'unsubscribed', 'bouncing')),
	CONSTRAINT "subscribers_email_length" CHECK (char_length("subscribers"."email") between 3 and 254)
);
--> statement-breakpoint
ALTER TABLE "roundup_deliveries" ADD CONSTRAINT "roundup_deliveries_week_roundup_editions_week_fk" FOREIGN KEY ("week") REFERENCES "public"."roundup_editions"("week") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roundup_deliveries" ADD CONSTRAINT "roundup_deliveries_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roundup_deliveries_work_idx" ON "roundup_deliveries" USING btree ("week","status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "roundup_deliveries_subscriber_idx" ON "roundup_deliveries" USING btree ("subscriber_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subscribers_email_key" ON "subscribers" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "subscribers_status_idx" ON "subscribers" USING btree ("status");