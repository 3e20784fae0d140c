// @ts-check
// The layering of docs/architecture.md, enforced: shared <- electron/core <- electron glue; shared <- renderer;
// shared <- simulator; nothing imports test/. See test/lint/layering.test.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const project = (...names) =>
  names.map((n) => ({
    group: [`**/${n}/**`, `**/${n}`],
    message: `this layer may not import ${n}/ (docs/architecture.md dependency rule)`,
  }));
const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'net',
  'tls',
  'http',
  'https',
  'crypto',
];

// `import { z } from 'zod'` makes esbuild keep every one of zod's 64 locales in the main process
// bundle (about 500 KB, 8 MB of memory at start: BENCHMARKS.md); the namespace import, zod's own
// recommended form, lets it drop them.
const ZOD_IMPORT = {
  selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
  message: "Write `import * as z from 'zod'`: a named `z` import bundles all of zod's locales.",
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'release/**',
      'test-results/**',
      '.sim-data/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
      'no-restricted-syntax': ['error', ZOD_IMPORT],
    },
  },
  {
    // An Intl formatter with a time zone built at load costs the main process about 6 MB of ICU
    // data before anything needs it (BENCHMARKS.md, core memory): build it where it is used.
    files: ['electron/core/**/*.ts', 'electron/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ZOD_IMPORT,
        {
          selector: "Program > VariableDeclaration NewExpression[callee.object.name='Intl']",
          message:
            'Build an Intl formatter inside the function that needs it, not at module load (ICU data costs start-up memory).',
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
          patterns: [
            ...project('electron', 'renderer', 'simulator', 'test', 'scripts'),
            {
              group: ['electron', ...nodeBuiltins],
              message: 'shared/ is the contract: plain TypeScript and zod only',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...project('electron', 'simulator', 'test', 'scripts'),
            {
              group: ['electron', ...nodeBuiltins],
              message:
                'the renderer is sandboxed: it reaches the main process only through window.ccms',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...project('electron', 'renderer', 'test', 'scripts'),
            { group: ['electron'], message: 'the simulator is a host, not a client' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...project('renderer', 'simulator', 'test', 'scripts'),
            {
              group: [
                'electron',
                '../main',
                '../main.js',
                '../preload',
                '../preload.js',
                '../ipc-transport',
                '../ipc-transport.js',
              ],
              message: 'electron/core/ is plain Node: it never imports electron or the glue',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/*.ts'],
    ignores: ['electron/ipc-transport.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain'],
              message: 'only electron/ipc-transport.ts registers IPC channels',
            },
          ],
          patterns: project('renderer', 'simulator', 'test', 'scripts'),
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: project('test') }] },
  },
);
