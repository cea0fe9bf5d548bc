import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/*/src/**/*.test.tsx', 'e2e/openstack-cli/*.e2e.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
