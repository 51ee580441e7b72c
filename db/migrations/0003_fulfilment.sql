CREATE TYPE "public"."sms_status" AS ENUM('pending', 'submitting', 'accepted', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'cancelled');--> statement-breakpoint
ALTER TYPE "public"."order_event_kind" ADD VALUE 'sms_attempt';--> statement-breakpoint
ALTER TYPE "public"."order_event_kind" ADD VALUE 'sms_status';--> statement-breakpoint
ALTER TYPE "public"."order_event_kind" ADD VALUE 'password_erased';--> statement-breakpoint
CREATE TABLE "credentials" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_key_id" text,
	"password_iv" "bytea",
	"password_ciphertext" "bytea",
	"password_tag" "bytea",
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"erased_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sms_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"to_phone" text NOT NULL,
	"reference" text NOT NULL,
	"status" "sms_status" DEFAULT 'pending' NOT NULL,
	"twilio_sid" text,
	"error_code" text,
	"flag" text,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sms_deliveries_twilioSid_unique" UNIQUE("twilio_sid")
);
--> statement-breakpoint
CREATE TABLE "sms_throttle" (
	"id" integer PRIMARY KEY NOT NULL,
	"next_slot_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_deliveries" ADD CONSTRAINT "sms_deliveries_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sms_deliveries_order_id_attempt_index" ON "sms_deliveries" USING btree ("order_id","attempt");--> statement-breakpoint
CREATE INDEX "sms_deliveries_status_updated_at_index" ON "sms_deliveries" USING btree ("status","updated_at");