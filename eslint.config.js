// Lint = style basics + the layer rules of docs/architecture.md. The layer rules
// are the part that matters: they keep Electron thin and the renderer tokenless.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
  { files: ['renderer/**', 'tests/unit/renderer/**'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['*.config.ts', '*.config.js', 'eslint.config.js'], rules: { 'no-restricted-syntax': 'off' } },
  ...layerRules,
);
