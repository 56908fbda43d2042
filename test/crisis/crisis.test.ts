// Crises a user manages, over real HTTP on an empty migrated database:
// createCrisis / updateCrisis with the write scope, and every refusal a
// BAD_USER_INPUT (or NOT_FOUND) with a stable reason, never an internal error;
// the `npm run crisis` CLI on the same database.
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { ensureBuilt, root } from "../helpers/build";
import { createEmptyDatabase, type EmptyDatabase } from "../helpers/empty-database";
import { startTestServer, type TestServer } from "../helpers/test-server";

const WRITER_KEY = "writer-key-0123456789abcdef0123";
const READER_KEY = "reader-key-0123456789abcdef0123";
let database: EmptyDatabase;
let server: TestServer;

beforeAll(async () => {
  database = await createEmptyDatabase("crisis");
  server = await startTestServer({ databaseUrl: database.url, env: { API_KEYS: `newsroom:${WRITER_KEY}:write,dashboard:${READER_KEY}:read` } });
});
afterAll(async () => {
  await server.stop();
  await database.drop();
});

async function post(query: string, variables: Record<string, unknown>, key: string | null = WRITER_KEY) {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] }) };
}

const CREATE = `mutation ($input: CreateCrisisInput!) { createCrisis(input: $input) { id slug name description startDate endDate country { isoCode name alpha3 } } }`;
const UPDATE = `mutation ($slug: String!, $input: UpdateCrisisInput!) { updateCrisis(slug: $slug, input: $input) { slug name startDate endDate country { isoCode } } }`;

test("createCrisis stores a crisis in a country of the reference data, readable by slug", async () => {
  const created = await post(CREATE, { input: { slug: "sudan-2023", name: "War in Sudan", countryIsoCode: "sd", startDate: "2023-04-15", description: "Fighting between the SAF and the RSF." } });
  expect(created.errors).toBeUndefined();
  expect(created.data.createCrisis).toMatchObject({
    slug: "sudan-2023",
    name: "War in Sudan",
    startDate: "2023-04-15",
    endDate: null,
    description: "Fighting between the SAF and the RSF.",
    country: { isoCode: "SD", name: "Sudan", alpha3: "SDN" },
  });
  const read = await post(`{ crisis(slug: "sudan-2023") { id name } crises { slug } }`, {});
  expect(read.data.crisis).toEqual({ id: created.data.createCrisis.id, name: "War in Sudan" });
  expect(read.data.crises).toEqual([{ slug: "sudan-2023" }]);
});

test.each([
  ["a duplicate slug", { slug: "sudan-2023", name: "Again" }, "DUPLICATE_SLUG", "input.slug"],
  ["a slug with capitals and underscores", { slug: "Sudan_2023", name: "X" }, "INVALID_SLUG", "input.slug"],
  ["an unknown country", { slug: "nowhere-2023", name: "X", countryIsoCode: "ZZ" }, "UNKNOWN_COUNTRY", "input.countryIsoCode"],
  ["a country that is no code", { slug: "nowhere-2024", name: "X", countryIsoCode: "Sudan" }, "UNKNOWN_COUNTRY", "input.countryIsoCode"],
  ["an end before the start", { slug: "backwards-2023", name: "X", startDate: "2023-05-01", endDate: "2023-04-30" }, "END_BEFORE_START", "input.endDate"],
  ["a blank name", { slug: "blank-2023", name: "   " }, "BLANK", "input.name"],
])("createCrisis refuses %s: BAD_USER_INPUT with a reason, nothing stored", async (_name, input, reason, argumentName) => {
  const before = await server.prisma.crisis.count();
  const refused = await post(CREATE, { input });
  expect(refused.data).toBeNull();
  expect(refused.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason, argumentName });
  expect(await server.prisma.crisis.count()).toBe(before);
});

test("an impossible day is refused by the Date scalar as BAD_USER_INPUT", async () => {
  const refused = await post(CREATE, { input: { slug: "feb-30", name: "X", startDate: "2023-02-30" } });
  expect(refused.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT" });
  expect(refused.errors?.[0].message).toMatch(/got invalid value "2023-02-30"/);
});

test("mutations need a key with the write scope", async () => {
  expect((await post(CREATE, { input: { slug: "anon-2023", name: "X" } }, null)).errors?.[0].extensions.code).toBe("UNAUTHENTICATED");
  expect((await post(CREATE, { input: { slug: "reader-2023", name: "X" } }, READER_KEY)).errors?.[0].extensions.code).toBe("FORBIDDEN");
  expect(await server.prisma.crisis.count({ where: { slug: { in: ["anon-2023", "reader-2023"] } } })).toBe(0);
});

test("updateCrisis changes what it is given, checks dates against the stored ones, and says NOT_FOUND for an unknown slug", async () => {
  const updated = await post(UPDATE, { slug: "sudan-2023", input: { name: "War in Sudan (2023–)", endDate: "2024-12-31" } });
  expect(updated.errors).toBeUndefined();
  expect(updated.data.updateCrisis).toEqual({ slug: "sudan-2023", name: "War in Sudan (2023–)", startDate: "2023-04-15", endDate: "2024-12-31", country: { isoCode: "SD" } });
  const backwards = await post(UPDATE, { slug: "sudan-2023", input: { endDate: "2023-01-01" } });
  expect(backwards.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "END_BEFORE_START" });
  const cleared = await post(UPDATE, { slug: "sudan-2023", input: { endDate: null } });
  expect(cleared.data.updateCrisis.endDate).toBeNull();
  const missing = await post(UPDATE, { slug: "no-such-crisis", input: { name: "X" } });
  expect(missing.errors?.[0].extensions.code).toBe("NOT_FOUND");
  const unknownCountry = await post(UPDATE, { slug: "sudan-2023", input: { countryIsoCode: "XX" } });
  expect(unknownCountry.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "UNKNOWN_COUNTRY" });
});

describe("npm run crisis", () => {
  beforeAll(() => ensureBuilt("dist/src/crisis/cli.js", ["src"]));
  const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(root, "dist/src/crisis/cli.js"), ...args], { cwd: root, env: { ...process.env, DATABASE_URL: database.url }, encoding: "utf8" });

  test("create, list and update, with the API's refusals", () => {
    const created = cli("create", "--slug", "libya-floods-2023", "--name", "Storm Daniel floods", "--country", "LY", "--start", "2023-09-10");
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/Created libya-floods-2023: Storm Daniel floods \(2023-09-10 – …\)/);
    const duplicate = cli("create", "--slug", "libya-floods-2023", "--name", "Again", "--country", "LY");
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toMatch(/DUPLICATE_SLUG/);
    const unknown = cli("create", "--slug", "atlantis-2023", "--name", "X", "--country", "QQ");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/UNKNOWN_COUNTRY/);
    const updated = cli("update", "libya-floods-2023", "--end", "2023-10-31");
    expect(updated.status).toBe(0);
    const listed = execFileSync(process.execPath, [path.join(root, "dist/src/crisis/cli.js"), "list"], { cwd: root, env: { ...process.env, DATABASE_URL: database.url }, encoding: "utf8" });
    expect(listed).toMatch(/libya-floods-2023\tStorm Daniel floods\tLY\t2023-09-10 – 2023-10-31\t0 articles/);
    expect(listed).toMatch(/sudan-2023\t/);
    expect(cli("frobnicate").status).toBe(2);
  });
});
