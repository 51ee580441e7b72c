import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Only the layer rule, without type information: the project's own config, fast enough for a unit test.
const eslint = new ESLint({
  cwd: process.cwd(),
  ruleFilter: ({ ruleId }) => ruleId === 'import/no-restricted-paths',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

/** The layer errors ESLint reports for `code` placed at `filePath`. */
async function layerErrors(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result!.messages.filter((message) => message.fatal)).toEqual([]);
  return result!.messages.map((message) => message.message);
}

describe('the layers, enforced by lint', () => {
  it.each([
    ['a domain rule importing the database', 'lib/orders/probe.ts', "import { db } from '@/db';\nexport const probe = db;"],
    ['a shared schema importing the schema of the database', 'lib/validations/probe.ts', "import { users } from '@/db/schema';\nexport const probe = users;"],
    ['bulk-file checking (which runs in the browser too) importing a query', 'lib/batches/probe.ts', "import { listEcrCatalogue } from '@/db/queries/orders';\nexport const probe = listEcrCatalogue;"],
    ['phone parsing importing a route', 'lib/phone.ts', "import { placeOrder } from '@/app/(portal)/orders/actions';\nexport const probe = placeOrder;"],
    ['a component importing a query', 'components/probe.ts', "import { listOrders } from '../db/queries/orders';\nexport const probe = listOrders;"],
    ['a query importing a component', 'db/queries/probe.ts', "import { Button } from '@/components/ui/button';\nexport const probe = Button;"],
  ])('refuses %s', async (_case, filePath, code) => {
    expect(await layerErrors(filePath, code)).toHaveLength(1);
  });

  it('lets pages use queries and components, and the database use the pure rules', async () => {
    expect(await layerErrors('app/probe.ts', "import { db } from '@/db';\nexport const probe = db;")).toEqual([]);
    expect(await layerErrors('db/queries/probe.ts', "import { accountTypes } from '@/lib/orders/model';\nexport const probe = accountTypes;")).toEqual([]);
  });
});
