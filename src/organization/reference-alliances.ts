// Alliances' history as reference data: the organisations, memberships and
// chairmanships of src/organization/reference/*.json (the CSTO's, with the
// sources of every row in the file), loaded after the migrations on every
// database by the reference loader (src/db/reference-data.ts), in its own
// ReferenceData row, whose version is a hash of the files: an edited file
// reloads once, an unchanged one costs nothing.
//
// Rows already there are adopted, never duplicated, by their natural keys: an
// organisation by name (or, at the top level, by acronym in any case), a
// membership by organisation, country and `from`, a chairmanship by
// organisation and `from`. An adopted row keeps every value it has (the seed's
// or a user's); the file only fills what is empty. A file row whose period
// overlaps a row someone recorded differently is left out: theirs stands.
import { createHash } from "node:crypto";
import type pg from "pg";
import csto from "./reference/csto.json";

export const ALLIANCES_REFERENCE_NAME = "alliances";
/** Raise when the way rows are derived from the files changes: every database reloads once. */
const LOADER_REVISION = 1;

export interface AllianceFile {
  /** Each row's `sources` are keys of this: where it was read, and what it says. */
  _sources: Record<string, { cite: string; says: string }>;
  organizations: { name: string; acronym: string | null; description: string | null; foundedOn: string | null; parent: string | null; sources: string[] }[];
  memberships: { organization: string; country: string; status: "MEMBER" | "SUSPENDED" | "OBSERVER"; from: string; to: string | null; note: string; sources: string[] }[];
  chairmanships: { organization: string; country: string; person: string | null; from: string; to: string | null; handover: string; sources: string[] }[];
}

export const ALLIANCE_FILES: Record<string, AllianceFile> = { "csto.json": csto as AllianceFile };

export function alliancesReferenceVersion(): string {
  const hash = createHash("sha256").update(JSON.stringify(ALLIANCE_FILES)).digest("hex").slice(0, 12);
  return `${Object.keys(ALLIANCE_FILES).join("+")}@${hash} loader@${LOADER_REVISION}`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string) => DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
const END = "9999-12-31";
const overlaps = (a: { from: string; to: string | null }, b: { from: string; to: string | null }) => a.from < (b.to ?? END) && b.from < (a.to ?? END);

/** What a file must hold before any of it is written: the problems, none when it is sound. */
export function allianceFileProblems(file: AllianceFile): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const organization of file.organizations) {
    if (organization.parent !== null && !names.has(organization.parent)) problems.push(`organization "${organization.name}": parent "${organization.parent}" is not listed before it`);
    if (organization.foundedOn !== null && !isDay(organization.foundedOn)) problems.push(`organization "${organization.name}": foundedOn "${organization.foundedOn}" is not a day`);
    names.add(organization.name);
  }
  const periods = [
    ...file.memberships.map((row) => ({ row, what: `membership of ${row.country} from ${row.from}`, group: `${row.organization}|${row.country}` })),
    ...file.chairmanships.map((row) => ({ row, what: `chairmanship of ${row.country} from ${row.from}`, group: `${row.organization}|chair` })),
  ];
  periods.forEach(({ row, what, group }, index) => {
    if (!names.has(row.organization)) problems.push(`${what}: unknown organization "${row.organization}"`);
    if (!/^[A-Z]{2}$/.test(row.country)) problems.push(`${what}: "${row.country}" is no ISO 3166-1 alpha-2 code`);
    if (!isDay(row.from) || (row.to !== null && !isDay(row.to))) problems.push(`${what}: a date is not a day`);
    else if (row.to !== null && row.to <= row.from) problems.push(`${what}: "to" (${row.to}) is not after "from"`);
    for (const other of periods.slice(index + 1)) if (other.group === group && overlaps(row, other.row)) problems.push(`${what} overlaps ${other.what}`);
  });
  for (const row of [...file.organizations, ...file.memberships, ...file.chairmanships]) {
    if (!row.sources.length) problems.push(`${JSON.stringify(row).slice(0, 80)}: no sources`);
    for (const source of row.sources) if (!(source in file._sources)) problems.push(`unknown source "${source}"`);
  }
  return problems;
}

/** Loads every file in the caller's transaction; returns the rows of the files. */
export async function insertAlliances(client: pg.ClientBase): Promise<number> {
  let rows = 0;
  for (const [name, file] of Object.entries(ALLIANCE_FILES)) {
    const problems = allianceFileProblems(file);
    if (problems.length) throw new Error(`src/organization/reference/${name}: ${problems.join("; ")}`);
    rows += await insertAllianceFile(client, file);
  }
  return rows;
}

async function insertAllianceFile(client: pg.ClientBase, file: AllianceFile): Promise<number> {
  const organizations = new Map<string, string>();
  for (const organization of file.organizations) {
    const parentId = organization.parent === null ? null : (organizations.get(organization.parent) as string);
    organizations.set(organization.name, await adoptOrganization(client, { ...organization, parentId }));
  }
  const codes = [...new Set([...file.memberships, ...file.chairmanships].map((row) => row.country))];
  const countries = await idsBy(client, `SELECT id, "isoCode" AS key FROM "Country" WHERE "isoCode" = ANY($1)`, codes);
  const missing = codes.filter((code) => !countries.has(code));
  if (missing.length) throw new Error(`Alliance reference data: countries ${missing.join(", ")} are not in the world reference data`);
  const names = [...new Set(file.chairmanships.map((row) => row.person).filter((person): person is string => person !== null))];
  await client.query(`INSERT INTO "Person" (id, name) SELECT gen_random_uuid(), n FROM unnest($1::text[]) AS n ON CONFLICT (name) DO NOTHING`, [names]);
  const people = await idsBy(client, `SELECT id, name AS key FROM "Person" WHERE name = ANY($1)`, names);

  for (const row of file.memberships) {
    const note = `${row.note} Sources: ${row.sources.map((source) => file._sources[source].cite).join("; ")}`;
    await client.query(
      `INSERT INTO "Membership" (id, "organizationId", "countryId", status, "from", "to", note)
       SELECT gen_random_uuid(), $1, $2, $3::"MembershipStatus", $4::date, $5::date, $6
       WHERE NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."organizationId" = $1 AND m."countryId" = $2 AND m."from" <> $4::date
                           AND m."from" < COALESCE($5::date, 'infinity') AND $4::date < COALESCE(m."to", 'infinity'))
       ON CONFLICT ("organizationId", "countryId", "from") DO UPDATE
         SET "to" = COALESCE("Membership"."to", EXCLUDED."to"), note = COALESCE("Membership".note, EXCLUDED.note)`,
      [organizations.get(row.organization), countries.get(row.country), row.status, row.from, row.to, note],
    );
  }
  for (const row of file.chairmanships) {
    await client.query(
      `INSERT INTO "Chairmanship" (id, "organizationId", "countryId", "personId", "from", "to")
       SELECT gen_random_uuid(), $1, $2, $3, $4::date, $5::date
       WHERE NOT EXISTS (SELECT 1 FROM "Chairmanship" c WHERE c."organizationId" = $1 AND c."from" <> $4::date
                           AND c."from" < COALESCE($5::date, 'infinity') AND $4::date < COALESCE(c."to", 'infinity'))
       ON CONFLICT ("organizationId", "from") DO UPDATE
         SET "to" = COALESCE("Chairmanship"."to", EXCLUDED."to"), "personId" = COALESCE("Chairmanship"."personId", EXCLUDED."personId")`,
      [organizations.get(row.organization), countries.get(row.country), row.person === null ? null : people.get(row.person), row.from, row.to],
    );
  }
  return file.organizations.length + file.memberships.length + file.chairmanships.length;
}

/** The organisation's id: the one of that name, else a top-level one of that acronym, else a new one. */
async function adoptOrganization(client: pg.ClientBase, organization: AllianceFile["organizations"][number] & { parentId: string | null }): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM "Organization"
     WHERE name = $1 OR ($2::text IS NOT NULL AND $3::uuid IS NULL AND "parentId" IS NULL AND upper(acronym) = upper($2))
     ORDER BY name = $1 DESC, name, id LIMIT 1`,
    [organization.name, organization.acronym, organization.parentId],
  );
  const values = [organization.acronym, organization.description, organization.foundedOn, organization.parentId];
  if (rows.length) {
    await client.query(
      `UPDATE "Organization" SET acronym = COALESCE(acronym, $2), description = COALESCE(description, $3),
         "foundedOn" = COALESCE("foundedOn", $4::date), "parentId" = COALESCE("parentId", $5) WHERE id = $1`,
      [rows[0].id, ...values],
    );
    return rows[0].id;
  }
  const created = await client.query<{ id: string }>(
    `INSERT INTO "Organization" (id, name, acronym, description, "foundedOn", "parentId") VALUES (gen_random_uuid(), $1, $2, $3, $4::date, $5) RETURNING id`,
    [organization.name, ...values],
  );
  return created.rows[0].id;
}

async function idsBy(client: pg.ClientBase, sql: string, keys: string[]): Promise<Map<string, string>> {
  const { rows } = await client.query<{ id: string; key: string }>(sql, [keys]);
  return new Map(rows.map((row) => [row.key, row.id]));
}
