import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      // A page never imports a repository; a rule never imports the database (STYLE.md).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/repository', '@/server/*/repository'],
              message: 'Pages and routers call services; only services import repositories.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: [
      'server/**/service.ts',
      'server/**/*.service.ts',
      'server/seed/**',
      'server/search/**',
      'scripts/**',
      'tests/**',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['server/rules/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/**', '**/db', 'kysely', 'pg', '@electric-sql/*', 'node:fs'],
              message: 'Rules are pure: no I/O.',
            },
          ],
        },
      ],
    },
  },
];

export default config;
