import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import noTypeImportCycle from './eslint/no-type-import-cycle.js';
import tseslint from 'typescript-eslint';

/**
 * Lint keeps the layering honest (docs/ARCHITECTURE.md):
 *   console → api-schemas + domain;  bff → api-schemas + engine + data-plane;  data-plane → engine;
 *   engine → domain + guest, nothing of HTTP or React;  api-schemas → domain;  domain → nothing.
 */
export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // No import cycles: a module graph with cycles has no order to read or initialise it in. import-x
    // follows value imports; the local rule catches the cycles that close through `import type`.
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, sandcloud: { rules: { 'no-type-import-cycle': noTypeImportCycle } } },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-cycle': 'error', 'sandcloud/no-type-import-cycle': 'error' },
  },
  {
    files: ['apps/console/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'react-hooks/set-state-in-effect': 'off' },
  },
  ...layer('packages/domain/**/*.ts', 'The domain is the vocabulary: it depends on no other workspace and no framework', [
    '@sandcloud/*', 'express', 'express/*', 'react', 'react-*', 'zod', 'better-sqlite3', 'node:*',
  ]),
  ...layer('packages/engine/**/*.ts', 'The engine knows nothing of HTTP, React or the API schemas', [
    '@sandcloud/api-schemas', '@sandcloud/bff', '@sandcloud/console', 'express', 'express/*', 'react', 'react-*', '@tanstack/*', 'ws', 'node:http', 'http', 'zod',
  ]),
  ...layer('packages/guest/**/*.ts', 'The guest is a pure simulated machine', [
    '@sandcloud/*', 'express', 'react', 'react-*', 'node:fs', 'fs', 'node:child_process', 'child_process', 'node:http', 'http',
  ]),
  ...layer('packages/api-schemas/**/*.ts', 'Schemas are shared by the console and the BFF and depend on nothing of theirs', [
    '@sandcloud/engine', '@sandcloud/guest', '@sandcloud/bff', '@sandcloud/console', 'express', 'react', 'react-*',
  ]),
  ...layer('packages/data-plane/**/*.ts', 'The data plane is a network adapter over the engine: no web framework, no console', [
    '@sandcloud/api-schemas', '@sandcloud/bff', '@sandcloud/console', 'express', 'react', 'react-*',
  ]),
  ...layer('apps/bff/**/*.ts', 'The BFF never reaches into the console', ['@sandcloud/console', 'react', 'react-*', '@sandcloud/guest']),
  ...engineBoundary(),
  ...consoleFeatureBoundaries(),
  ...layer('apps/console/**/*.{ts,tsx}', 'The console talks to the BFF over HTTP, never to the engine', [
    '@sandcloud/engine', '@sandcloud/guest', '@sandcloud/bff', 'express', 'better-sqlite3', 'node:*',
  ]),
);

/** Forbids a layer's files to import the named packages, or to reach into another workspace by path. */
function layer(files, message, forbidden) {
  return [
    {
      files: [files],
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: [{ group: forbidden, message }, { group: ['../../../*/src/*', '**/packages/*', '**/apps/*'], message: 'Import another workspace by its package name' }] },
        ],
      },
    },
  ];
}

/**
 * Console features meet only through their public surface, as bulletproof-react's zones enforce: a
 * feature imports another feature only from its `index.ts`; the router (`app/`) takes each feature's
 * screens from its `pages.ts` (lazy loaders, one chunk each) and anything else from `index.ts`;
 * shared code (`lib/`, `components/`) imports no feature and no app file; features never import `app/`.
 * (`import-x/no-cycle` above applies here too.) Message tables are data keyed by prefix, not a
 * feature's internals: the app's loader list (`app/messages.ts`), `lib/i18n` and a test may read any
 * feature's message files. Shown failing in `apps/console/src/lib/boundaries.test.ts`.
 */
function consoleFeatureBoundaries() {
  const root = fileURLToPath(new URL('.', import.meta.url));
  const src = `${root}apps/console/src`;
  const features = readdirSync(`${src}/features`, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const messageFiles = [`${src}/features/*/**/messages.ts`, `${src}/features/*/**/messages/**`, `${src}/features/*/messages.ts`, `${src}/features/*/messages/**`];
  return [
    {
      files: ['apps/console/src/**/*.{ts,tsx}'],
      rules: {
        'import-x/no-restricted-paths': [
          'error',
          {
            basePath: root,
            zones: [
              ...features.map((feature) => ({
                target: `${src}/features/${feature}`,
                from: `${src}/features/*/**`,
                except: [`${src}/features/*/index.ts`, `${src}/features/${feature}/**`, ...messageFiles],
                message: `A feature uses another only through its public index.ts (features/<name>/index.ts); export what ${feature} needs there.`,
              })),
              {
                target: `${src}/app`,
                from: `${src}/features/*/**`,
                except: [`${src}/features/*/index.ts`, `${src}/features/*/pages.ts`, ...messageFiles],
                message: 'The app takes screens from a feature\'s pages.ts and everything else from its index.ts.',
              },
              { target: `${src}/features`, from: `${src}/app`, message: 'Features do not import the app (router, shell, providers).' },
              {
                target: [`${src}/lib`, `${src}/components`],
                from: `${src}/features/**`,
                except: messageFiles,
                message: 'Shared code (lib, components) is used by features and imports none of them.',
              },
              { target: [`${src}/lib`, `${src}/components`], from: `${src}/app`, message: 'Shared code (lib, components) does not import the app.' },
            ],
          },
        ],
      },
    },
  ];
}

/**
 * Outside `packages/engine`, nothing reaches into the engine's store or its SQL: adapters ask
 * `engine.queries` and the services (issue 12). Shown failing in `apps/bff/src/routes/engine-boundary.test.ts`.
 */
function engineBoundary() {
  const message = 'Outside packages/engine, ask engine.queries or a service (or a fixture of @sandcloud/engine/testing), never the store or SQL';
  return [
    {
      files: ['**/*.{ts,tsx,js,mjs}'],
      ignores: [
        'packages/engine/**',
      ],
      rules: {
        'no-restricted-syntax': [
          'error',
          { selector: "MemberExpression[property.name='store']", message },
          { selector: "MemberExpression[property.name='db']", message },
          { selector: "CallExpression[callee.property.name='prepare']", message },
          { selector: "ImportDeclaration[source.value='better-sqlite3']", message },
        ],
      },
    },
  ];
}
