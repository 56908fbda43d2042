// `npm run soak`: the built server (node dist/src/main.js, NODE_ENV=production)
// on a database of its own, driven over loopback for a fixed time by
// concurrent clients mixing anonymous reads of several shapes with
// ingestions (distinct synthetic pages with known figures, and repeats of
// pages already sent). Exits 1 when any of these does not hold:
//   - every response is 200 with no GraphQL error (so: zero 5xx);
//   - every distinct page is stored exactly once, with exactly the claims its
//     text states, once each, and its events once (compared with the
//     database itself after the run), and every send of a page names the
//     same article with exactly one CREATED among them;
//   - reads are fresh: a read started after an ingestion was acknowledged
//     sees it (through the response cache), and never sees a page twice;
//   - the server logs no error, and exits 0 on SIGTERM;
//   - RSS is flat: see RSS_RULE below.
//
// Options: --duration S (measured seconds, default 60), --warmup S (default
// 10), --connections N (default 8), --database-url URL (default
// DATABASE_URL; unset: an embedded PostgreSQL in a temp folder). On a given
// server it creates its own database and drops it at the end.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { Random } from "./dataset/random";
import { SOAK_CRISIS, SOAK_PUBLISHER, SOAK_URL_PREFIX, soakArticle, type ExpectedClaim, type SoakArticle } from "./soak-articles";
import { freePort, startEmbeddedPostgres, withPgClient } from "crisis-graph/dev";

import { productMain, productRoot } from "./paths";

// ---------------------------------------------------------------------------
// Options

interface SoakOptions {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  databaseUrl: string | undefined;
  /** Share of operations that are ingestions; the rest are reads. */
  writeShare: number;
  /** Share of ingestions that re-send a page already sent (possibly still in flight). */
  repeatShare: number;
  seed: number;
  /** Extra server environment (--server-env KEY=VALUE), e.g. RESPONSE_CACHE=off to tell the cache's memory from a leak. */
  serverEnv: Record<string, string>;
  /** Every line the server prints, copied to this file (--server-log FILE). */
  serverLog: string | undefined;
  /** Node flags for the server (--node-flag --trace-gc): V8's own view of its heap, for diagnosis. */
  nodeFlags: string[];
}

const USAGE = `Usage: node dist/soak.js [--duration S] [--warmup S] [--connections N] [--database-url URL] [--seed N] [--server-env KEY=VALUE ...] [--server-log FILE] [--node-flag FLAG ...]`;

function parseOptions(argv: string[]): SoakOptions {
  const options: SoakOptions = {
    durationSeconds: 60,
    warmupSeconds: 10,
    connections: 8,
    databaseUrl: process.env.DATABASE_URL || undefined,
    writeShare: 0.2,
    repeatShare: 0.15,
    seed: 1,
    serverEnv: {},
    serverLog: undefined,
    nodeFlags: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const number = () => {
      const n = Number(value);
      if (value === undefined || !Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a non-negative number\n${USAGE}`);
      i++;
      return n;
    };
    if (flag === "--duration") options.durationSeconds = number();
    else if (flag === "--warmup") options.warmupSeconds = number();
    else if (flag === "--connections") options.connections = Math.max(1, Math.floor(number()));
    else if (flag === "--seed") options.seed = Math.floor(number());
    else if (flag === "--server-env" && value && value.includes("=")) {
      options.serverEnv[value.slice(0, value.indexOf("="))] = value.slice(value.indexOf("=") + 1);
      i++;
    } else if (flag === "--node-flag" && value) {
      options.nodeFlags.push(value);
      i++;
    } else if (flag === "--server-log" && value) {
      options.serverLog = value;
      i++;
    } else if (flag === "--database-url" && value) {
      options.databaseUrl = value;
      i++;
    } else if (flag === "--help" || flag === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`Unknown option ${flag}\n${USAGE}`);
  }
  if (options.durationSeconds < 4) throw new Error("--duration must be at least 4 s (the RSS check compares its quarters)");
  return options;
}

// ---------------------------------------------------------------------------
// RSS rule
//
// Raw RSS says little in a minute: V8 lets garbage pile up to hundreds of MB
// before a full GC when memory is plentiful (seen here: 60 MB live, RSS
// swinging between 230 and 450 MB). So every 4 s (shorter on short runs) the soak
// forces a full, memory-reducing GC through the server's inspector (started
// on loopback for this run only), then reads VmRSS from /proc/<pid>/status and
// the V8 heap in use. Compared: the median of those settled samples in the
// last quarter of the measured window against the first quarter's. The
// warm-up (default 10 s) is excluded: in it V8 compiles the hot code, the pg
// pool opens its connections and RSS climbs by tens of MB without leaking.
//
// Allowed growth: RSS 24 MB (36 MB: see below), V8 heap 16 MB. Measured on this 2-core machine
// over 60 s: with RESPONSE_CACHE=off both grow by 1–2 MB; with the default
// in-memory response cache (an LRU bounded at 64 MB of responses, which every
// write makes unreachable until evicted) the heap grows ~6 MB a minute while
// the cache fills, RSS the same. The margins leave room for that fill; what
// is left catches a leak of roughly 10 MB between the quarters' midpoints
// (45 s apart): ~2 KB per request at ~110 requests/s, ~3.5 KB at the ~65/s
// of a 2-core machine busy with other work. Checked with a preloaded leak
// (--node-flag --require=leak.js keeping a flat 2 KB string per request) at
// ~108 requests/s: heap +18.9 MB against +6 MB without it, so the run failed.
//
// RSS 36 MB since ingestion reads pages in the extraction pool's worker
// threads: the forced GC reaches the main thread only, and each worker's own
// heap (bounded by EXTRACTION_MAX_HEAP_MB; a worker past it is replaced)
// gathers garbage until V8 collects it. Measured over 60 s: settled RSS +25 MB
// with the pool (with 1 or 2 threads, and with MALLOC_ARENA_MAX=2 alike)
// against +12 MB before it, the main heap +10 MB in both. The main thread's
// leaks are still caught by the heap rule; collecting the workers' garbage
// through the inspector's NodeWorker domain was tried and inflated the main
// heap it measures, so it is not done.
const RSS_RULE = { rssMb: 36, heapMb: 16 };
/** At most every 4 s (a forced full GC costs the server ~50 ms), and at least ~4 samples per quarter on short runs. */
const settleIntervalMs = (durationSeconds: number) => Math.min(4_000, Math.max(250, (durationSeconds * 1000) / 16));

// ---------------------------------------------------------------------------
// Database and server

interface SoakDatabase {
  url: string;
  where: string;
  drop(): Promise<void>;
}

const adminQuery = (url: string, sql: string) => withPgClient(url, async (client) => void (await client.query(sql)));

async function openSoakDatabase(serverUrl: string | undefined, log: (m: string) => void): Promise<SoakDatabase> {
  if (serverUrl) {
    const name = `crisis_graph_soak_${process.pid}`;
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      where: `database ${name} on ${url.host}`,
      drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  // Under the temp dir, as the tests do: as root PostgreSQL runs as `postgres`, which must reach it.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crisis-graph-soak-pg-"));
  log(`Starting an embedded PostgreSQL in ${dataDir}`);
  const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), log });
  return {
    url: embedded.url,
    where: `embedded PostgreSQL in ${dataDir}`,
    async drop() {
      await embedded.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface ServerProcess {
  pid: number;
  origin: string;
  /** Log lines by pino level name, and the last error-level lines. */
  logLevels: Map<string, number>;
  errorLines: string[];
  tail(): string;
  inspectorUrl(): string | undefined;
  exited: Promise<number | null>;
  child: ChildProcess;
}

const PINO_LEVELS: Record<string, string> = { "10": "trace", "20": "debug", "30": "info", "40": "warn", "50": "error", "60": "fatal" };

async function startServerProcess(databaseUrl: string, apiKey: string, options: SoakOptions): Promise<ServerProcess> {
  const port = await freePort();
  // The inspector (loopback, a free port) lets the soak force a full GC before it reads RSS: see RSS_RULE.
  const child = spawn(process.execPath, [`--inspect=127.0.0.1:${await freePort()}`, ...options.nodeFlags, productMain()], {
    cwd: productRoot,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      HOST: "127.0.0.1",
      PORT: String(port),
      API_KEYS: `soak:${apiKey}:write`,
      LOG_LEVEL: "info",
      // As a router reaches it: without ROUTER_SECRET a production server refuses _entities (the entities read) to everyone.
      ROUTER_SECRET: SOAK_ROUTER_SECRET,
      // The load comes from one address and one key on purpose: rate limits would refuse it.
      RATE_LIMIT_PER_ADDRESS: "0",
      RATE_LIMIT_PER_KEY: "0",
      ...options.serverEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logLevels = new Map<string, number>();
  const errorLines: string[] = [];
  const tail: string[] = [];
  const copy = options.serverLog ? fs.createWriteStream(options.serverLog) : null;
  let inspectorUrl: string | undefined;
  const onLine = (line: string) => {
    if (!line) return;
    copy?.write(`${line}\n`);
    const inspector = /^Debugger listening on (ws:\/\/\S+)/.exec(line);
    if (inspector) inspectorUrl ??= inspector[1];
    if (inspector || /^For help, see: https:\/\/nodejs.org|^Debugger (attached|ending)/.test(line)) return;
    tail.push(line);
    if (tail.length > 40) tail.shift();
    // Counted, not parsed: a JSON.parse per line would cost the load generator CPU it shares with the server.
    const match = /"level":(\d+|"[a-z]+")/.exec(line);
    const level = match ? (PINO_LEVELS[match[1]] ?? match[1].replace(/"/g, "")) : "unstructured";
    logLevels.set(level, (logLevels.get(level) ?? 0) + 1);
    if ((level === "error" || level === "fatal") && errorLines.length < 10) errorLines.push(line.slice(0, 2000));
  };
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream?.on("data", (chunk: Buffer) => {
      const lines = (rest + chunk.toString("utf8")).split("\n");
      rest = lines.pop() ?? "";
      lines.forEach(onLine);
    });
    stream?.on("end", () => onLine(rest));
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const server: ServerProcess = {
    pid: child.pid as number,
    origin: `http://127.0.0.1:${port}`,
    logLevels,
    errorLines,
    tail: () => tail.join("\n"),
    inspectorUrl: () => inspectorUrl,
    exited,
    child,
  };

  // Ready means migrated and seeded: /readyz, not /healthz (which answers as soon as it listens).
  const deadline = Date.now() + 120_000;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  for (;;) {
    if (exitCode !== undefined) throw new Error(`the server exited with code ${exitCode} before it was ready\n${server.tail()}`);
    try {
      if ((await fetch(`${server.origin}/readyz`)).status === 200) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server was not ready after 120 s\n${server.tail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function rssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * A DevTools protocol session with the server: a full, memory-reducing GC on
 * demand, and the V8 heap in use after it. Node 20 has WebSocket behind
 * --experimental-websocket (main() re-runs itself with it); Node 22 has it.
 */
class Inspector {
  private nextId = 1;
  private readonly pending = new Map<number, (result: any) => void>();
  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener("message", (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id === undefined) return;
      this.pending.get(message.id)?.(message.error ? Promise.reject(new Error(message.error.message)) : message.result);
      this.pending.delete(message.id);
    });
    // The server gone (a crash): fail the waiting calls instead of hanging the run.
    socket.addEventListener("close", () => {
      for (const resolve of this.pending.values()) resolve(Promise.reject(new Error("the server's inspector closed (did the server exit?)")));
      this.pending.clear();
    });
  }

  static async connect(url: string): Promise<Inspector> {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener("open", () => resolve(), { once: true });
      socket.addEventListener("error", () => reject(new Error(`cannot reach the server's inspector at ${url}`)), { once: true });
    });
    return new Inspector(socket);
  }

  private call(method: string, params: Record<string, unknown> = {}): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Collects all garbage, then the heap in use (MB). */
  async settle(): Promise<number> {
    await this.call("HeapProfiler.collectGarbage");
    const { result } = await this.call("Runtime.evaluate", { expression: "process.memoryUsage().heapUsed", returnByValue: true });
    return Number(result.value) / 1024 / 1024;
  }

  close(): void {
    this.socket.close();
  }
}

// ---------------------------------------------------------------------------
// HTTP

const SOAK_ROUTER_SECRET = "soak-router-secret-0123456789abcdef";

// Keep-alive, one socket per client: a client is a connection, as a router's pool would be.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

interface Reply {
  status: number;
  body: any;
  ms: number;
}

function postGraphQL(origin: string, query: string, variables: Record<string, unknown>, apiKey?: string): Promise<Reply> {
  const payload = Buffer.from(JSON.stringify({ query, variables }));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${origin}/graphql`,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": payload.length,
          "router-authorization": SOAK_ROUTER_SECRET,
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let body: any = text;
          try {
            body = JSON.parse(text);
          } catch {
            // kept as text for the violation message
          }
          resolve({ status: response.statusCode ?? 0, body, ms: performance.now() - started });
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

// ---------------------------------------------------------------------------
// Operations

const INGEST = `mutation ($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    status claimsExtracted eventsExtracted
    article { id url casualtyStatistics { category affectedGroup best } }
  }
}`;

const READS = {
  // The freshness probe: every soak page has "Soak report" in its headline.
  "soak-count": `query ($search: String!) { articles(filter: { search: $search }) { totalCount } }`,
  "by-id": `query ($id: ID!) { article(id: $id) { id url headline publishedAt casualtyStatistics { category affectedGroup best quote claimant { name } } events { type startDate } } }`,
  list: `query ($first: Int!) { articles(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node { id headline publishedAt publisher { name } casualtyStatistics { category best } } } } }`,
  claims: `{ casualtyStatistics(first: 20, filter: { categories: [KILLED], countryIsoCode: "KZ" }) { totalCount edges { node { best affectedGroup claimant { name } article { headline } } } } }`,
  events: `{ events(first: 20) { edges { node { type startDate title places { name } article { headline } } } } }`,
  summary: `{ casualtySummary(crisisSlug: "${SOAK_CRISIS}", category: KILLED, asOf: "2022-01-31") { groups { affectedGroup low high claimants { claimant { name } latest { best reportedAt } } } } }`,
  reference: `{ cstoMembers(asOf: "2022-01-09") { isoCode name } cstoChair(asOf: "2022-01-09") { country { name } person { name } } }`,
  entities: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Article { id headline } } }`,
} as const;
type ReadShape = keyof typeof READS;
// Weights: mostly the cheap and common shapes, a few heavy ones.
const READ_WEIGHTS: [ReadShape, number][] = [
  ["soak-count", 3],
  ["by-id", 4],
  ["list", 3],
  ["claims", 2],
  ["events", 2],
  ["summary", 1],
  ["reference", 2],
  ["entities", 2],
];

type Phase = "warmup" | "measured";

interface PhaseStats {
  reads: number;
  ingestions: number;
  latencies: number[];
  byShape: Map<string, number>;
}

interface Sent {
  /** Acknowledged sends of this page (each with its status and article id). */
  replies: { status: string; articleId: string; claims: ExpectedClaim[]; claimsExtracted: number; eventsExtracted: number }[];
}

class Soak {
  readonly violations: string[] = [];
  readonly stats: Record<Phase, PhaseStats> = { warmup: newStats(), measured: newStats() };
  /** Pages sent at least once, by n. */
  readonly sent = new Map<number, Sent>();
  /** Next fresh page number. */
  private nextN = 0;
  /** Pages whose CREATED reply has arrived: the freshness floor for reads started after. */
  private acknowledgedCreated = 0;
  /** Article ids acknowledged so far, with the page they hold. */
  private readonly acknowledged: { id: string; n: number }[] = [];
  private violationCount = 0;
  phase: Phase = "warmup";

  constructor(
    private readonly origin: string,
    private readonly apiKey: string,
    private readonly options: SoakOptions,
  ) {}

  violation(message: string): void {
    this.violationCount++;
    // The first ones say what is wrong; thousands of copies would not.
    if (this.violations.length < 30) this.violations.push(message);
  }

  get totalViolations(): number {
    return this.violationCount;
  }

  async client(id: number, until: () => boolean): Promise<void> {
    const random = new Random(this.options.seed, `soak-client-${id}`);
    const cumulative = new Float64Array(READ_WEIGHTS.length);
    READ_WEIGHTS.reduce((sum, [, w], i) => (cumulative[i] = sum + w), 0);
    while (!until()) {
      try {
        if (random.chance(this.options.writeShare)) await this.ingest(random);
        else await this.read(READ_WEIGHTS[random.weighted(cumulative)][0], random);
      } catch (error) {
        this.violation(`request failed without a response: ${(error as Error).message}`);
      }
    }
  }

  private record(kind: "read" | "ingestion", shape: string, reply: Reply): boolean {
    const stats = this.stats[this.phase];
    if (kind === "read") stats.reads++;
    else stats.ingestions++;
    stats.latencies.push(reply.ms);
    stats.byShape.set(shape, (stats.byShape.get(shape) ?? 0) + 1);
    if (reply.status !== 200) {
      this.violation(`${shape}: HTTP ${reply.status}: ${JSON.stringify(reply.body).slice(0, 300)}`);
      return false;
    }
    if (reply.body?.errors?.length) {
      this.violation(`${shape}: GraphQL errors: ${JSON.stringify(reply.body.errors).slice(0, 300)}`);
      return false;
    }
    return true;
  }

  private async ingest(random: Random): Promise<void> {
    // A repeat re-sends a page already sent, possibly while its first send is still running.
    const repeat = this.nextN > 0 && random.chance(this.options.repeatShare);
    const n = repeat ? random.int(0, this.nextN - 1) : this.nextN++;
    const page = soakArticle(n);
    if (!this.sent.has(n)) this.sent.set(n, { replies: [] });
    const reply = await postGraphQL(
      this.origin,
      INGEST,
      { input: { text: page.text, url: page.url, publisher: SOAK_PUBLISHER, crisisSlug: SOAK_CRISIS } },
      this.apiKey,
    );
    if (!this.record("ingestion", repeat ? "ingest-repeat" : "ingest-new", reply)) return;
    const result = reply.body.data.ingestArticle;
    (this.sent.get(n) as Sent).replies.push({
      status: result.status,
      articleId: result.article.id,
      claims: result.article.casualtyStatistics,
      claimsExtracted: result.claimsExtracted,
      eventsExtracted: result.eventsExtracted,
    });
    if (result.status === "CREATED") {
      this.acknowledgedCreated++;
      this.acknowledged.push({ id: result.article.id, n });
    }
  }

  private async read(shape: ReadShape, random: Random): Promise<void> {
    // Reads are anonymous: they go through the response cache.
    const floor = this.acknowledgedCreated;
    const ceiling = this.nextN;
    let variables: Record<string, unknown> = {};
    let target: { id: string; n: number } | undefined;
    if (shape === "soak-count") variables = { search: "Soak report" };
    if (shape === "list") variables = { first: random.pick([5, 10, 20]) };
    if ((shape === "by-id" || shape === "entities") && this.acknowledged.length === 0) shape = "reference";
    if (shape === "by-id") {
      target = random.pick(this.acknowledged);
      variables = { id: target.id };
    }
    if (shape === "entities") {
      const ids = Array.from({ length: 5 }, () => random.pick(this.acknowledged).id);
      variables = { representations: ids.map((id) => ({ __typename: "Article", id })) };
    }
    const reply = await postGraphQL(this.origin, READS[shape], variables);
    if (!this.record("read", shape, reply)) return;
    const data = reply.body.data;
    if (shape === "soak-count") {
      const count = data.articles.totalCount;
      // Every page acknowledged before this read began is visible; no page is counted twice.
      if (count < floor) this.violation(`stale read: ${count} soak articles listed after ${floor} were acknowledged`);
      if (count > ceiling) this.violation(`${count} soak articles listed, but only ${ceiling} distinct pages had been sent`);
    }
    if (shape === "by-id" && target) {
      const article = data.article;
      const expected = soakArticle(target.n);
      if (!article) this.violation(`stale read: acknowledged article ${target.id} (page ${target.n}) read as null`);
      else if (article.url !== expected.url || !sameClaims(article.casualtyStatistics, expected.claims)) {
        this.violation(`article ${target.id} read back with url ${article.url} and claims ${JSON.stringify(article.casualtyStatistics)}, expected page ${target.n}`);
      }
    }
    if (shape === "entities" && data._entities.some((entity: unknown) => entity === null)) {
      this.violation(`_entities returned null for an acknowledged article`);
    }
  }
}

function newStats(): PhaseStats {
  return { reads: 0, ingestions: 0, latencies: [], byShape: new Map() };
}

function claimKey(claim: ExpectedClaim): string {
  return `${claim.category}/${claim.affectedGroup}/${claim.best}`;
}

/** The same claims, each once (order aside). */
function sameClaims(actual: ExpectedClaim[], expected: ExpectedClaim[]): boolean {
  const a = actual.map(claimKey).sort();
  const b = expected.map(claimKey).sort();
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

// ---------------------------------------------------------------------------
// After the run: what the database holds against what was sent

async function verifyDatabase(soak: Soak, databaseUrl: string): Promise<{ articles: number; claims: number; events: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; url: string; contentHash: string; claims: ExpectedClaim[] | null; events: number }>(
      `SELECT a.id, a.url, a."contentHash",
              (SELECT json_agg(json_build_object('category', c.category, 'affectedGroup', c."affectedGroup", 'best', c.best) ORDER BY c."quoteStart")
                 FROM "CasualtyStatistic" c WHERE c."articleId" = a.id) AS claims,
              (SELECT count(*)::int FROM "Event" e WHERE e."articleId" = a.id) AS events
         FROM "Article" a JOIN "Publisher" p ON p.id = a."publisherId"
        WHERE a.url LIKE $1 OR p.name = $2`,
      [`${SOAK_URL_PREFIX}%`, SOAK_PUBLISHER],
    );
    const byUrl = new Map<string, typeof rows>();
    for (const row of rows) byUrl.set(row.url, [...(byUrl.get(row.url) ?? []), row]);
    let claims = 0;
    let events = 0;
    for (const [n, sent] of soak.sent) {
      const page: SoakArticle = soakArticle(n);
      const stored = byUrl.get(page.url) ?? [];
      byUrl.delete(page.url);
      const created = sent.replies.filter((r) => r.status === "CREATED");
      const others = sent.replies.filter((r) => r.status !== "CREATED" && r.status !== "UNCHANGED");
      if (sent.replies.length === 0) continue; // every send of it failed: reported already
      if (created.length !== 1) soak.violation(`page ${n}: ${created.length} CREATED replies among ${sent.replies.length} sends (exactly 1 expected)`);
      if (others.length) soak.violation(`page ${n}: replies ${others.map((r) => r.status).join(", ")} (only CREATED or UNCHANGED expected)`);
      const ids = new Set(sent.replies.map((r) => r.articleId));
      if (ids.size !== 1) soak.violation(`page ${n}: its sends named ${ids.size} different articles`);
      if (stored.length !== 1) {
        soak.violation(`page ${n}: ${stored.length} stored articles (exactly 1 expected)`);
        continue;
      }
      const [row] = stored;
      if (!ids.has(row.id)) soak.violation(`page ${n}: stored as ${row.id}, acknowledged as ${[...ids].join(", ")}`);
      const storedClaims = row.claims ?? [];
      if (JSON.stringify(storedClaims.map(claimKey)) !== JSON.stringify(page.claims.map(claimKey))) {
        soak.violation(`page ${n}: stored claims ${JSON.stringify(storedClaims.map(claimKey))}, the page states ${JSON.stringify(page.claims.map(claimKey))}`);
      }
      for (const reply of sent.replies) {
        if (!sameClaims(reply.claims, page.claims)) soak.violation(`page ${n}: a ${reply.status} reply listed claims ${JSON.stringify(reply.claims.map(claimKey))}`);
      }
      if (created[0] && created[0].claimsExtracted !== page.claims.length) {
        soak.violation(`page ${n}: CREATED with claimsExtracted ${created[0].claimsExtracted}, the page states ${page.claims.length}`);
      }
      if (created[0] && row.events !== created[0].eventsExtracted) {
        soak.violation(`page ${n}: ${row.events} stored events, ${created[0].eventsExtracted} extracted`);
      }
      claims += storedClaims.length;
      events += row.events;
    }
    for (const [url, extra] of byUrl) soak.violation(`${extra.length} stored article(s) at ${url}, which was never sent`);
    return { articles: rows.length, claims, events };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------
// Report

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const mb = (value: number) => `${value.toFixed(1)} MB`;

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const log = (message: string) => console.log(`[soak] ${message}`);
  productMain(); // throws, saying how, when the product is not built (npm run soak at the root builds it)
  if (rssMb(process.pid) === null) throw new Error("/proc/<pid>/status is not readable here: the soak's RSS check needs Linux");

  const database = await openSoakDatabase(options.databaseUrl, log);
  log(`Database: ${database.where}`);
  let server: ServerProcess | undefined;
  try {
    // A fresh key per run, only ever in this process and the server's environment.
    const apiKey = `soak-${process.pid}-${Date.now()}-0123456789abcdef`;
    const startedAt = Date.now();
    server = await startServerProcess(database.url, apiKey, options);
    log(`Server ${server.origin} (pid ${server.pid}, NODE_ENV=production) ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    const soak = new Soak(server.origin, apiKey, options);

    // Raw RSS every 250 ms (the peak), and every few seconds a settled sample:
    // a full GC through the inspector, then RSS and the V8 heap in use.
    const raw: number[] = [];
    const settled: { phase: Phase; at: number; rssMb: number; heapMb: number }[] = [];
    const pid = server.pid;
    const rawSampler = setInterval(() => {
      const value = rssMb(pid);
      if (value !== null) raw.push(value);
    }, 250);
    const inspectorUrl = server.inspectorUrl();
    if (!inspectorUrl) throw new Error(`the server printed no inspector address\n${server.tail()}`);
    const inspector = await Inspector.connect(inspectorUrl);
    let sampling = true;
    const settledSampler = (async () => {
      while (sampling) {
        let heapMb: number;
        try {
          heapMb = await inspector.settle();
        } catch (error) {
          soak.violation(`memory sampling stopped: ${(error as Error).message}`);
          return;
        }
        const value = rssMb(pid);
        if (value !== null) settled.push({ phase: soak.phase, at: Date.now(), rssMb: value, heapMb });
        await new Promise((resolve) => setTimeout(resolve, settleIntervalMs(options.durationSeconds)));
      }
    })();

    const warmupEnd = Date.now() + options.warmupSeconds * 1000;
    const end = warmupEnd + options.durationSeconds * 1000;
    let measuredStart = 0;
    const switcher = setTimeout(() => {
      soak.phase = "measured";
      measuredStart = Date.now();
    }, options.warmupSeconds * 1000);
    log(`Load: ${options.connections} clients, ${options.warmupSeconds} s warm-up then ${options.durationSeconds} s measured; ${options.writeShare * 100}% ingestions (${options.repeatShare * 100}% of them repeats)`);
    // A line every 10 s, so a CI log shows the RSS curve, not just its quarters.
    const runStart = Date.now();
    const progress = setInterval(() => {
      const done = soak.stats.warmup.reads + soak.stats.warmup.ingestions + soak.stats.measured.reads + soak.stats.measured.ingestions;
      const last = settled[settled.length - 1];
      log(
        `${Math.round((Date.now() - runStart) / 1000)} s (${soak.phase}): ${done} requests, ${soak.sent.size} pages, ` +
          `RSS ${mb(raw[raw.length - 1] ?? NaN)} (after GC ${mb(last?.rssMb ?? NaN)}, heap ${mb(last?.heapMb ?? NaN)}), violations ${soak.totalViolations}`,
      );
    }, 10_000);
    await Promise.all(Array.from({ length: options.connections }, (_, id) => soak.client(id, () => Date.now() >= end)));
    const measuredEnd = Date.now();
    clearInterval(progress);
    clearInterval(rawSampler);
    sampling = false;
    await settledSampler;
    inspector.close();
    clearTimeout(switcher);
    if (!measuredStart) measuredStart = warmupEnd;

    // At rest: the freshness probe once more, now exact.
    const distinct = [...soak.sent.values()].filter((s) => s.replies.length > 0).length;
    const final = await postGraphQL(server.origin, READS["soak-count"], { search: "Soak report" });
    const finalCount = final.body?.data?.articles?.totalCount;
    if (finalCount !== distinct) soak.violation(`at rest the API lists ${finalCount} soak articles; ${distinct} distinct pages were acknowledged`);

    const stored = await verifyDatabase(soak, database.url);

    // Quarters of the measured window: medians of the settled samples in each.
    const span = measuredEnd - measuredStart;
    const quarter = (q: number, pick: (sample: (typeof settled)[number]) => number) =>
      median(settled.filter((x) => x.phase === "measured" && x.at >= measuredStart + (q * span) / 4 && x.at < measuredStart + ((q + 1) * span) / 4).map(pick));
    const rssQuarters = [0, 1, 2, 3].map((q) => quarter(q, (x) => x.rssMb));
    const heapQuarters = [0, 1, 2, 3].map((q) => quarter(q, (x) => x.heapMb));
    const rssAllowed = RSS_RULE.rssMb;
    const rssGrowth = rssQuarters[3] - rssQuarters[0];
    const heapGrowth = heapQuarters[3] - heapQuarters[0];
    if (!(rssGrowth <= rssAllowed)) soak.violation(`RSS after GC grew ${mb(rssGrowth)} from the first to the last quarter (allowed ${mb(rssAllowed)})`);
    if (!(heapGrowth <= RSS_RULE.heapMb)) soak.violation(`the V8 heap after GC grew ${mb(heapGrowth)} from the first to the last quarter (allowed ${mb(RSS_RULE.heapMb)})`);

    // Stop: SIGTERM must drain and exit 0.
    server.child.kill("SIGTERM");
    const killer = setTimeout(() => server?.child.kill("SIGKILL"), 20_000);
    const exitCode = await server.exited;
    clearTimeout(killer);
    if (exitCode !== 0) soak.violation(`the server exited with code ${exitCode} on SIGTERM; its last lines:\n${server.tail().split("\n").slice(-5).join("\n")}`);
    const errors = (server.logLevels.get("error") ?? 0) + (server.logLevels.get("fatal") ?? 0);
    if (errors > 0) soak.violation(`the server logged ${errors} error line(s), e.g. ${server.errorLines[0]}`);
    const logLevels = server.logLevels;
    server = undefined;

    // Summary.
    const m = soak.stats.measured;
    const w = soak.stats.warmup;
    const latencies = [...m.latencies].sort((a, b) => a - b);
    const seconds = (measuredEnd - measuredStart) / 1000;
    const statuses = [...soak.sent.values()].flatMap((s) => s.replies.map((r) => r.status));
    const count = (status: string) => statuses.filter((s) => s === status).length;
    console.log("");
    console.log(`Soak: ${seconds.toFixed(1)} s measured after ${options.warmupSeconds} s warm-up, ${options.connections} clients, on ${os.cpus().length} CPUs, Node ${process.versions.node}`);
    console.log(`  requests  ${m.reads + m.ingestions} measured (${((m.reads + m.ingestions) / seconds).toFixed(0)}/s): ${m.reads} reads, ${m.ingestions} ingestions; warm-up ${w.reads + w.ingestions}`);
    console.log(`  shapes    ${[...m.byShape].map(([shape, n]) => `${shape} ${n}`).join(", ")}`);
    console.log(`  latency   p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${percentile(latencies, 100).toFixed(1)} ms`);
    console.log(`  ingested  ${distinct} distinct pages, ${statuses.length} sends: CREATED ${count("CREATED")}, UNCHANGED ${count("UNCHANGED")}, other ${statuses.length - count("CREATED") - count("UNCHANGED")}`);
    console.log(`  database  ${stored.articles} soak articles, ${stored.claims} claims (the acknowledged pages state ${[...soak.sent].filter(([, s]) => s.replies.length > 0).reduce((sum, [n]) => sum + soakArticle(n).claims.length, 0)}), ${stored.events} events`);
    console.log(
      `  RSS       after GC, median per quarter: ${rssQuarters.map(mb).join(" → ")}; growth ${mb(rssGrowth)}, allowed ${mb(rssAllowed)} ` +
        `; raw peak ${mb(Math.max(...raw))} (GC not forced)`,
    );
    console.log(`  V8 heap   after GC, median per quarter: ${heapQuarters.map(mb).join(" → ")}; growth ${mb(heapGrowth)}, allowed ${mb(RSS_RULE.heapMb)}; ${settled.length} settled samples`);
    console.log(`  server    log lines ${[...logLevels].map(([level, n]) => `${level} ${n}`).join(", ")}; exit code ${exitCode} on SIGTERM`);
    console.log(`  result    ${soak.totalViolations === 0 ? "PASS" : `FAIL: ${soak.totalViolations} violation(s)`}`);
    for (const violation of soak.violations) console.log(`    - ${violation}`);
    return soak.totalViolations === 0 ? 0 : 1;
  } finally {
    if (server) {
      server.child.kill("SIGKILL");
      await server.exited;
    }
    agent.destroy();
    await database.drop().catch((error: unknown) => log(`could not drop the soak database: ${(error as Error).message}`));
  }
}

if (typeof WebSocket === "undefined") {
  // Node 20: WebSocket (for the server's inspector) is behind a flag; run again with it.
  const again = spawnSync(process.execPath, ["--experimental-websocket", __filename, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(again.status ?? 1);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[soak] ${(error as Error).message ?? error}`);
    process.exit(1);
  },
);
