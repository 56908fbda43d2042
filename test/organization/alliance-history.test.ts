// The CSTO membership history by date on an empty migrated database (the
// reference data only, no seed): organization(acronym | id) with members(asOf)
// and chair(asOf), cstoMembers/cstoChair as its CSTO case, every row sourced;
// the reference loader is idempotent and adopts rows made before it instead of
// adding a second copy; the demo seed on top adds no CSTO row.
import { loadConfig } from "../../src/config";
import { createPrismaClient } from "../../src/db/prisma";
import { withPgClient } from "../../src/db/pg-client";
import { loadedReferenceVersion, loadReferenceData } from "../../src/db/reference-data";
import { ALLIANCE_FILES, ALLIANCES_REFERENCE_NAME, allianceFileProblems, alliancesReferenceVersion } from "../../src/organization/reference-alliances";
import { seedDatabase } from "../../src/seed/seed.service";
import { createEmptyDatabase, type EmptyDatabase } from "../helpers/empty-database";
import { startTestServer, type TestServer } from "../helpers/test-server";

const CSTO = "Collective Security Treaty Organization";
const reference = ALLIANCE_FILES["csto.json"];
let database: EmptyDatabase;
let server: TestServer;

beforeAll(async () => {
  database = await createEmptyDatabase("alliances");
  server = await startTestServer({ databaseUrl: database.url });
});
afterAll(async () => {
  await server.stop();
  await database.drop();
});

async function ask(query: string, variables: Record<string, unknown> = {}) {
  const response = await server.query(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const membersOn = async (asOf: string, acronym = "CSTO"): Promise<string[]> =>
  (await ask(`query ($acronym: String, $asOf: Date) { organization(acronym: $acronym) { members(asOf: $asOf) { isoCode } } }`, { acronym, asOf })).organization.members.map(
    (country: { isoCode: string }) => country.isoCode,
  );

test("the reference file is sound: known organisations, real days, no overlaps, every row sourced", () => {
  expect(allianceFileProblems(reference)).toEqual([]);
  expect(reference.memberships.every((row) => row.sources.length > 0)).toBe(true);
});

test("organization(acronym: \"CSTO\") answers the history by date: Uzbekistan in 2008 and not in 2022, Azerbaijan and Georgia under the treaty", async () => {
  expect(await membersOn("2008-06-01")).toContain("UZ");
  expect(await membersOn("2022-01-10")).toEqual(["AM", "BY", "KZ", "KG", "RU", "TJ"]);
  expect(await membersOn("1995-01-01")).toEqual(["AM", "AZ", "BY", "GE", "KZ", "KG", "RU", "TJ", "UZ"]);
  expect(await membersOn("2000-01-01")).toEqual(["AM", "BY", "KZ", "KG", "RU", "TJ"]);
  expect(await membersOn("2013-01-01")).toEqual(["AM", "BY", "KZ", "KG", "RU", "TJ"]);
  expect(await membersOn("1992-05-14")).toEqual([]);
  // Periods include `from` and exclude `to`: Uzbekistan's second period ends on 28 Jun 2012.
  expect(await membersOn("2012-06-27")).toContain("UZ");
  expect(await membersOn("2012-06-28")).not.toContain("UZ");
});

test("Armenia's 2024 freeze: SUSPENDED from 22 Feb 2024, so no member on 1 June 2024", async () => {
  expect(await membersOn("2024-02-21")).toContain("AM");
  expect(await membersOn("2024-06-01")).toEqual(["BY", "KZ", "KG", "RU", "TJ"]);
  const { country } = await ask(`{ country(isoCode: "AM") { memberships { status from to note organization { acronym } } } }`);
  expect(country.memberships.map((m: any) => [m.organization.acronym, m.status, m.from, m.to])).toEqual([
    ["CSTO", "MEMBER", "1992-05-15", "2024-02-22"],
    ["CSTO", "SUSPENDED", "2024-02-22", null],
  ]);
  // The note says why, and where that was read.
  expect(country.memberships[1].note).toMatch(/France 24.*Sources: https:\/\/kyivindependent\.com/);
});

test.each([
  ["2014-06-01", null, null],
  ["2015-01-01", "TJ", "Emomali Rahmon"],
  ["2016-01-01", "AM", "Serzh Sargsyan"],
  ["2017-01-01", "BY", "Alexander Lukashenko"],
  ["2018-01-01", "KZ", "Nursultan Nazarbayev"],
  ["2019-01-01", "KG", "Sooronbay Jeenbekov"],
  ["2020-01-01", "RU", "Vladimir Putin"],
  ["2021-09-15", "TJ", "Emomali Rahmon"],
  ["2021-09-16", "AM", "Nikol Pashinyan"],
  ["2023-06-01", "BY", "Alexander Lukashenko"],
  ["2024-01-01", "KZ", "Kassym-Jomart Tokayev"],
  ["2025-06-01", "KG", "Sadyr Japarov"],
  ["2026-06-01", "RU", "Vladimir Putin"],
])("the chair on %s is %s", async (asOf, isoCode, person) => {
  const { organization, cstoChair } = await ask(
    `query ($asOf: Date) {
      organization(acronym: "csto") { chair(asOf: $asOf) { country { isoCode } person { name } } }
      cstoChair(asOf: $asOf) { country { isoCode } person { name } }
    }`,
    { asOf },
  );
  expect(organization.chair).toEqual(isoCode ? { country: { isoCode }, person: { name: person } } : null);
  expect(cstoChair).toEqual(organization.chair);
});

test("cstoMembers is organization(acronym: \"CSTO\") { members }, on every day the membership changed", async () => {
  const days = [...new Set(reference.memberships.flatMap((row) => [row.from, row.to]).filter((d): d is string => d !== null))];
  for (const asOf of days) {
    const { cstoMembers } = await ask(`query ($asOf: Date) { cstoMembers(asOf: $asOf) { isoCode } }`, { asOf });
    expect(cstoMembers.map((c: { isoCode: string }) => c.isoCode)).toEqual(await membersOn(asOf));
  }
});

test("organization by id, by acronym in any case; exactly one of the two, else BAD_USER_INPUT", async () => {
  const { organization: byAcronym } = await ask(`{ organization(acronym: "Csto") { id name acronym foundedOn bodies { name } } }`);
  expect(byAcronym).toMatchObject({ name: CSTO, acronym: "CSTO", foundedOn: "2002-10-07", bodies: [{ name: "Collective Security Council" }] });
  const { organization: byId } = await ask(`query ($id: ID) { organization(id: $id) { name chairmanships { from } } }`, { id: byAcronym.id });
  expect(byId.name).toBe(CSTO);
  expect(byId.chairmanships).toHaveLength(reference.chairmanships.length);
  expect((await ask(`{ organization(acronym: "NOPE") { id } }`)).organization).toBeNull();
  expect((await ask(`{ organization(id: "00000000-0000-4000-8000-000000000000") { id } }`)).organization).toBeNull();
  for (const query of [`{ organization { id } }`, `query ($id: ID) { organization(id: $id, acronym: "CSTO") { id } }`]) {
    const refused = await server.query(query, { id: byAcronym.id });
    expect(refused.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0].message).toMatch(/exactly one of "id" and "acronym"/);
  }
});

test("a second load is one look at ReferenceData and changes nothing", async () => {
  const before = await rowCounts();
  expect(await loadReferenceData(database.url)).toBeNull();
  expect(await rowCounts()).toEqual(before);
  expect(await withPgClient(database.url, (client) => loadedReferenceVersion(client, ALLIANCES_REFERENCE_NAME))).toBe(alliancesReferenceVersion());
});

test("the demo seed on top adds no CSTO row and links its events to the reference CSTO", async () => {
  const before = await rowCounts();
  expect(await seedDatabase(server.prisma)).toBe(true);
  expect(await rowCounts()).toEqual(before);
  const participants = await server.prisma.eventParticipant.count({ where: { organization: { name: CSTO } } });
  expect(participants).toBeGreaterThan(0);
  const pashinyan = await server.prisma.person.findUniqueOrThrow({ where: { name: "Nikol Pashinyan" }, include: { roles: { include: { organization: true } }, chairmanships: true } });
  expect(pashinyan.description).toMatch(/Prime Minister of Armenia/);
  expect(pashinyan.roles.map((role) => role.organization?.name)).toContain("Collective Security Council");
  expect(pashinyan.chairmanships).toHaveLength(1);
});

async function rowCounts(prisma = server.prisma) {
  const [organizations, memberships, chairmanships] = await Promise.all([
    prisma.organization.count({ where: { OR: [{ name: CSTO }, { parent: { name: CSTO } }] } }),
    prisma.membership.count(),
    prisma.chairmanship.count(),
  ]);
  return { organizations, memberships, chairmanships };
}

describe("a database where the CSTO was recorded before the reference data (an older seed, a user)", () => {
  let older: EmptyDatabase;
  const prisma = () => createPrismaClient(older.url, loadConfig({}));

  beforeAll(async () => {
    older = await createEmptyDatabase("alliances_adopt");
    // Back to before the reference data: then the rows an older seed or a user wrote.
    const db = prisma();
    await db.chairmanship.deleteMany({});
    await db.membership.deleteMany({});
    await db.organization.deleteMany({ where: { parentId: { not: null } } });
    await db.organization.deleteMany({});
    await db.referenceData.delete({ where: { name: ALLIANCES_REFERENCE_NAME } });
    const country = async (isoCode: string) => (await db.country.findUniqueOrThrow({ where: { isoCode } })).id;
    const csto = await db.organization.create({ data: { name: CSTO, acronym: "CSTO", description: "Written by a user." } });
    await db.membership.create({ data: { organizationId: csto.id, countryId: await country("UZ"), status: "MEMBER", from: new Date("2006-08-16"), note: "A user's note." } });
    // A period recorded with another start: the user's row stands, the file's is left out.
    await db.membership.create({ data: { organizationId: csto.id, countryId: await country("KZ"), status: "MEMBER", from: new Date("1994-04-20") } });
    await db.chairmanship.create({ data: { organizationId: csto.id, countryId: await country("AM"), from: new Date("2021-09-16") } });
    await db.$disconnect();
  });
  afterAll(() => older.drop());

  test("the loader adopts them by natural key, keeps their values, fills their blanks, and adds the rest once", async () => {
    const db = prisma();
    try {
      const [csto] = await db.organization.findMany({ where: { name: CSTO } });
      expect(await loadReferenceData(older.url)).toMatch(/^alliances /);
      expect(await loadReferenceData(older.url)).toBeNull();

      const organizations = await db.organization.findMany({ where: { OR: [{ name: CSTO }, { parent: { name: CSTO } }] } });
      expect(organizations.map((o) => o.name).sort()).toEqual(["Collective Security Council", CSTO]);
      expect(organizations.find((o) => o.name === CSTO)).toMatchObject({ id: csto.id, description: "Written by a user.", foundedOn: new Date("2002-10-07") });

      const memberships = await db.membership.findMany({ include: { country: true } });
      expect(memberships).toHaveLength(reference.memberships.length);
      const uzbekistan = memberships.filter((m) => m.country.isoCode === "UZ").sort((a, b) => +a.from - +b.from);
      expect(uzbekistan.map((m) => [m.from, m.to, m.note])).toEqual([
        [new Date("1992-05-15"), new Date("1999-04-20"), expect.stringMatching(/Sources:/)],
        [new Date("2006-08-16"), new Date("2012-06-28"), "A user's note."],
      ]);
      expect(memberships.filter((m) => m.country.isoCode === "KZ").map((m) => m.from)).toEqual([new Date("1994-04-20")]);

      const chairmanships = await db.chairmanship.findMany({ include: { person: true } });
      expect(chairmanships).toHaveLength(reference.chairmanships.length);
      expect(chairmanships.find((c) => +c.from === +new Date("2021-09-16"))).toMatchObject({ to: new Date("2022-11-23"), person: { name: "Nikol Pashinyan" } });
    } finally {
      await db.$disconnect();
    }
  });
});
