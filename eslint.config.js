// One flat config for the whole repository: type-aware typescript-eslint rules (floating promises,
// unsafe `any`, unused variables) and React's rules of hooks, over the app, scripts, tests and configs.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'public/', 'node_modules/', 'test/output/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Props and interfaces declare callbacks in method shorthand (`onChange(v: number): void`); none of
      // them use `this`, so handing `p.onChange` to a child is safe and this rule would only flag that.
      '@typescript-eslint/unbound-method': 'off',
      // Async functions without `await` implement Promise-returning interfaces (DB adapters, byte sources,
      // loaders): `async` makes a synchronous throw a rejection, which is what their callers handle.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      // vitest's asymmetric matchers (expect.stringMatching, expect.any, ...) are typed `any`, and tests
      // only ever place them in an expected value.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
