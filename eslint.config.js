import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'server/dist/', 'server/.test-build/', 'coverage/', 'storybook-static/', 'node_modules/', 'data/', 'tmp/', 'custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts'],
    ...litConfigs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts'],
    ...wcConfigs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    // test/e2e and the screenshot script run in Node but hand callbacks to the page, so they see both sets of globals.
    files: ['src/**/*.ts', 'stories/**/*.ts', 'mocks/**/*.ts', 'test/**/*.ts', 'test/e2e/**/*.js', 'demo/**/*.js', 'scripts/screenshots.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['scripts/**/*.js', 'bench/**/*.js', 'examples/**/*.js', 'test/e2e/**/*.js', 'test/pack/**/*.js', 'server/**/*.ts', 'server/bin/*.js', '*.config.js', '*.config.mjs', '.storybook/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Server functions stay short enough to read as the steps of one rule (issue 11).
    files: ['server/src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
