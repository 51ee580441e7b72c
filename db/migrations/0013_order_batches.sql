CREATE TABLE "order_batch_rows" (
	"batch_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"input" jsonb,
	"order_id" uuid,
	CONSTRAINT "order_batch_rows_batch_id_row_number_pk" PRIMARY KEY("batch_id","row_number"),
	CONSTRAINT "order_batch_rows_orderId_unique" UNIQUE("order_id"),
	CONSTRAINT "order_batch_rows_input_or_order" CHECK (("order_batch_rows"."input" is null) <> ("order_batch_rows"."order_id" is null))
);
--> statement-breakpoint
CREATE TABLE "order_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" bigserial NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by_user_id" text,
	"created_by_api_key_id" uuid,
	"type" "account_type" NOT NULL,
	"file_name" text,
	"idempotency_key" uuid NOT NULL,
	"request_hash" text,
	"row_count" integer NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "order_batches_number_unique" UNIQUE("number"),
	CONSTRAINT "order_batches_placed_by" CHECK ("order_batches"."created_by_user_id" is not null or "order_batches"."created_by_api_key_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
ALTER TABLE "order_batch_rows" ADD CONSTRAINT "order_batch_rows_batch_id_order_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."order_batches"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_batch_rows" ADD CONSTRAINT "order_batch_rows_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_batches" ADD CONSTRAINT "order_batches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_batches" ADD CONSTRAINT "order_batches_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_batches" ADD CONSTRAINT "order_batches_created_by_api_key_id_api_keys_id_fk" FOREIGN KEY ("created_by_api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "order_batches_organisation_id_idempotency_key_index" ON "order_batches" USING btree ("organisation_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "order_batches_organisation_id_submitted_at_index" ON "order_batches" USING btree ("organisation_id","submitted_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "order_batches_created_by_user_id_index" ON "order_batches" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE INDEX "order_batches_created_by_api_key_id_index" ON "order_batches" USING btree ("created_by_api_key_id");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_batch_id_order_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."order_batches"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_batch_id_index" ON "orders" USING btree ("batch_id") WHERE batch_id is not null;