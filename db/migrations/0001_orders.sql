CREATE TYPE "public"."account_type" AS ENUM('channel', 'merchant', 'sub_channel', 'merchant_rights');--> statement-breakpoint
CREATE TYPE "public"."order_event_kind" AS ENUM('submitted', 'cancelled', 'question_asked', 'answered', 'edited', 'claimed', 'assigned', 'account_created', 'credentials_sent', 'completed', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."order_state" AS ENUM('submitted', 'in_progress', 'account_created', 'credentials_sent', 'completed', 'needs_info', 'rejected', 'cancelled');--> statement-breakpoint
CREATE TABLE "ecr_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supplier_name" text NOT NULL,
	"ecr_name" text NOT NULL,
	"integration_name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" text,
	"kind" "order_event_kind" NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" bigserial NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by_user_id" text NOT NULL,
	"assignee_user_id" text,
	"type" "account_type" NOT NULL,
	"state" "order_state" DEFAULT 'submitted' NOT NULL,
	"recipient_name" text NOT NULL,
	"recipient_email" text NOT NULL,
	"recipient_phone" text NOT NULL,
	"ecr_product_id" uuid,
	"ecr_supplier_name" text,
	"ecr_name" text,
	"merchant_name" text,
	"merchant_business_id" text,
	"merchant_country" text,
	"terminal_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"additional_info" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_ecr_product_id_ecr_products_id_fk" FOREIGN KEY ("ecr_product_id") REFERENCES "public"."ecr_products"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ecr_products_supplier_name_ecr_name_index" ON "ecr_products" USING btree ("supplier_name","ecr_name");--> statement-breakpoint
CREATE INDEX "order_events_order_id_at_index" ON "order_events" USING btree ("order_id","at");--> statement-breakpoint
CREATE INDEX "order_events_organisation_id_index" ON "order_events" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "order_events_actor_user_id_index" ON "order_events" USING btree ("actor_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_organisation_id_idempotency_key_index" ON "orders" USING btree ("organisation_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "orders_org_submitted_idx" ON "orders" USING btree ("organisation_id","submitted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orders_state_due_at_index" ON "orders" USING btree ("state","due_at");--> statement-breakpoint
CREATE INDEX "orders_created_by_user_id_index" ON "orders" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE INDEX "orders_assignee_user_id_index" ON "orders" USING btree ("assignee_user_id");--> statement-breakpoint
CREATE INDEX "orders_ecr_product_id_index" ON "orders" USING btree ("ecr_product_id");--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_idempotencyKey_unique" UNIQUE("idempotency_key");