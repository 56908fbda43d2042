// /healthz says the process is up; /readyz that the database answers and every migration is applied.
import pg from "pg";
import { startTestServer, testDatabaseUrl, type TestServer } from "../helpers/test-server";

async function get(server: TestServer, path: string) {
  const response = await fetch(new URL(path, server.url));
  return { status: response.status, body: (await response.json()) as { status: string; reason?: string } };
}

test("ready on a migrated database", async () => {
  const server = await startTestServer();
  try {
    expect(await get(server, "/healthz")).toEqual({ status: 200, body: { status: "ok" } });
    expect(await get(server, "/readyz")).toEqual({ status: 200, body: { status: "ready" } });
  } finally {
    await server.stop();
  }
});

test("not ready (503) when the database is unreachable, while /healthz stays 200", async () => {
  const server = await startTestServer({ databaseUrl: "postgresql://postgres@127.0.0.1:1/nowhere" });
  try {
    expect(await get(server, "/healthz")).toEqual({ status: 200, body: { status: "ok" } });
    expect(await get(server, "/readyz")).toEqual({ status: 503, body: { status: "not ready", reason: "database unreachable" } });
  } finally {
    await server.stop();
  }
});

test("not ready (503) on a database without the migrations", async () => {
  const name = `crisis_graph_unmigrated_${process.pid}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  const server = await startTestServer({ databaseUrl: url.toString() });
  try {
    expect(await get(server, "/readyz")).toEqual({ status: 503, body: { status: "not ready", reason: "migrations not applied" } });
  } finally {
    await server.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});
