import drizzle from 'eslint-plugin-drizzle';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

const config = [
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
  ...nextVitals,
  ...nextTs,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { drizzle, '@typescript-eslint': tseslint.plugin },
    rules: {
      // Every update and delete names its rows: an unscoped write across tenants is a bug.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The layers: the domain's pure rules and the shared schemas know nothing of the database or
    // the routes (the browser loads them too); components get data from pages and actions, not
    // from queries; the database layer knows nothing of the UI.
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: ['./lib/orders', './lib/phone.ts', './lib/business-id.ts', './lib/validations', './lib/batches', './lib/partner-applications'],
              from: ['./db', './app'],
              message: 'Pure domain rules and schemas must not import the database or the routes.',
            },
            { target: './components', from: './db', message: 'Components get data from pages and actions, not from db/.' },
            { target: './db', from: ['./app', './components'], message: 'The database layer must not import routes or components.' },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
];

export default config;
