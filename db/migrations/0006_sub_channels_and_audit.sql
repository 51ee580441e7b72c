CREATE TYPE "public"."audit_action" AS ENUM('organisation.created', 'organisation.updated', 'organisation.deactivated', 'organisation.reactivated', 'invitation.created', 'invitation.accepted', 'member.role_changed', 'member.removed', 'catalogue.created', 'catalogue.updated', 'settings.deadline_changed', 'merchant.added', 'merchant.deactivated', 'terminal.added');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp (3) with time zone DEFAULT clock_timestamp() NOT NULL,
	"actor_user_id" text,
	"organisation_id" uuid,
	"action" "audit_action" NOT NULL,
	"subject_id" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ecr_product_resellers" (
	"ecr_product_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "ecr_product_resellers_ecr_product_id_organisation_id_pk" PRIMARY KEY("ecr_product_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "merchants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sub_channel_order_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"business_id" text NOT NULL,
	"country" text DEFAULT 'FI' NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"created_by_user_id" text,
	"deactivated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "terminals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merchant_id" uuid NOT NULL,
	"sub_channel_order_id" uuid NOT NULL,
	"terminal_id" text NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "ecr_products" ADD COLUMN "supplier_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "ecr_products" ADD COLUMN "supplier_sees_merchants" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecr_product_resellers" ADD CONSTRAINT "ecr_product_resellers_ecr_product_id_ecr_products_id_fk" FOREIGN KEY ("ecr_product_id") REFERENCES "public"."ecr_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ecr_product_resellers" ADD CONSTRAINT "ecr_product_resellers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_sub_channel_order_id_orders_id_fk" FOREIGN KEY ("sub_channel_order_id") REFERENCES "public"."orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminals" ADD CONSTRAINT "terminals_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminals" ADD CONSTRAINT "terminals_sub_channel_order_id_orders_id_fk" FOREIGN KEY ("sub_channel_order_id") REFERENCES "public"."orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminals" ADD CONSTRAINT "terminals_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_at_index" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_organisation_id_at_index" ON "audit_events" USING btree ("organisation_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_user_id_index" ON "audit_events" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "ecr_product_resellers_organisation_id_index" ON "ecr_product_resellers" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "merchants_sub_channel_order_id_organisation_id_index" ON "merchants" USING btree ("sub_channel_order_id","organisation_id");--> statement-breakpoint
CREATE INDEX "merchants_organisation_id_index" ON "merchants" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "merchants_created_by_user_id_index" ON "merchants" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "terminals_active_per_sub_channel" ON "terminals" USING btree ("sub_channel_order_id","terminal_id") WHERE "terminals"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "terminals_merchant_id_index" ON "terminals" USING btree ("merchant_id");--> statement-breakpoint
CREATE INDEX "terminals_created_by_user_id_index" ON "terminals" USING btree ("created_by_user_id");--> statement-breakpoint
ALTER TABLE "ecr_products" ADD CONSTRAINT "ecr_products_supplier_organisation_id_organisations_id_fk" FOREIGN KEY ("supplier_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ecr_products_supplier_organisation_id_index" ON "ecr_products" USING btree ("supplier_organisation_id");--> statement-breakpoint
-- The audit trail, like the order timeline: the application may add events, never change or remove them.
CREATE FUNCTION forbid_audit_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION forbid_audit_event_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_audit_event_change();
