import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Process boundaries (ARCHITECTURE.md): what each folder may import is a lint rule,
// not a convention.
const nodeOnly = [
  { group: ['node:*'], message: 'Node built-ins run only in electron/ and server/.' },
  { group: ['electron'], message: 'Only electron/ may import electron.' },
];
const builtinNames = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'stream', 'zlib'];
const noBareBuiltins = builtinNames.map((name) => ({ name, message: 'Node built-ins are not available here.' }));

export default tseslint.config(
  { ignores: ['dist', 'node_modules', '.sen-data', 'test-results', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { varsIgnorePattern: '^_', argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.object.name=/^(it|describe|test)$/][callee.property.name=/^(only|skip|todo)$/]',
          message: 'Focused or disabled tests are not committed.',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noBareBuiltins,
          patterns: [
            ...nodeOnly,
            { group: ['react', 'react-dom', 'rxdb', 'rxdb/*', 'fastify'], message: 'shared/ is pure.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: noBareBuiltins,
          patterns: [
            ...nodeOnly,
            { group: ['**/server/**'], message: 'The renderer talks to the server over HTTP only.' },
          ],
        },
      ],
    },
  },
  {
    // The admin console is a plain web page: it reaches the server through the admin API only.
    files: ['console/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: noBareBuiltins,
          patterns: [
            ...nodeOnly,
            {
              group: ['**/server/**', '**/renderer/**'],
              message: 'The console talks to the admin API over HTTP only.',
            },
            { group: ['rxdb', 'rxdb/*'], message: 'The console keeps no database.' },
          ],
        },
      ],
    },
  },
  {
    // Screens and their hooks reach the database through each feature's repository.
    files: ['renderer/**/*.tsx', 'renderer/**/use-*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noBareBuiltins,
          patterns: [
            ...nodeOnly,
            { group: ['rxdb', 'rxdb/*'], message: "Screens use their feature's repository and hooks, not RxDB." },
          ],
        },
      ],
    },
  },
  {
    // Everything in electron/ but the glue is unit-tested in Node, where importing the electron
    // package would look for (and try to download) the binary: types only there.
    files: ['electron/**/*.ts'],
    ignores: [
      'electron/main/main.ts',
      'electron/main/credential-store.ts',
      'electron/main/os-keystore.ts',
      'electron/preload/preload.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only the Electron glue imports electron values; take a structural interface instead.',
              allowTypeImports: true,
            },
          ],
        },
      ],
      // `import { type X }` still loads the module under verbatimModuleSyntax; `import type` does not.
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', '**/electron/**', '**/renderer/**'],
              message: 'The server never imports the client.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node, parserOptions: { projectService: false, project: null } },
  },
);
