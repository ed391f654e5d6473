// Lint = style basics + the layer rules of docs/architecture.md. The layer rules
// are the part that matters: they keep Electron thin and the renderer tokenless.
// Two kinds: `no-restricted-*` deny the `electron` module, Node builtins and globals
// per folder; `boundaries/dependencies` is the allow-list of which folder may import
// which (anything not listed is refused).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';

const electronModule = { name: 'electron', message: "Only electron/shell and electron/main.ts may import 'electron'." };
const electronModulePattern = { group: ['electron/*'], message: "Only electron/shell and electron/main.ts may import 'electron'." };
const noElectronLayer = {
  group: ['**/electron/**', '../electron/*', '../../electron/*', '../../../electron/*'],
  message: 'renderer/ and shared/ never import from electron/.',
};
const noRendererLayer = {
  group: ['**/renderer/**', '../renderer/*', '../../renderer/*', '../../../renderer/*'],
  message: 'electron/ and shared/ never import from renderer/.',
};
const noNodeBuiltins = { group: ['node:*'], message: 'This layer does not run in Node.' };

/**
 * A chosen subset of typescript-eslint's type-checked rules: the ones that find bugs tsc lets
 * through (a promise nobody awaits or catches, a promise where a callback must return void, an
 * await of a non-promise, "[object Object]" in a string, throwing or rejecting with a
 * non-Error). Left out of `recommendedTypeChecked` on purpose: `no-unsafe-*` (tests use `any`
 * for raw wire JSON), `unbound-method` (zustand stores and port objects are method-shaped and
 * never use `this`), `require-await` (handlers are async by contract), and
 * `no-unnecessary-type-assertion` (style). JavaScript files (build scripts, this file) have no
 * project and are not type-checked.
 */
const typeAwareRules = [
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-array-delete': 'error',
      '@typescript-eslint/no-base-to-string': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/restrict-plus-operands': 'error',
      '@typescript-eslint/restrict-template-expressions': 'error',
    },
  },
  // Tests reject with what IndexedDB's request gives them (a DOMException or null).
  { files: ['tests/**'], rules: { '@typescript-eslint/prefer-promise-reject-errors': 'off' } },
];

export const layerRules = [
  {
    // shared/: runtime-neutral. No electron/, renderer/, Node or DOM.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronModule], patterns: [electronModulePattern, noElectronLayer, noRendererLayer, noNodeBuiltins] },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'localStorage'],
    },
  },
  {
    // electron/ outside the shell: plain Node, never the electron module, never the renderer.
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell/**', 'electron/main.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronModule], patterns: [electronModulePattern, noRendererLayer] }],
    },
  },
  {
    // electron/fs: durable-file helpers shared by services and the sandbox, so it imports only node:* and itself.
    files: ['electron/fs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronModule],
          patterns: [electronModulePattern, { group: ['../*'], message: 'electron/fs imports only node:* and its own files.' }],
        },
      ],
    },
  },
  {
    files: ['electron/shell/**/*.ts', 'electron/main.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noRendererLayer] }] },
  },
  {
    // renderer/: DOM only; never electron/ nor the electron module.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronModule], patterns: [electronModulePattern, noElectronLayer, noNodeBuiltins] }],
    },
  },
  {
    // Only renderer/platform touches the bridge global.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/platform/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'window', property: 'consoleBridge', message: 'Use renderer/platform.' }],
      'no-restricted-globals': ['error', { name: 'consoleBridge', message: 'Use renderer/platform.' }],
    },
  },
];

/**
 * One element per layer folder (docs/architecture.md, "Processes and layers"). The first
 * match wins, so `renderer` and `electron` last hold only their root files: renderer/main.tsx,
 * electron/main.ts and electron/core.ts.
 */
const elements = [
  ...['app', 'runtime', 'data', 'platform', 'state', 'ui', 'i18n'].map((folder) => ({ type: folder, pattern: `renderer/${folder}` })),
  { type: 'feature', pattern: 'renderer/features/*', capture: ['feature'] },
  { type: 'renderer-root', pattern: 'renderer' },
  { type: 'shared', pattern: 'shared/*', capture: ['module'] },
  ...['shell', 'ipc', 'ports', 'services', 'fs', 'sandbox'].map((folder) => ({ type: folder, pattern: `electron/${folder}` })),
  { type: 'electron-root', pattern: 'electron' },
].map((element) => ({ ...element, partialMatch: false }));

const core = { type: 'electron-root', fileInternalPath: 'core.ts' };
const electronMain = { type: 'electron-root', fileInternalPath: 'main.ts' };

/**
 * Who may import whom, as [from, [to…]]. A layer always imports its own files; anything not
 * listed is refused.
 */
const mayImport = [
  ['renderer-root', ['app', 'runtime', 'data', 'platform', 'state', 'ui', 'i18n', 'shared']],
  ['app', ['feature', 'runtime', 'data', 'platform', 'state', 'ui', 'i18n', 'shared']],
  // Features never import app/; another feature only through its index.ts (policy below).
  ['feature', ['runtime', 'data', 'platform', 'state', 'ui', 'i18n', 'shared']],
  ['runtime', ['data', 'platform', 'state', 'ui', 'i18n', 'shared']],
  // Persisted stores read and write through the storage owner (platform/storage.ts).
  ['state', ['data', 'platform', 'shared']],
  ['data', ['platform', 'shared']],
  ['platform', ['shared']],
  ['ui', ['i18n', 'shared']],
  ['i18n', ['shared']],
  ['shared', ['shared']],
  [electronMain, [core, 'shell', 'services', 'ports', 'shared']],
  // The composition root: the only place that knows the sandbox and the services together.
  [core, ['ipc', 'ports', 'services', 'sandbox', 'shared']],
  ['shell', [core, 'ipc', 'ports', 'services', 'fs', 'shared']],
  ['ipc', ['ports', 'services', 'shared']],
  ['ports', ['shared']],
  // Never the sandbox: core.ts injects the sandbox starter (services/backend/backend-registry.ts).
  ['services', ['ports', 'fs', 'shared']],
  ['fs', []],
  ['sandbox', ['fs', 'shared']],
];
const selector = (element) => (typeof element === 'string' ? { type: element } : element);

export const boundaryRules = [
  {
    files: ['renderer/**/*.{ts,tsx}', 'electron/**/*.ts', 'shared/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: '{{from.type}} may not import {{to.type}} (allow-list in eslint.config.js, docs/architecture.md).',
          policies: [
            { allow: { dependency: { relationship: { to: 'internal' } } } },
            ...mayImport.map(([from, to]) => ({
              from: { element: selector(from) },
              allow: { to: { element: to.map(selector) } },
            })),
            {
              from: { element: { type: 'feature' } },
              allow: { to: { element: { type: 'feature', fileInternalPath: ['index.ts', 'index.tsx'] } } },
            },
          ],
        },
      ],
    },
  },
];

/**
 * Size limits (docs/architecture.md, "Size limits"): a file counts every line, a function its
 * code lines (blank lines and comments skipped). Tests are held to the same limits: a describe
 * or test callback is a function like any other.
 */
export const sizeRules = [
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: {
      'max-lines': ['error', { max: 450, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  // The catalogues are data: one key per line, five languages.
  { files: ['renderer/i18n/catalogues/**'], rules: { 'max-lines': 'off', 'max-lines-per-function': 'off' } },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'reports/**', 'test-results/**', 'tests/unit/electron/lint-fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  { files: ['electron/**', 'tests/**', 'build/**', '*.config.*', 'eslint.config.js'], languageOptions: { globals: { ...globals.node } } },
  ...typeAwareRules,
  { files: ['renderer/**', 'tests/unit/renderer/**'], languageOptions: { globals: { ...globals.browser } } },
  {
    // Only the two classic rules: a hook called conditionally, or an effect missing a dependency, is a bug.
    files: ['renderer/**/*.{ts,tsx}', 'tests/unit/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  { files: ['*.config.ts', '*.config.js', 'eslint.config.js'], rules: { 'no-restricted-syntax': 'off' } },
  ...layerRules,
  ...boundaryRules,
  ...sizeRules,
);
