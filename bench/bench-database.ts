// The benchmark database: the one given, or an embedded PostgreSQL of the
// project's own; migrated, and holding the synthetic dataset of the asked
// size and seed. A dataset already there (same size and seed, same article
// count) is reused, so reruns start in seconds.
import path from "node:path";
import { applyMigrations, freePort, startEmbeddedPostgres, withPgClient } from "crisis-graph/dev";
import { ensureSharedOrganizations, generateDataset, type DatasetSummary } from "./dataset/generate";
import type { Sample } from "./shapes";
import type { DatasetSize } from "./types";

export interface BenchDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

// Outside `public`, so PostGraphile (which exposes `public`) never sees it.
const MARKER_SCHEMA = "crisis_graph_bench";

export async function openBenchDatabase(
  databaseUrl: string | undefined,
  projectRoot: string,
  log: (m: string) => void,
  options: { migrate?: boolean } = {},
): Promise<BenchDatabase> {
  let database: BenchDatabase;
  if (databaseUrl) {
    database = { url: databaseUrl, embedded: false, stop: async () => {} };
  } else {
    const dataDir = path.join(projectRoot, ".data/bench-postgres");
    log(`Starting an embedded PostgreSQL in ${dataDir}`);
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), log });
    database = { url: embedded.url, embedded: true, stop: embedded.stop };
  }
  if (options.migrate ?? true) await migrate(database.url, log);
  return database;
}

export async function migrate(url: string, log: (m: string) => void): Promise<void> {
  const applied = await applyMigrations(url);
  if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
}

/** The dataset of this size and seed if the database holds it (marker and article count agree), else null. */
export async function findDataset(url: string, size: DatasetSize, seed: number): Promise<DatasetSummary | null> {
  return withPgClient(url, async (client) => {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${MARKER_SCHEMA}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${MARKER_SCHEMA}.dataset (id int PRIMARY KEY DEFAULT 1 CHECK (id = 1), summary jsonb NOT NULL)`);
    const marker = await client.query<{ summary: DatasetSummary }>(`SELECT summary FROM ${MARKER_SCHEMA}.dataset`);
    const articles = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Article"`)).rows[0].n);
    const summary = marker.rows[0]?.summary;
    return summary && summary.size === size && summary.seed === seed && summary.articles === articles ? summary : null;
  });
}

export async function ensureDataset(url: string, size: DatasetSize, seed: number, log: (m: string) => void): Promise<DatasetSummary> {
  const existing = await findDataset(url, size, seed);
  if (existing) {
    log(`Reusing the ${size} dataset (seed ${seed}) already in the database`);
    // A dataset generated before the shared organisations were part of it gets them now (idempotent).
    await withPgClient(url, ensureSharedOrganizations);
    return existing;
  }
  log(`Generating the ${size} dataset (seed ${seed})`);
  const summary = await generateDataset({ databaseUrl: url, size, seed, replace: true, onProgress: (m) => log(`  ${m}`) });
  await withPgClient(url, async (client) => {
    await client.query(`INSERT INTO ${MARKER_SCHEMA}.dataset (summary) VALUES ($1) ON CONFLICT (id) DO UPDATE SET summary = EXCLUDED.summary`, [summary]);
    // Fresh rows: statistics for the planner, and vacuumed now so autovacuum does not run during the first server's turn.
    await client.query("VACUUM (ANALYZE)");
  });
  return summary;
}

/** Ids and a publication range the shapes ask for, derived from the dataset. */
export async function sampleOf(url: string, summary: DatasetSummary): Promise<Sample> {
  return withPgClient(url, async (client) => {
    let articleIds = summary.sample.articleIds;
    if (articleIds.length < Math.min(100, summary.articles)) {
      articleIds = (await client.query<{ id: string }>(`SELECT id FROM "Article" ORDER BY md5(id::text) LIMIT 100`)).rows.map((r) => r.id);
    }
    // The crisis's newest articles: a range that skips the 10 newest and holds about 70, so a page of 50 is full.
    const { rows } = await client.query<{ at: string }>(
      `SELECT to_char(a."publishedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM "Article" a WHERE a."crisisId" = $1
         AND NOT EXISTS (SELECT 1 FROM "Article" n WHERE n."previousVersionId" = a.id)
       ORDER BY a."publishedAt" DESC, a.id DESC LIMIT 80`,
      [summary.sample.crisisId],
    );
    if (rows.length === 0) throw new Error(`The dataset's sample crisis ${summary.sample.crisisId} has no articles`);
    const at = (i: number) => rows[i].at;
    const wide = rows.length < 80;
    // Up to 100 ids of each other entity type, spread over the table (as article ids are), for the _entities shapes.
    const idsOf = async (table: string) =>
      (await client.query<{ id: string }>(`SELECT id FROM "${table}" ORDER BY md5(id::text) LIMIT 100`)).rows.map((r) => r.id);
    // casualty-summary: the crisis's most reported category, as of the last day one of its claims was filed.
    const crisis = await client.query<{ slug: string; category: string; asOf: string }>(
      `SELECT c.slug, s.category, to_char(max(s."reportedAt"), 'YYYY-MM-DD') AS "asOf"
         FROM "Crisis" c JOIN "CasualtyStatistic" s ON s."crisisId" = c.id WHERE c.id = $1
        GROUP BY c.slug, s.category ORDER BY count(*) DESC, s.category LIMIT 1`,
      [summary.sample.crisisId],
    );
    if (crisis.rows.length === 0) throw new Error(`The dataset's sample crisis ${summary.sample.crisisId} has no claims`);
    return {
      articleIds,
      crisisSlug: crisis.rows[0].slug,
      summaryCategory: crisis.rows[0].category,
      summaryAsOf: crisis.rows[0].asOf,
      eventIds: await idsOf("Event"),
      claimIds: await idsOf("CasualtyStatistic"),
      placeIds: await idsOf("Place"),
      crisisId: summary.sample.crisisId,
      publishedFrom: wide ? at(rows.length - 1) : at(79),
      publishedTo: wide ? new Date(Date.parse(at(0)) + 1000).toISOString() : at(9),
    };
  });
}

/**
 * Waits (up to a minute) while autovacuum works on the server: it competes
 * with the server under test for the same cores. Returns false on timeout.
 */
export async function waitForQuietDatabase(url: string, log: (m: string) => void): Promise<boolean> {
  return withPgClient(url, async (client) => {
    const deadline = Date.now() + 60_000;
    let told = false;
    for (;;) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`);
      if (Number(rows[0].n) === 0) return true;
      if (Date.now() > deadline) return false;
      if (!told) log("Waiting for autovacuum to finish before the next server");
      told = true;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });
}
