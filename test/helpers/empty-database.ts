// A database of the test's own, migrated and holding only the reference data
// (countries, places): a copy of the template test/global-setup.ts migrated
// (CREATE DATABASE … TEMPLATE, a file copy, well under a second), since the
// WASM schema engine cannot run inside Jest. Drop it when done.
import { randomUUID } from "node:crypto";
import { withPgClient } from "../../src/db/pg-client";

export interface EmptyDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createEmptyDatabase(tag: string): Promise<EmptyDatabase> {
  const template = process.env.CRISIS_GRAPH_EMPTY_TEMPLATE_URL;
  if (!template) throw new Error("CRISIS_GRAPH_EMPTY_TEMPLATE_URL is unset: run the tests with `npm test` (jest's globalSetup sets it)");
  const templateName = new URL(template).pathname.slice(1);
  const name = `crisis_graph_${tag.replace(/\W/g, "_")}_${randomUUID().slice(0, 8)}`;
  const admin = new URL(template);
  admin.pathname = "/postgres";
  await withPgClient(admin.toString(), (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${templateName}`));
  const url = new URL(template);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withPgClient(admin.toString(), async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}
