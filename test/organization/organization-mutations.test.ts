// Organisations and their history a user records, over real HTTP on an empty
// migrated database: createOrganization, addMembership, endMembership,
// addChairmanship with the write scope; every refusal a BAD_USER_INPUT with a
// stable reason (NOT_FOUND for an unknown membership to end), nothing stored;
// reads after a write never come from the response cache's older answer.
import { createEmptyDatabase, type EmptyDatabase } from "../helpers/empty-database";
import { startTestServer, type TestServer } from "../helpers/test-server";

const WRITER_KEY = "writer-key-0123456789abcdef0123";
const READER_KEY = "reader-key-0123456789abcdef0123";
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
let database: EmptyDatabase;
let server: TestServer;

beforeAll(async () => {
  database = await createEmptyDatabase("organization_mutations");
  server = await startTestServer({ databaseUrl: database.url, env: { API_KEYS: `newsroom:${WRITER_KEY}:write,dashboard:${READER_KEY}:read` } });
});
afterAll(async () => {
  await server.stop();
  await database.drop();
});

/** As the writer by default; `null` for an anonymous request (what the response cache keeps). */
const post = (query: string, variables: Record<string, unknown> = {}, key: string | null = WRITER_KEY) => server.query(query, variables, key ?? undefined);

async function write(query: string, variables: Record<string, unknown>) {
  const response = await post(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const CREATE = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name acronym description foundedOn parent { name } country { isoCode } } }`;
const ADD_MEMBERSHIP = `mutation ($input: AddMembershipInput!) { addMembership(input: $input) { id status from to note country { isoCode } organization { acronym } } }`;
const END_MEMBERSHIP = `mutation ($input: EndMembershipInput!) { endMembership(input: $input) { id status from to note } }`;
const ADD_CHAIRMANSHIP = `mutation ($input: AddChairmanshipInput!) { addChairmanship(input: $input) { id from to country { isoCode } person { id name } } }`;
// Anonymous: the reads the response cache keeps.
const MEMBERS = `query ($asOf: Date) { organization(acronym: "sco") { members(asOf: $asOf) { isoCode } chair(asOf: $asOf) { country { isoCode } } } }`;

let sco: string;
let iranObserver: string;

test("createOrganization stores an alliance and a body, found by acronym (top-level first) and by id", async () => {
  const created = await write(CREATE, {
    input: { name: "Shanghai Cooperation Organisation", acronym: "SCO", foundedOn: "2001-06-15", description: "Eurasian political, economic and security organisation." },
  });
  sco = created.createOrganization.id;
  expect(created.createOrganization).toMatchObject({ name: "Shanghai Cooperation Organisation", acronym: "SCO", foundedOn: "2001-06-15", parent: null, country: null });
  const body = await write(CREATE, { input: { name: "SCO Council of Heads of State", acronym: "SCO", parentId: sco } });
  expect(body.createOrganization.parent).toEqual({ name: "Shanghai Cooperation Organisation" });
  const agency = await write(CREATE, { input: { name: "Ministry of Defence of Uzbekistan", countryIsoCode: "uz" } });
  expect(agency.createOrganization.country).toEqual({ isoCode: "UZ" });

  const read = await post(`query ($id: ID) { byAcronym: organization(acronym: "sco") { id bodies { name } } byId: organization(id: $id) { name } }`, { id: sco }, null);
  expect(read.data!.byAcronym).toEqual({ id: sco, bodies: [{ name: "SCO Council of Heads of State" }] });
  expect(read.data!.byId).toEqual({ name: "Shanghai Cooperation Organisation" });
});

test("memberships by date: a status change ends one row and starts the next on the same day; reads after each write are fresh", async () => {
  // Cached before the writes: the answers below must not be these.
  expect((await post(MEMBERS, { asOf: "2024-01-01" }, null)).data!.organization.members).toEqual([]);

  for (const isoCode of ["KZ", "RU"]) await write(ADD_MEMBERSHIP, { input: { organizationId: sco, countryIsoCode: isoCode, status: "MEMBER", from: "2001-06-15" } });
  const observer = await write(ADD_MEMBERSHIP, { input: { organizationId: sco, countryIsoCode: "IR", status: "OBSERVER", from: "2005-07-05", note: "Observer from the Astana summit." } });
  iranObserver = observer.addMembership.id;
  expect(observer.addMembership).toMatchObject({ status: "OBSERVER", from: "2005-07-05", to: null, country: { isoCode: "IR" }, organization: { acronym: "SCO" } });

  const ended = await write(END_MEMBERSHIP, { input: { membershipId: iranObserver, to: "2023-07-04" } });
  expect(ended.endMembership).toMatchObject({ status: "OBSERVER", to: "2023-07-04", note: "Observer from the Astana summit." });
  await write(ADD_MEMBERSHIP, { input: { organizationId: sco, countryIsoCode: "IR", status: "MEMBER", from: "2023-07-04" } });

  const members = async (asOf: string) => (await post(MEMBERS, { asOf }, null)).data!.organization.members.map((c: { isoCode: string }) => c.isoCode);
  expect(await members("2020-01-01")).toEqual(["KZ", "RU"]); // an observer is no member
  expect(await members("2024-01-01")).toEqual(["IR", "KZ", "RU"]);
  expect(await members("2000-01-01")).toEqual([]);
});

test("addChairmanship: the chair by date, reusing the reference data's person of that name", async () => {
  const chair = await write(ADD_CHAIRMANSHIP, { input: { organizationId: sco, countryIsoCode: "KZ", from: "2023-07-04", to: "2024-07-04", personName: "Kassym-Jomart Tokayev" } });
  expect(chair.addChairmanship).toMatchObject({ from: "2023-07-04", to: "2024-07-04", country: { isoCode: "KZ" }, person: { name: "Kassym-Jomart Tokayev" } });
  const { cstoChair } = (await post(`{ cstoChair(asOf: "2024-06-01") { person { id } } }`, {}, null)).data!;
  expect(chair.addChairmanship.person.id).toBe(cstoChair.person.id);
  expect((await post(MEMBERS, { asOf: "2024-01-01" }, null)).data!.organization.chair).toEqual({ country: { isoCode: "KZ" } });
});

const refusals: [string, string, () => Record<string, unknown>, string, string][] = [
  ["a duplicate name, in another case", CREATE, () => ({ name: "shanghai cooperation organisation" }), "DUPLICATE_NAME", "input.name"],
  ["a blank name", CREATE, () => ({ name: "  " }), "BLANK", "input.name"],
  ["an unknown parent", CREATE, () => ({ name: "Orphan Council", parentId: UNKNOWN_ID }), "UNKNOWN_ORGANIZATION", "input.parentId"],
  ["an unknown country of a body", CREATE, () => ({ name: "Ministry of Nowhere", countryIsoCode: "ZZ" }), "UNKNOWN_COUNTRY", "input.countryIsoCode"],
  ["a membership of an unknown organisation", ADD_MEMBERSHIP, () => ({ organizationId: UNKNOWN_ID, countryIsoCode: "KZ", status: "MEMBER", from: "2001-06-15" }), "UNKNOWN_ORGANIZATION", "input.organizationId"],
  ["a membership of an unknown country", ADD_MEMBERSHIP, () => ({ organizationId: sco, countryIsoCode: "ZZ", status: "MEMBER", from: "2001-06-15" }), "UNKNOWN_COUNTRY", "input.countryIsoCode"],
  ["a membership ending on its first day", ADD_MEMBERSHIP, () => ({ organizationId: sco, countryIsoCode: "IN", status: "MEMBER", from: "2017-06-09", to: "2017-06-09" }), "END_NOT_AFTER_START", "input.to"],
  ["a membership ending before it starts", ADD_MEMBERSHIP, () => ({ organizationId: sco, countryIsoCode: "IN", status: "MEMBER", from: "2017-06-09", to: "2010-01-01" }), "END_NOT_AFTER_START", "input.to"],
  ["a membership overlapping the country's other one", ADD_MEMBERSHIP, () => ({ organizationId: sco, countryIsoCode: "IR", status: "SUSPENDED", from: "2020-01-01", to: "2024-01-01" }), "OVERLAPPING_MEMBERSHIP", "input.from"],
  ["an open membership overlapping a later one", ADD_MEMBERSHIP, () => ({ organizationId: sco, countryIsoCode: "IR", status: "MEMBER", from: "2000-01-01" }), "OVERLAPPING_MEMBERSHIP", "input.from"],
  ["Uzbekistan in the CSTO during its 2006-2012 membership", ADD_MEMBERSHIP, () => ({ organizationId: csto, countryIsoCode: "UZ", status: "SUSPENDED", from: "2010-01-01", to: "2011-01-01" }), "OVERLAPPING_MEMBERSHIP", "input.from"],
  ["ending a membership on or before its start", END_MEMBERSHIP, () => ({ membershipId: iranObserver, to: "2005-07-05" }), "END_NOT_AFTER_START", "input.to"],
  ["ending a membership later, into the next one", END_MEMBERSHIP, () => ({ membershipId: iranObserver, to: "2024-01-01" }), "OVERLAPPING_MEMBERSHIP", "input.to"],
  ["a chairmanship overlapping another", ADD_CHAIRMANSHIP, () => ({ organizationId: sco, countryIsoCode: "RU", from: "2024-01-01", to: "2025-01-01" }), "OVERLAPPING_CHAIRMANSHIP", "input.from"],
  ["a chairmanship ending before it starts", ADD_CHAIRMANSHIP, () => ({ organizationId: sco, countryIsoCode: "RU", from: "2025-01-01", to: "2024-12-31" }), "END_NOT_AFTER_START", "input.to"],
  ["a chairmanship of an unknown organisation", ADD_CHAIRMANSHIP, () => ({ organizationId: UNKNOWN_ID, countryIsoCode: "RU", from: "2025-01-01" }), "UNKNOWN_ORGANIZATION", "input.organizationId"],
  ["a chairmanship of an unknown country", ADD_CHAIRMANSHIP, () => ({ organizationId: sco, countryIsoCode: "XX", from: "2025-01-01" }), "UNKNOWN_COUNTRY", "input.countryIsoCode"],
];
let csto: string;

test.each(refusals)("refuses %s: BAD_USER_INPUT with a reason, nothing stored", async (_name, mutation, input, reason, argumentName) => {
  csto ??= (await server.prisma.organization.findFirstOrThrow({ where: { acronym: "CSTO" } })).id;
  const before = await counts();
  const refused = await post(mutation, { input: input() });
  expect(refused.data).toBeNull();
  expect(refused.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason, argumentName });
  expect(await counts()).toEqual(before);
});

test("ending an unknown membership is NOT_FOUND; an id that is no id is BAD_USER_INPUT", async () => {
  const unknown = await post(END_MEMBERSHIP, { input: { membershipId: UNKNOWN_ID, to: "2024-01-01" } });
  expect(unknown.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", argumentName: "input.membershipId" });
  const malformed = await post(ADD_MEMBERSHIP, { input: { organizationId: "sco", countryIsoCode: "KZ", status: "MEMBER", from: "2001-06-15" } });
  expect(malformed.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "input.organizationId" });
});

test.each([
  ["createOrganization", CREATE, () => ({ name: "Anonymous Pact" })],
  ["addMembership", ADD_MEMBERSHIP, () => ({ organizationId: sco, countryIsoCode: "IN", status: "MEMBER", from: "2017-06-09" })],
  ["endMembership", END_MEMBERSHIP, () => ({ membershipId: iranObserver, to: "2023-01-01" })],
  ["addChairmanship", ADD_CHAIRMANSHIP, () => ({ organizationId: sco, countryIsoCode: "IN", from: "2030-01-01" })],
])("%s needs a key with the write scope", async (_name, mutation, input) => {
  const before = await counts();
  expect((await post(mutation, { input: input() }, null)).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  expect((await post(mutation, { input: input() }, READER_KEY)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  expect(await counts()).toEqual(before);
  expect((await server.prisma.membership.findUniqueOrThrow({ where: { id: iranObserver } })).to).toEqual(new Date("2023-07-04"));
});

async function counts() {
  const [organizations, memberships, chairmanships, people] = await Promise.all([
    server.prisma.organization.count(),
    server.prisma.membership.count(),
    server.prisma.chairmanship.count(),
    server.prisma.person.count(),
  ]);
  return { organizations, memberships, chairmanships, people };
}
