// ESLint flat config: typescript-eslint (strict + stylistic, type-checked) everywhere, Lit, Lit a11y and
// web-component rules for the element code, Prettier's conflicting style rules switched off last.
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import tseslint from '@acs-elements/eslint-typescript';

/** Each TypeScript file is type-checked against the tsconfig that builds it (the one `npm run typecheck`/`test:node` use). */
const projects = [
  { files: ['src/**/*.ts', 'test/browser/**/*.ts'], ignores: ['src/testing/node/**'], project: './tsconfig.json' },
  { files: ['src/testing/node/**/*.ts'], project: './src/testing/node/tsconfig.json' },
  { files: ['server/**/*.ts'], project: './server/tsconfig.json' },
  { files: ['test/node/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'test/support/*.d.mts'], project: './test/node/tsconfig.json' },
];

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', '.consumer/', '.data/', '.wtr-cache/', '.cem-check-*/', 'test/node/fixtures/consumer/', 'custom-elements.json'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  ...projects.map(({ files, ignores = [], project }) => ({
    files,
    ignores,
    languageOptions: { parserOptions: { project, tsconfigRootDir: import.meta.dirname } },
  })),
  {
    files: ['**/*.ts'],
    rules: {
      // Numbers, booleans and nullables in template strings are what log lines and messages are made of; `never`/objects/symbols stay errors.
      // `interface X extends Y {}` is how a global map (GlobalEventHandlersEventMap) is augmented; other empty types stay errors.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      // `(event) => deliver(event)` says one thing in one line; its autofix to a braced body reads worse and costs bytes in every chunk.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // node:test's test()/describe() return promises the runner itself awaits; @open-wc/semantic-dom-diff overloads chai's
      // equal() with a snapshot signature returning a promise, so every synchronous `expect(x).to.equal(y)` looks floating.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] },
            { from: 'package', package: '@open-wc/semantic-dom-diff', name: ['Equal'] },
          ],
        },
      ],
      // A test asserts the value exists first (or fails on the next line), so `!` is the shortest honest way to say "here it does".
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Plain JavaScript (configs, scripts, the demo's page script): syntax rules only, no type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
