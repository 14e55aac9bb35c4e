import { defineConfig } from "prisma/config";
import { PrismaPg } from "pg-adapter-cli";

// Generating the client needs no database; a placeholder keeps the schema's env() resolvable.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/nastavnik";

// The CLI runs on Prisma's WASM schema engine through a driver adapter, so no
// native engine binary is downloaded. See docs/architecture.md ("Database").
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () =>
    new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
