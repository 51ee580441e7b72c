-- Which orders are open and which have someone on them go together: closed orders mostly have an
-- assignee, open ones mostly not. Without this PostgreSQL took the two as independent, expected a
-- tenth of the queue's unassigned orders, and read all of them instead of the first 26 by due date.
CREATE STATISTICS IF NOT EXISTS "orders_state_assignee_stats" (mcv) ON "state", "assignee_user_id" FROM "orders";--> statement-breakpoint
ANALYZE "orders";
