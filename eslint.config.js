import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// Layer rules of shared/DESIGN.md §8: lib/ never imports entrypoints/, content scripts never
// import lib/db (their IndexedDB would be the page's), and no promise is left floating.
const noEntrypointsFromLib = {
  group: ['@/entrypoints/*', '**/entrypoints/*', '~/entrypoints/*'],
  message: 'lib/ and components/ must not import entrypoints/: entrypoints only wire.',
};
const noDbInContentScripts = {
  group: ['@/lib/db', '@/lib/db/*', '**/lib/db', '**/lib/db/*', '../db', '../db/*', 'dexie', 'dexie-react-hooks'],
  message: 'Code that runs in web pages must not use the database: send a message to the background.',
};

// The background worker ships without Dexie (issue 19: its size and start-up): it reaches the
// database through lib/db/store.ts. Pages keep Dexie (lib/db/database.ts and what uses it).
const noDexieInWorker = {
  // Dexie, lib/db/database.ts, and lib/db's index (which gathers the Dexie-based modules).
  regex: '^(dexie(-react-hooks)?|.*db/database|@/lib/db|\\.\\./db|\\./index|\\./database)$',
  message: 'The background worker reaches the database through lib/db/store.ts, not Dexie.',
};
const WORKER_DB_FILES = [
  'store',
  'store-reads',
  'schema-steps',
  'announce-changes',
  'recording',
  'new-touchpoints',
  'record-signal',
  'publish-recording-state',
  'versions',
].map((name) => `lib/db/${name}.ts`);

export default tseslint.config(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'demo-output/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false, arguments: false } },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // An import cycle makes load order matter and a module impossible to read on its own.
    files: ['entrypoints/**', 'components/**', 'lib/**', 'scripts/**', 'tests/**'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['lib/**', 'components/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noEntrypointsFromLib] }] },
  },
  {
    files: ['entrypoints/background.ts', 'lib/capture/**', ...WORKER_DB_FILES],
    rules: { 'no-restricted-imports': ['error', { patterns: [noDexieInWorker, noEntrypointsFromLib] }] },
  },
  {
    files: ['entrypoints/page-agent.ts', 'entrypoints/page-tools.ts', 'lib/page-agent/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noDbInContentScripts, noEntrypointsFromLib] }] },
  },
  {
    // Test doubles often stand in for async APIs without awaiting anything themselves.
    files: ['tests/**'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // Playwright fixtures take their dependencies as a destructured (possibly empty) object.
    files: ['tests/e2e/fixtures.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The demo shop's and the corpus app's own scripts run in the browser, as plain page scripts.
    files: ['tests/fixtures/site/*.js', 'tests/fixtures/corpus/spa/**/*.js'],
    languageOptions: {
      globals: {
        document: 'readonly',
        window: 'readonly',
        Element: 'readonly',
        HTMLElement: 'readonly',
        EventTarget: 'readonly',
        Document: 'readonly',
        KeyboardEvent: 'readonly',
        PointerEvent: 'readonly',
        CustomEvent: 'readonly',
        customElements: 'readonly',
        setInterval: 'readonly',
        requestAnimationFrame: 'readonly',
        history: 'readonly',
      },
    },
  },
);
