// The world reference data on an empty migrated database: every country with
// its alpha-3, GeoNames places with region, coordinates, population and the
// names an article may use; loaded once; the Kazakhstan seed on top adds no
// second copy of a place.
import { loadConfig } from "../../src/config";
import { createPrismaClient, type PrismaClient } from "../../src/db/prisma";
import { withPgClient } from "../../src/db/pg-client";
import { loadReferenceData, loadedReferenceVersion, referenceDataVersion } from "../../src/db/reference-data";
import { placeNameKey } from "../../src/place/place-names";
import { seedDatabase } from "../../src/seed/seed.service";
import { createEmptyDatabase, type EmptyDatabase } from "../helpers/empty-database";

let database: EmptyDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createEmptyDatabase("reference");
  prisma = createPrismaClient(database.url, loadConfig({}));
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

test("every ISO 3166-1 country, with its English name and alpha-3 code", async () => {
  const countries = await prisma.country.findMany();
  expect(countries).toHaveLength(250);
  expect(countries.every((c) => /^[A-Z]{2}$/.test(c.isoCode) && /^[A-Z]{3}$/.test(c.alpha3 ?? ""))).toBe(true);
  const byIso = new Map(countries.map((c) => [c.isoCode, c]));
  expect(byIso.get("SD")).toMatchObject({ name: "Sudan", alpha3: "SDN" });
  expect(byIso.get("KZ")).toMatchObject({ name: "Kazakhstan", alpha3: "KAZ" });
  expect(byIso.get("LY")).toMatchObject({ name: "Libya", alpha3: "LBY" });
  // Each has its COUNTRY place, the fallback place of a claim that names none.
  expect(await prisma.place.count({ where: { kind: "COUNTRY" } })).toBe(250);
});

test("GeoNames places with country, first-order region, coordinates, population and their other names", async () => {
  expect(await prisma.place.count({ where: { kind: "CITY", geonameId: { not: null } } })).toBeGreaterThan(130_000);
  const khartoum = await prisma.place.findFirstOrThrow({ where: { name: "Khartoum", kind: "CITY" }, include: { country: true } });
  expect(khartoum).toMatchObject({ country: { isoCode: "SD" }, admin1Code: "SD.29", admin1Name: "Khartoum", featureCode: "PPLC" });
  expect(khartoum.population).toBeGreaterThan(1_000_000);
  expect(khartoum.latitude).toBeCloseTo(15.55, 1);
  expect(khartoum.longitude).toBeCloseTo(32.53, 1);
  const named = async (name: string) =>
    (await prisma.placeName.findMany({ where: { name: placeNameKey(name) as string }, include: { place: { include: { country: true } } } })).map((n) => `${n.place.name}, ${n.place.country?.isoCode}`);
  expect(await named("Alma-Ata")).toContain("Almaty, KZ");
  expect(await named("El Geneina")).toContain("Geneina, SD");
  expect(await named("Derna")).toEqual(expect.arrayContaining(["Darnah, LY"]));
  expect(await named("Khartoum")).toContain("Khartoum, SD");
  // Airport codes are no names ("KRT" is Khartoum's).
  expect(await prisma.placeName.count({ where: { name: "krt" } })).toBe(0);
});

test("a second load is one SELECT and changes nothing", async () => {
  const before = await prisma.place.count();
  expect(await loadReferenceData(database.url)).toBeNull();
  expect(await prisma.place.count()).toBe(before);
  expect(await withPgClient(database.url, (client) => loadedReferenceVersion(client))).toBe(referenceDataVersion());
});

test("the Kazakhstan seed on top reuses the reference places instead of adding its own", async () => {
  const cities = () => prisma.place.count({ where: { kind: "CITY", country: { isoCode: "KZ" }, name: { in: ["Almaty", "Aktau", "Zhanaozen"] } } });
  const before = await cities();
  const places = await prisma.place.count();
  expect(await seedDatabase(prisma)).toBe(true);
  expect(await cities()).toBe(before);
  // Only what GeoNames has no row for: the airport and the region.
  expect(await prisma.place.count()).toBe(places + 2);
  expect(await prisma.place.count({ where: { kind: "COUNTRY", country: { isoCode: "KZ" } } })).toBe(1);
  expect(await prisma.country.count()).toBe(250);
  const almaty = await prisma.place.findFirstOrThrow({ where: { name: "Almaty", kind: "CITY" }, orderBy: { population: { sort: "desc", nulls: "last" } } });
  expect(almaty.geonameId).toBe(1526384);
});
