import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Each test file gets its own database cloned from a migrated template and its own Redis prefix.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
