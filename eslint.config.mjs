// ESLint 9 flat config for the Roundtable monorepo.
//
// - typescript-eslint "recommended" (not the type-checked variant: linting the
//   whole workspace must stay fast and must not need a TS program per project).
// - @nx/enforce-module-boundaries: scope:shared -> shared only, scope:api ->
//   api|shared, scope:web -> web|shared; and layers by type: app|feature -> any,
//   data-access -> data-access|util, ui -> ui|util, util -> util. type:app projects carry a scope tag,
//   so they may depend on anything in their own scope plus shared. Libraries
//   in scope:shared / scope:api must not pull in browser-only packages.
//   Imports of application projects (anything under apps/) from libraries and
//   relative imports across project boundaries are rejected by the rule itself.
// - react-hooks rules for *.tsx.
import nxPlugin from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const browserOnlyPackages = ['react', 'react-dom', '@tiptap/react', 'y-indexeddb'];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.nx/**',
      '**/.data/**',
      '**/coverage/**',
      '**/tmp/**',
      '**/test-results/**',
      // Only TypeScript is linted; plain JS config/tool scripts are out of scope.
      '**/*.{js,cjs,mjs,jsx}',
    ],
  },

  // Only TypeScript sources under apps/, libs/ and tests/ are linted.
  {
    files: ['{apps,libs,tests}/**/*.{ts,tsx,mts}'],
    extends: [tseslint.configs.recommended],
    plugins: { '@nx': nxPlugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names are the conventional "intentionally unused" marker
      // (unused parameters in interface implementations, destructuring rests).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: browserOnlyPackages,
            },
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'],
              bannedExternalImports: browserOnlyPackages,
            },
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
            },
            // Layers, beside the scopes (both must hold): apps and features use anything below them;
            // data-access (database, queue, outbox) only data-access and util; ui only ui and util;
            // util only util. A feature's tables are written only by that feature
            // (tests/architecture/table-owners.spec.ts).
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util'],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util'],
            },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          ],
        },
      ],
    },
  },

  // React hooks rules for components.
  {
    files: ['{apps,libs,tests}/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // React Compiler heuristic. It flags the two deliberate effects in the app
      // (probing the session on mount, and creating/destroying the Y.Doc +
      // WebSocket provider that the effect owns); rewriting those would change
      // behaviour for no real gain, so it stays off.
      'react-hooks/set-state-in-effect': 'off',
    },
  },

  // Tests may use `any` for fixtures, mocks and loosely typed HTTP bodies.
  {
    files: ['tests/**/*.{ts,tsx,mts}', '**/*.spec.{ts,tsx}', '**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
