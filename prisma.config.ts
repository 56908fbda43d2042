import { defineConfig } from "prisma/config";

// Used by the Prisma CLI (`prisma generate`). Migrations run through
// src/db/migrations.ts on the WASM schema engine, which needs no download.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
