// "Members as of" and "chair as of" across the CSTO's history.
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function membersOn(asOf: string): Promise<string[]> {
  const response = await server.query(`query ($asOf: Date) { cstoMembers(asOf: $asOf) { isoCode name } }`, { asOf });
  expect(response.errors).toBeUndefined();
  return response.data!.cstoMembers.map((country: { isoCode: string }) => country.isoCode);
}

test("on 9 January 2022 the CSTO had six members: Russia and five former Soviet nations", async () => {
  expect(await membersOn("2022-01-09")).toEqual(["AM", "BY", "KZ", "KG", "RU", "TJ"]);
});

test("membership history: Uzbekistan in 2008 but not in 2000 or 2013; Azerbaijan and Georgia only under the treaty", async () => {
  expect(await membersOn("2000-01-01")).toEqual(["AM", "BY", "KZ", "KG", "RU", "TJ"]);
  expect(await membersOn("2008-01-01")).toEqual(["AM", "BY", "KZ", "KG", "RU", "TJ", "UZ"]);
  expect(await membersOn("2013-01-01")).not.toContain("UZ");
  expect(await membersOn("1995-01-01")).toEqual(expect.arrayContaining(["AZ", "GE", "UZ"]));
  expect(await membersOn("1991-01-01")).toEqual([]);
});

test("Armenia chaired the CSTO on 9 January 2022, through Nikol Pashinyan", async () => {
  const response = await server.query(`{
    cstoChair(asOf: "2022-01-09") { from to country { isoCode name } person { name } organization { acronym bodies { name } } }
  }`);
  expect(response.errors).toBeUndefined();
  expect(response.data!.cstoChair).toEqual({
    from: "2021-09-16",
    to: "2022-11-23",
    country: { isoCode: "AM", name: "Armenia" },
    person: { name: "Nikol Pashinyan" },
    organization: { acronym: "CSTO", bodies: [{ name: "Collective Security Council" }] },
  });
});

test("relations both ways: country → memberships → organisation, organisation → memberships → country", async () => {
  const response = await server.query(`{
    country(isoCode: "kz") { name memberships { status from to organization { acronym } } }
    cstoChair(asOf: "2022-01-09") { organization { members(asOf: "2022-01-09") { isoCode } memberships { country { isoCode } } } }
  }`);
  expect(response.errors).toBeUndefined();
  expect(response.data!.country).toEqual({
    name: "Kazakhstan",
    memberships: [{ status: "MEMBER", from: "1992-05-15", to: null, organization: { acronym: "CSTO" } }],
  });
  const organization = response.data!.cstoChair.organization;
  expect(organization.members).toHaveLength(6);
  expect(organization.memberships.map((m: any) => m.country.isoCode)).toEqual(expect.arrayContaining(["AZ", "GE", "UZ", "KZ"]));
});

test("asOf that is not a date is BAD_USER_INPUT", async () => {
  const inline = await server.query(`{ cstoMembers(asOf: "yesterday") { isoCode } }`);
  expect(inline.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  const variable = await server.query(`query ($asOf: Date) { cstoMembers(asOf: $asOf) { isoCode } }`, { asOf: "2022-13-45" });
  expect(variable.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  expect(variable.status).toBe(400);
});
