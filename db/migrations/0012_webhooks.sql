CREATE TYPE "public"."webhook_delivery_status" AS ENUM('succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."webhook_disabled_reason" AS ENUM('manual', 'failing');--> statement-breakpoint
CREATE TYPE "public"."webhook_event_type" AS ENUM('order.submitted', 'order.needs_info', 'order.account_created', 'order.completed', 'order.rejected', 'order.cancelled', 'sms.delivered', 'sms.failed', 'merchant.added', 'webhook.test');--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'webhook.created';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'webhook.updated';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'webhook.deleted';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'webhook.secret_rotated';--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"status" "webhook_delivery_status" NOT NULL,
	"response_code" integer,
	"latency_ms" integer,
	"error" text,
	"at" timestamp (3) with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"url" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"event_types" "webhook_event_type"[] NOT NULL,
	"secret_sealed" text NOT NULL,
	"previous_secret_sealed" text,
	"previous_secret_until" timestamp with time zone,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	"disabled_reason" "webhook_disabled_reason",
	"failing_since" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"type" "webhook_event_type" NOT NULL,
	"payload" jsonb NOT NULL,
	"order_event_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_event_id_webhook_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."webhook_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_order_event_id_order_events_id_fk" FOREIGN KEY ("order_event_id") REFERENCES "public"."order_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_event_id_endpoint_id_attempt_index" ON "webhook_deliveries" USING btree ("event_id","endpoint_id","attempt");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_at_idx" ON "webhook_deliveries" USING btree ("endpoint_id","at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "webhook_endpoints_organisation_id_index" ON "webhook_endpoints" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_created_by_user_id_index" ON "webhook_endpoints" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE INDEX "webhook_events_organisation_id_created_at_index" ON "webhook_events" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_events_order_event_id_index" ON "webhook_events" USING btree ("order_event_id");--> statement-breakpoint
CREATE INDEX "webhook_events_created_at_index" ON "webhook_events" USING btree ("created_at");