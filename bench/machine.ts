// What the numbers were measured on: machine, versions, database server.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { BenchRun } from "./types";
import { benchRoot, productRoot } from "./paths";

export function describeMachine(serverNode: string): BenchRun["machine"] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model.trim(),
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: execFileSync(serverNode, ["--version"], { encoding: "utf8" }).trim().replace(/^v/, ""),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    harnessNode: process.versions.node,
  };
}

const PACKAGES = ["@apollo/server", "type-graphql", "graphql", "@prisma/client", "@prisma/adapter-pg", "dataloader", "pg", "postgraphile", "autocannon"];

/** Installed versions (not the ranges in package.json) and the PostgreSQL server's. */
export async function describeVersions(databaseUrl: string): Promise<Record<string, string>> {
  const versions: Record<string, string> = {
    "crisis-graph": JSON.parse(fs.readFileSync(path.join(productRoot, "package.json"), "utf8")).version,
  };
  for (const name of PACKAGES) {
    // The bench's own dependencies (postgraphile, autocannon) first, then the product's (what its server runs on).
    for (const root of [benchRoot, productRoot]) {
      try {
        const manifest = path.join(root, "node_modules", name, "package.json");
        versions[name] = JSON.parse(fs.readFileSync(manifest, "utf8")).version;
        break;
      } catch {
        // not installed here
      }
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    versions.postgresql = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version;
  } finally {
    await client.end();
  }
  return versions;
}
