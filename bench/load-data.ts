/**
 * The benchmark's data set, generated inside PostgreSQL (generate_series + INSERT … SELECT),
 * never row by row: 2,000 partner organisations and Poplapay's support team; 1,000,000 orders
 * over three years, skewed towards recent ones and towards a few big partners (the biggest has
 * about 22,000); their timelines (about 7 events per order) as the app writes them; the password
 * SMS and erased credentials of every fulfilled order.
 *
 * States: everything older than a week is final (93 % completed, 4 % rejected, 3 % cancelled);
 * 4,000 orders of the last six days are open across every open state; 600 more are overdue.
 */
import type pg from 'pg';

export const DATASET = {
  version: 'bench-dataset-v1',
  organisations: 2_000,
  orders: 1_000_000,
  openOrders: 4_000,
  overdueOrders: 600,
  supportAgents: 20,
};

export const benchEmails = {
  partnerAdmin: (organisation: number) => `partner_admin.${organisation}@bench.example`,
  supportAgent: (agent: number) => `support_agent.${agent}@bench.example`,
};

/** The data set's marker: loaded completely (the comment is written last) and of this version. */
export async function datasetLoaded(client: pg.Client) {
  const { rows } = await client.query<{ comment: string | null }>(
    'SELECT shobj_description(oid, \'pg_database\') AS comment FROM pg_database WHERE datname = current_database()',
  );
  return rows[0]?.comment?.startsWith(DATASET.version) ?? false;
}

const catalogue = [
  ['Retail Systems Nordic Oy', 'RSN Kassa', 'RSN Kassa Cloud'],
  ['Retail Systems Nordic Oy', 'RSN Ravintola', 'RSN Ravintola Cloud'],
  ['Kassamestarit Oy', 'Mestari POS', 'Mestari POS CloudPOS'],
  ['Vendbase Oy', 'Vendbase Retail', 'Vendbase CloudPOS'],
  ['Lounasrobotti Oy', 'Robotti Ravintola', 'Robotti Pay'],
  ['Posify Finland Oy', 'Posify Go', 'Posify Go Cloud'],
];

/**
 * Each order's timeline by the path it took: the event kinds in order, when each happened (as a
 * fraction of the order's span), who acted and what the event says, as the app writes them.
 */
const timelines: Record<string, [kind: string, at: number, actor: 'creator' | 'agent' | 'system', data: string][]> = {
  submitted: [['submitted', 0, 'creator', '{}']],
  in_progress: [
    ['submitted', 0, 'creator', '{}'],
    ['claimed', 0.3, 'agent', '{}'],
  ],
  needs_info: [
    ['submitted', 0, 'creator', '{}'],
    ['claimed', 0.2, 'agent', '{}'],
    ['question_asked', 0.4, 'agent', '{"question":"Which terminals should the account cover? Please list their IDs."}'],
  ],
  account_created: [
    ['submitted', 0, 'creator', '{}'],
    ['claimed', 0.2, 'agent', '{}'],
    ['account_created', 0.6, 'agent', '{"username":"cp-user"}'],
  ],
  credentials_sent: [
    ['submitted', 0, 'creator', '{}'],
    ['claimed', 0.2, 'agent', '{}'],
    ['account_created', 0.5, 'agent', '{"username":"cp-user"}'],
    ['sms_attempt', 0.55, 'system', '{"attempt":1}'],
    ['credentials_sent', 0.56, 'system', '{}'],
  ],
  completed_credentials: [
    ['submitted', 0, 'creator', '{}'],
    ['claimed', 0.2, 'agent', '{}'],
    ['account_created', 0.8, 'agent', '{"username":"cp-user"}'],
    ['sms_attempt', 0.81, 'system', '{"attempt":1}'],
    ['credentials_sent', 0.82, 'system', '{}'],
    ['sms_status', 0.9, 'system', '{"attempt":1,"status":"delivered"}'],
    ['password_erased', 0.9, 'system', '{"why":"delivered"}'],
    ['completed', 1, 'system', '{}'],
  ],
  completed_rights: [
    ['submitted', 0, 'creator', '{}'],
    ['claimed', 0.3, 'agent', '{}'],
    ['completed', 1, 'agent', '{"rightsAdded":true}'],
  ],
  rejected: [
    ['submitted', 0, 'creator', '{}'],
    ['claimed', 0.3, 'agent', '{}'],
    ['rejected', 1, 'agent', '{"reason":"The merchant already has an account."}'],
  ],
  cancelled: [
    ['submitted', 0, 'creator', '{}'],
    ['cancelled', 1, 'creator', '{}'],
  ],
};

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** Statements in order; each is one round trip, timed in the log. */
function statements(): [label: string, sql: string][] {
  const { organisations: orgCount, orders: orderCount, openOrders, overdueOrders, supportAgents } = DATASET;
  const timelineRows = Object.entries(timelines)
    .flatMap(([path, steps]) => steps.map(([kind, at, actor, data], step) => `(${literal(path)}, ${step}, ${literal(kind)}, ${at}, ${literal(actor)}, ${literal(data)}::jsonb)`))
    .join(',\n      ');
  return [
    [
      'organisations',
      `CREATE TEMP TABLE b_org AS
        SELECT g AS idx, gen_random_uuid() AS id,
          (ARRAY['ecr_integrator', 'ecr_supplier', 'reseller'])[1 + g % 3]::organisation_kind AS kind
        FROM generate_series(1, ${orgCount}) g
        UNION ALL SELECT 0, gen_random_uuid(), 'poplapay';
      INSERT INTO organisations (id, kind, name, business_id, country, contact_email, created_at)
        SELECT id, kind, CASE WHEN idx = 0 THEN 'Poplapay (bench)' ELSE format('Bench Partner %s Oy', lpad(idx::text, 4, '0')) END,
          '2961234-2', 'FI', format('contact%s@bench.example', idx), now() - interval '4 years'
        FROM b_org;`,
    ],
    [
      'people',
      `CREATE TEMP TABLE b_user AS
        SELECT o.idx AS org_idx, o.id AS org_id, r.role::role AS role, r.n, gen_random_uuid()::text AS id,
          CASE WHEN r.role = 'partner_admin' THEN format('partner_admin.%s@bench.example', o.idx)
               ELSE format('partner_member.%s@bench.example', o.idx) END AS email
        FROM b_org o CROSS JOIN (VALUES ('partner_admin', 0), ('partner_member', 1)) r(role, n)
        WHERE o.idx > 0
        UNION ALL
        SELECT 0, (SELECT id FROM b_org WHERE idx = 0), CASE WHEN g <= 2 THEN 'support_admin' ELSE 'support_agent' END::role, g,
          gen_random_uuid()::text,
          CASE WHEN g <= 2 THEN format('support_admin.%s@bench.example', g) ELSE format('support_agent.%s@bench.example', g - 2) END
        FROM generate_series(1, ${supportAgents + 2}) g;
      INSERT INTO users (id, name, email, email_verified, created_at)
        SELECT id, initcap(replace(split_part(email, '@', 1), '_', ' ')), email, now() - interval '3 years', now() - interval '3 years' FROM b_user;
      INSERT INTO memberships (user_id, organisation_id, role) SELECT id, org_id, role FROM b_user;
      CREATE TEMP TABLE b_people AS
        SELECT org_idx, max(id) FILTER (WHERE n = 0) AS admin_id, max(id) FILTER (WHERE n = 1) AS member_id
        FROM b_user WHERE org_idx > 0 GROUP BY org_idx;
      INSERT INTO ecr_products (supplier_name, ecr_name, integration_name)
        VALUES ${catalogue.map((row) => `(${row.map(literal).join(', ')})`).join(', ')}
        ON CONFLICT DO NOTHING;`,
    ],
    [
      'orders (generate)',
      // A few big partners: organisation = 1 + floor(2000 * u²) gives the first about 2.2 %.
      `CREATE TEMP TABLE b_order AS
        WITH base AS (
          SELECT g,
            CASE WHEN g <= ${openOrders} THEN 'open' WHEN g <= ${openOrders + overdueOrders} THEN 'overdue' ELSE 'final' END AS bucket,
            1 + floor(${orgCount} * power(random(), 2))::int AS org_idx,
            random() AS r_state, random() AS r_type, random() AS r_time, random() AS r_span, random() AS r_agent, random() AS r_creator
          FROM generate_series(1, ${orderCount}) g
        ), typed AS (
          SELECT base.*,
            (CASE WHEN r_type < 0.30 THEN 'channel' WHEN r_type < 0.70 THEN 'merchant' WHEN r_type < 0.85 THEN 'sub_channel' ELSE 'merchant_rights' END)::account_type AS type,
            CASE bucket
              WHEN 'open' THEN now() - r_time * interval '6 days'
              WHEN 'overdue' THEN now() - interval '8 days' - r_time * interval '20 days'
              -- Older orders thin out: three years back, more of them recent.
              ELSE now() - interval '8 days' - power(r_time, 1.5) * interval '1087 days'
            END AS submitted_at
          FROM base
        ), stated AS (
          SELECT typed.*,
            (CASE bucket
              WHEN 'open' THEN CASE
                WHEN r_state < 0.35 THEN 'submitted' WHEN r_state < 0.68 THEN 'in_progress' WHEN r_state < 0.80 THEN 'needs_info'
                WHEN type = 'merchant_rights' THEN 'in_progress' WHEN r_state < 0.90 THEN 'account_created' ELSE 'credentials_sent' END
              WHEN 'overdue' THEN CASE WHEN r_state < 0.5 THEN 'submitted' ELSE 'in_progress' END
              ELSE CASE WHEN r_state < 0.93 THEN 'completed' WHEN r_state < 0.97 THEN 'rejected' ELSE 'cancelled' END
            END)::order_state AS state
          FROM typed
        )
        SELECT gen_random_uuid() AS id, g, type, state, submitted_at,
          o.id AS org_id, stated.org_idx,
          CASE WHEN state = 'completed' AND type = 'merchant_rights' THEN 'completed_rights'
               WHEN state = 'completed' THEN 'completed_credentials' ELSE state::text END AS path,
          CASE WHEN state IN ('completed', 'rejected', 'cancelled') THEN interval '2 hours' + r_span * interval '5 days'
               ELSE (now() - submitted_at) * 0.9 END AS span,
          CASE WHEN state IN ('submitted', 'cancelled') THEN NULL
               ELSE (SELECT array_agg(id ORDER BY n) FROM b_user WHERE role = 'support_agent')[1 + floor(r_agent * ${supportAgents})::int] END AS assignee,
          CASE WHEN r_creator < 0.6 THEN p.admin_id ELSE p.member_id END AS creator,
          -- A question pauses the clock: the due date moves by how long the partner took.
          submitted_at + interval '7 days' + CASE WHEN state = 'needs_info' THEN r_span * interval '2 days' ELSE interval '0' END AS due_at
        FROM stated JOIN b_org o ON o.idx = stated.org_idx JOIN b_people p ON p.org_idx = stated.org_idx;`,
    ],
    [
      'orders (insert)',
      `INSERT INTO orders (id, organisation_id, created_by_user_id, assignee_user_id, type, state, recipient_name, recipient_email, recipient_phone,
          ecr_supplier_name, ecr_name, merchant_name, merchant_business_id, merchant_country, terminal_ids, additional_info,
          submitted_at, due_at, completed_at, idempotency_key, created_at, updated_at)
        SELECT id, org_id, creator, assignee, type, state,
          format('Recipient %s', g), format('r%s@merchant%s.example', g, g % 50000), '+35840' || lpad((1000000 + g % 8000000)::text, 7, '0'),
          CASE WHEN type IN ('sub_channel', 'merchant_rights') THEN (ARRAY[${catalogue.map((row) => literal(row[0]!)).join(', ')}])[1 + g % ${catalogue.length}] END,
          CASE WHEN type IN ('sub_channel', 'merchant_rights') THEN (ARRAY[${catalogue.map((row) => literal(row[1]!)).join(', ')}])[1 + g % ${catalogue.length}] END,
          CASE WHEN type IN ('merchant', 'merchant_rights') THEN format('Merchant %s Oy', g % 50000) END,
          CASE WHEN type IN ('merchant', 'merchant_rights') THEN '2961234-2' END,
          CASE WHEN type IN ('merchant', 'merchant_rights') THEN 'FI' END,
          CASE WHEN g % 3 = 0 THEN ARRAY[format('T-%s', g), format('T-%s-2', g)] ELSE '{}'::text[] END,
          CASE WHEN type = 'merchant_rights' THEN 'Add the merchant to our existing integration account.' END,
          submitted_at, due_at, CASE WHEN state = 'completed' THEN submitted_at + span END,
          gen_random_uuid(), submitted_at, submitted_at + span
        FROM b_order
        -- Order numbers follow submission time, as they do in the app.
        ORDER BY submitted_at;`,
    ],
    [
      'order_events',
      `CREATE TEMP TABLE b_timeline (path text, step int, kind text, at double precision, actor text, data jsonb);
      INSERT INTO b_timeline VALUES
      ${timelineRows};
      INSERT INTO order_events (id, order_id, organisation_id, at, actor_user_id, kind, data)
        SELECT gen_random_uuid(), o.id, o.org_id, o.submitted_at + o.span * t.at + t.step * interval '1 millisecond',
          CASE t.actor WHEN 'creator' THEN o.creator WHEN 'agent' THEN o.assignee END,
          t.kind::order_event_kind, t.data
        FROM b_order o JOIN b_timeline t ON t.path = o.path;`,
    ],
    [
      'credentials and sms_deliveries',
      `INSERT INTO credentials (order_id, username, created_by_user_id, created_at, erased_at)
        SELECT id, format('cp-%s', g), assignee, submitted_at + span * 0.8,
          CASE WHEN state = 'completed' THEN submitted_at + span * 0.9 END
        FROM b_order WHERE path IN ('completed_credentials', 'account_created', 'credentials_sent');
      INSERT INTO sms_deliveries (order_id, attempt, to_phone, reference, status, twilio_sid, submitted_at, created_at, updated_at)
        SELECT id, 1, '+35840' || lpad((1000000 + g % 8000000)::text, 7, '0'), upper(substr(md5(id::text), 1, 8)),
          (CASE WHEN state = 'completed' THEN 'delivered' ELSE 'queued' END)::sms_status, 'SM' || md5(id::text),
          submitted_at + span * 0.81, submitted_at + span * 0.8, submitted_at + span * 0.9
        FROM b_order WHERE path IN ('completed_credentials', 'credentials_sent');`,
    ],
  ];
}

/**
 * Loads the data set into a freshly migrated database. Secondary indexes of the big tables are
 * dropped for the load and built again afterwards (much faster than maintaining them row by
 * row); foreign keys are trusted for the load (session_replication_role) because every row is
 * generated from rows inserted just before.
 */
export async function loadDataset(client: pg.Client, log: (line: string) => void) {
  const bigTables = ['orders', 'order_events', 'credentials', 'sms_deliveries'];
  const timed = async (label: string, sql: string) => {
    const started = Date.now();
    await client.query(sql);
    log(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  await client.query(`SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'; SET synchronous_commit = off; SET session_replication_role = replica`);
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i
     WHERE i.indrelid = ANY($1::regclass[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [bigTables],
  );
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  for (const [label, sql] of statements()) await timed(label, sql);
  await timed(`${indexes.length} secondary indexes`, indexes.map((index) => `${index.definition};`).join('\n'));
  await client.query('SET session_replication_role = DEFAULT');
  await timed('vacuum analyze', 'VACUUM (ANALYZE)');
  await client.query(`COMMENT ON DATABASE ${await currentDatabase(client)} IS '${DATASET.version}: ${DATASET.orders} orders, ${DATASET.organisations} organisations, loaded ${new Date().toISOString()}'`);
}

async function currentDatabase(client: pg.Client) {
  const { rows } = await client.query<{ name: string }>('SELECT current_database() AS name');
  return `"${rows[0]!.name}"`;
}
