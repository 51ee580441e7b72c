import type pg from 'pg';

/**
 * A partner organisation of the benchmark's own with its admin, created on the first run and
 * found again on later ones: `Bench <label> Partner Oy`, admin `partner_admin.<slug>@bench.example`.
 */
export async function benchPartner(client: pg.Client, { label, slug }: { label: string; slug: string }) {
  const organisation = `Bench ${label} Partner Oy`;
  const admin = `partner_admin.${slug}@bench.example`;
  await client.query(
    `
    WITH org AS (
      INSERT INTO organisations (kind, name, business_id, contact_email)
      SELECT 'ecr_integrator', $1, '2961234-2', $2
      WHERE NOT EXISTS (SELECT 1 FROM organisations WHERE name = $1)
      RETURNING id
    ), person AS (
      INSERT INTO users (id, name, email) SELECT gen_random_uuid()::text, $3, $4 FROM org RETURNING id
    )
    INSERT INTO memberships (user_id, organisation_id, role) SELECT person.id, org.id, 'partner_admin' FROM person, org`,
    [organisation, `${slug}@bench.example`, `${label} Partner`, admin],
  );
  const { rows: [partner] } = await client.query<{ organisationId: string; userId: string }>(
    `SELECT m.organisation_id AS "organisationId", m.user_id AS "userId"
     FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`,
    [admin],
  );
  return partner!;
}
