// The scale comparison's databases: one per dataset size, named after the one
// given (<name>_1k, <name>_100k) on the same PostgreSQL server.
import pg from "pg";
import type { DatasetSize } from "./types";

/** `<database>_<size>` on the same server as `baseUrl`. */
export function sizeDatabase(baseUrl: string, size: DatasetSize): { name: string; url: string } {
  const url = new URL(baseUrl);
  const base = decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres";
  const name = `${base}_${size}`;
  url.pathname = `/${encodeURIComponent(name)}`;
  return { name, url: url.toString() };
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A client on the server of `url` for CREATE/DROP DATABASE: its own database, or `postgres` if that does not exist yet. */
async function adminClient(url: string): Promise<pg.Client> {
  const first = new pg.Client({ connectionString: url });
  try {
    await first.connect();
    return first;
  } catch (error) {
    await first.end().catch(() => undefined);
    if ((error as { code?: string }).code !== "3D000") throw error;
    const fallback = new URL(url);
    fallback.pathname = "/postgres";
    const client = new pg.Client({ connectionString: fallback.toString() });
    await client.connect();
    return client;
  }
}

export async function createDatabaseIfMissing(baseUrl: string, name: string): Promise<boolean> {
  const client = await adminClient(baseUrl);
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(baseUrl: string, name: string): Promise<void> {
  const client = await adminClient(baseUrl);
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
