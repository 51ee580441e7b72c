CREATE TYPE "public"."partner_application_state" AS ENUM('new', 'in_review', 'approved', 'declined');--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'application.received';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'application.in_review';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'application.note_added';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'application.approved';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'application.declined';--> statement-breakpoint
CREATE TABLE "partner_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state" "partner_application_state" DEFAULT 'new' NOT NULL,
	"interest" "organisation_kind" NOT NULL,
	"company_name" text NOT NULL,
	"business_id" text NOT NULL,
	"country" text NOT NULL,
	"contact_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"locale" "locale" NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" text,
	"decline_reason" text,
	"organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_applications_interest_not_poplapay" CHECK ("partner_applications"."interest" <> 'poplapay'),
	CONSTRAINT "partner_applications_decided" CHECK (("partner_applications"."state" in ('approved', 'declined')) = ("partner_applications"."decided_at" is not null)),
	CONSTRAINT "partner_applications_approved_organisation" CHECK (("partner_applications"."state" = 'approved') = ("partner_applications"."organisation_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "partner_applications" ADD CONSTRAINT "partner_applications_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_applications" ADD CONSTRAINT "partner_applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_applications_state_submitted_at_index" ON "partner_applications" USING btree ("state","submitted_at");--> statement-breakpoint
CREATE INDEX "partner_applications_business_id_index" ON "partner_applications" USING btree ("business_id");--> statement-breakpoint
CREATE INDEX "partner_applications_decided_by_user_id_index" ON "partner_applications" USING btree ("decided_by_user_id");--> statement-breakpoint
CREATE INDEX "partner_applications_organisation_id_index" ON "partner_applications" USING btree ("organisation_id");