// Prisma migrations without the network: the Prisma schema engine compiled to
// WASM (@prisma/schema-engine-wasm) driven through the pg driver adapter. It
// reads and writes Prisma's standard layout (prisma/migrations/<name>/
// migration.sql, `_prisma_migrations`), so `prisma migrate deploy` on a
// machine with the native engine works on the same files.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parse as parseConnectionString } from "pg-connection-string";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type * as SchemaEngineModule from "@prisma/schema-engine-wasm";
import { paths } from "../config";
import { loadReferenceData } from "./reference-data";

type SchemaEngine = SchemaEngineModule.SchemaEngine;
type MigrationList = SchemaEngineModule.MigrationList;

const noFilters = { externalTables: [], externalEnums: [] };

let engineModule: Promise<typeof SchemaEngineModule> | undefined;

// @types/node does not declare the WebAssembly global this needs.
declare const WebAssembly: {
  instantiate(bytes: Buffer, imports: Record<string, unknown>): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

/**
 * The package's ESM entry imports its .wasm file, which Node 20 only allows
 * behind --experimental-wasm-modules; so instantiate the WASM ourselves.
 */
function loadEngineModule(): Promise<typeof SchemaEngineModule> {
  engineModule ??= (async () => {
    const bindings = require("@prisma/schema-engine-wasm/schema_engine_bg") as typeof SchemaEngineModule & {
      __wbg_set_wasm(exports: Record<string, unknown>): void;
    };
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    // The engine leaves ~10 s timers behind that would hold a CLI run open; unref them.
    const imports: Record<string, unknown> = { ...bindings };
    for (const name of Object.keys(imports).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
      imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
    }
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), { "./schema_engine_bg.js": imports });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return engineModule;
}

async function withEngine<T>(databaseUrl: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const schema = fs.readFileSync(paths.prismaSchema, "utf8");
  const pool = new pg.Pool(poolOptions(databaseUrl));
  const adapter = bindMigrationAwareSqlAdapterFactory(withDisposableShadowDatabase(new PrismaPg(pool), pool, databaseUrl));
  const engine = await SchemaEngine.new({ datamodels: [[paths.prismaSchema, schema]] }, () => {}, adapter);
  try {
    return await run(engine);
  } finally {
    engine.free();
    await pool.end();
  }
}

function poolOptions(databaseUrl: string, database?: string): pg.PoolConfig {
  const fields = parseConnectionString(databaseUrl);
  return {
    host: fields.host ?? undefined,
    port: fields.port ? Number(fields.port) : undefined,
    user: fields.user,
    password: fields.password,
    database: database ?? fields.database ?? undefined,
    allowExitOnIdle: true,
    Client: CatalogCharAsTextClient,
  };
}

const PG_CHAR = 18; // the one-byte "char" of pg_catalog (relkind, typtype, ...)
const PG_CHAR_ARRAY = 1002;
const PG_TEXT = 25;
const PG_TEXT_ARRAY = 1009;

/**
 * The pg adapter cannot map pg_catalog's `"char"` columns, and the schema
 * engine reads them when it introspects a database (the shadow database of a
 * diff). Report them as text, which is what they hold.
 */
class CatalogCharAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (error: Error | null, result: pg.QueryResult) => last(error, error ? result : relabelCharColumns(result));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const returned = (super.query as (...a: any[]) => any)(...args);
    return returned && typeof returned.then === "function" ? returned.then(relabelCharColumns) : returned;
  }
}

function relabelCharColumns(result: pg.QueryResult): pg.QueryResult {
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
    else if (field.dataTypeID === PG_CHAR_ARRAY) field.dataTypeID = PG_TEXT_ARRAY;
  }
  return result;
}

/**
 * The adapter's own shadow database is dropped while its pool still holds
 * connections, so the DROP fails and the diff with it. This one closes the
 * pool first.
 */
function withDisposableShadowDatabase(factory: PrismaPg, pool: pg.Pool, databaseUrl: string) {
  return {
    provider: "postgres" as const,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await pool.query(`CREATE DATABASE "${name}"`);
      const shadowPool = new pg.Pool(poolOptions(databaseUrl, name));
      const adapter = await new PrismaPg(shadowPool, { disposeExternalPool: true }).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await pool.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      };
      return adapter;
    },
  };
}

export function readMigrations(dir = paths.migrations): MigrationList {
  const lockPath = path.join(dir, "migration_lock.toml");
  const names = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((name) => fs.existsSync(path.join(dir, name, "migration.sql"))).sort()
    : [];
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/**
 * Applies every migration in prisma/migrations not yet recorded in
 * `_prisma_migrations`, then the world reference data (countries, places)
 * unless its version is in already (reference-data.ts). Returns what it
 * applied: migration names, and "reference data <version>" when it loaded it.
 */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const applied = await withEngine(databaseUrl, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: readMigrations(),
      filters: noFilters,
    });
    return appliedMigrationNames;
  });
  const reference = await loadReferenceData(databaseUrl);
  return reference ? [...applied, `reference data ${reference}`] : applied;
}

/** The SQL that takes a database from the committed migrations to prisma/schema.prisma ("" when none). */
export async function diffSchemaAgainstMigrations(databaseUrl: string): Promise<string> {
  return withEngine(databaseUrl, async (engine) => {
    const migrations = readMigrations();
    const from = migrations.migrationDirectories.length
      ? ({ tag: "migrations", ...migrations } as const)
      : ({ tag: "empty" } as const);
    const schema = fs.readFileSync(paths.prismaSchema, "utf8");
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: paths.prismaSchema, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const sql = result.stdout ?? "";
    return /^\s*(--[^\n]*\n?\s*)*$/.test(sql) ? "" : sql;
  });
}
