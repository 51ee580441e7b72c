CREATE TYPE "public"."locale" AS ENUM('fi', 'sv', 'en');--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "locale" "locale" DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "recipient_locale" "locale" DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" "locale" DEFAULT 'en' NOT NULL;--> statement-breakpoint
-- People who were never asked: Finnish for partners in Finland, English for everyone else (what they saw so far).
-- Existing orders keep English, the language their messages were written in until now.
UPDATE "users" SET "locale" = 'fi' FROM "memberships", "organisations"
WHERE "memberships"."user_id" = "users"."id" AND "organisations"."id" = "memberships"."organisation_id"
  AND "organisations"."country" = 'FI' AND "organisations"."kind" <> 'poplapay';
