import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Four projects: `unit` (beside the code, Node), `renderer` (beside the code, jsdom),
// `integration` (core <-> simulator, security, lint; real HTTPS, SQLite, SMTP, keychain),
// `e2e` (a real browser driving browser mode), `electron` (the real Electron app, where its binary
// exists; skipped with the reason elsewhere).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'simulator/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          // Every store, the auth feed and sessionStorage start fresh before each test.
          setupFiles: ['./renderer/test-setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: [
            'test/integration/**/*.test.ts',
            'test/security/**/*.test.ts',
            'test/lint/**/*.test.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'fuzz',
          environment: 'node',
          include: ['test/fuzz/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'electron',
          environment: 'node',
          include: ['test/electron/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
