// Claim status, increments and undated claims, stored as rows (so the test
// does not wait on what the extractor reads yet) and read over real HTTP:
// the casualtyStatistics filter, and casualtySummary's rule for "latest"
// (never RETRACTED or SUPERSEDED, never an increment; a dated figure before
// an undated one), with every claim kept in the history, status and all.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../src/generated/prisma/client";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
const EDITOR_KEY = "claim-status-editor-0123456789abcdef";
const crisisId = randomUUID();
const SLUG = "claim-status-test";
const publisherId = randomUUID();
const articleId = randomUUID();
const undatedArticleId = randomUUID();
const claimants = Object.fromEntries(["Ministry", "Retracting Agency", "Disputed Monitor", "Mixed Observer", "Undated Source", "Increment Desk"].map((name) => [name, randomUUID()]));
const ids: Record<string, string> = {};
const day = (d: number) => new Date(Date.UTC(2022, 0, d));
const todayUtc = () => new Date(new Date().toISOString().slice(0, 10));

/** One claim row: KILLED among security forces unless said otherwise. */
function claim(key: string, claimant: string, best: number, fields: Partial<Prisma.CasualtyStatisticCreateManyInput> = {}): Prisma.CasualtyStatisticCreateManyInput {
  ids[key] = randomUUID();
  return {
    id: ids[key],
    crisisId,
    articleId,
    claimantId: claimants[claimant],
    category: "KILLED",
    affectedGroup: "SECURITY_FORCES",
    affectedGroupText: "police officers",
    qualifier: "EXACT",
    figureText: String(best),
    low: best,
    best,
    high: best,
    reportedAt: day(5),
    quote: `${best} police officers were killed.`,
    quoteStart: 0,
    quoteEnd: 10,
    ...fields,
  };
}

beforeAll(async () => {
  server = await startTestServer({ env: { RESPONSE_CACHE: "off", API_KEYS: `claim-status:${EDITOR_KEY}:write` } });
  const body = "Claims about the unrest.";
  await server.prisma.$transaction([
    server.prisma.crisis.create({ data: { id: crisisId, slug: SLUG, name: "Claim status test crisis" } }),
    server.prisma.publisher.create({ data: { id: publisherId, name: "Claim Status Wire" } }),
    server.prisma.article.create({ data: { id: articleId, publisherId, crisisId, contentHash: `${SLUG}-dated`, headline: "Dated", body, publishedAt: day(5) } }),
    // Undated: its publishedAt column is the ingestion time, as ingestion stores it.
    server.prisma.article.create({
      data: { id: undatedArticleId, publisherId, crisisId, contentHash: `${SLUG}-undated`, headline: "Undated", body, publishedAt: new Date(), publishedAtSource: "UNKNOWN" },
    }),
    server.prisma.claimant.createMany({ data: Object.entries(claimants).map(([name, id]) => ({ id, name: `${SLUG} ${name}`, kind: "GOVERNMENT" as const })) }),
  ]);
  await server.prisma.casualtyStatistic.createMany({
    data: [
      // The ministry: 8, then 18, then 25 retracted, then "5 more": 18 is its latest total.
      claim("m8", "Ministry", 8, { reportedAt: day(3) }),
      claim("m18", "Ministry", 18, { reportedAt: day(6), via: "RIA Novosti", subgroup: "officers", placeText: "Almaty" }),
      claim("m25", "Ministry", 25, { reportedAt: day(8), status: "RETRACTED" }),
      claim("m5more", "Ministry", 5, { reportedAt: day(9), increment: true, figureText: "5 more" }),
      // Only a superseded figure: no latest, still in the history.
      claim("r30", "Retracting Agency", 30, { reportedAt: day(4), status: "SUPERSEDED" }),
      // Disputed still stands.
      claim("d12", "Disputed Monitor", 12, { reportedAt: day(7), status: "DISPUTED", low: 10, high: 35 }),
      // A dated figure beats a later-filed undated one.
      claim("x20", "Mixed Observer", 20, { reportedAt: day(6) }),
      claim("x40", "Mixed Observer", 40, { articleId: undatedArticleId, reportedAt: todayUtc(), reportedAtKnown: false }),
      // Only undated: taken, shown without a report day.
      claim("u7", "Undated Source", 7, { articleId: undatedArticleId, reportedAt: todayUtc(), reportedAtKnown: false }),
      // Only increments: no latest.
      claim("i3", "Increment Desk", 3, { reportedAt: day(6), increment: true, figureText: "another 3" }),
      // Another group, all retracted: the group stays, with no range.
      claim("p9", "Ministry", 9, { affectedGroup: "PROTESTERS", reportedAt: day(6), status: "RETRACTED" }),
    ],
  });
});

afterAll(async () => {
  await server.prisma.casualtyStatistic.deleteMany({ where: { crisisId } });
  await server.prisma.article.deleteMany({ where: { crisisId } });
  await server.prisma.claimant.deleteMany({ where: { id: { in: Object.values(claimants) } } });
  await server.prisma.publisher.delete({ where: { id: publisherId } });
  await server.prisma.crisis.delete({ where: { id: crisisId } });
  await server.stop();
});

const LIST = `query ($filter: CasualtyStatisticFilter) { casualtyStatistics(first: 100, filter: $filter) {
  totalCount edges { node { id best status increment via subgroup placeText reportedAt sortedOn } } } }`;

async function listed(filter: Record<string, unknown>) {
  const response = await server.query(LIST, { filter: { crisisId, ...filter } });
  expect(response.errors).toBeUndefined();
  return response.data!.casualtyStatistics as { totalCount: number; edges: { node: any }[] };
}

describe("the casualtyStatistics filter", () => {
  test("status, via, subgroup, increment and placeText are stored and shown", async () => {
    const { edges } = await listed({});
    const byId = new Map(edges.map((edge) => [edge.node.id, edge.node]));
    expect(byId.get(ids.m18)).toMatchObject({ status: "CURRENT", via: "RIA Novosti", subgroup: "officers", placeText: "Almaty", increment: false, reportedAt: "2022-01-06" });
    expect(byId.get(ids.m25)).toMatchObject({ status: "RETRACTED", via: null, subgroup: null, placeText: null });
    expect(byId.get(ids.m5more)).toMatchObject({ increment: true, status: "CURRENT" });
    expect(byId.get(ids.u7)).toMatchObject({ reportedAt: null, sortedOn: todayUtc().toISOString().slice(0, 10) });
  });

  test.each([
    [["RETRACTED"], ["m25", "p9"]],
    [["SUPERSEDED", "DISPUTED"], ["r30", "d12"]],
    [["CURRENT"], ["m8", "m18", "m5more", "x20", "x40", "u7", "i3"]],
  ])("statuses: %j", async (statuses, keys) => {
    const { edges, totalCount } = await listed({ statuses });
    expect(edges.map((edge) => edge.node.id).sort()).toEqual(keys.map((key) => ids[key]).sort());
    expect(totalCount).toBe(keys.length);
  });

  test("statuses with other conditions, and a report range that leaves the undated out", async () => {
    const { edges } = await listed({ statuses: ["CURRENT"], reportedFrom: "2022-01-05" });
    expect(edges.map((edge) => edge.node.id).sort()).toEqual(["m18", "m5more", "x20", "i3"].map((key) => ids[key]).sort());
  });

  test("a value that is no status is refused as BAD_USER_INPUT", async () => {
    const response = await server.query(`query ($statuses: [ClaimStatus!]) { casualtyStatistics(filter: { statuses: $statuses }) { totalCount } }`, { statuses: ["WITHDRAWN"] });
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});

const SUMMARY = `query ($asOf: Date) { casualtySummary(crisisSlug: "${SLUG}", category: KILLED, asOf: $asOf) {
  groups { affectedGroup low high claimants { claimant { name } latest { id best status reportedAt } history { id best status increment reportedAt sortedOn } } }
} }`;

async function summary(asOf: string) {
  const response = await server.query(SUMMARY, { asOf });
  expect(response.errors).toBeUndefined();
  const groups = response.data!.casualtySummary.groups as any[];
  const claimantsOf = (group: string) => Object.fromEntries(groups.find((g) => g.affectedGroup === group).claimants.map((c: any) => [c.claimant.name.slice(SLUG.length + 1), c]));
  return { groups, claimantsOf };
}

describe("casualtySummary", () => {
  test("latest: never retracted, superseded or an increment; a dated figure before an undated one; history keeps everything with its status", async () => {
    const { groups, claimantsOf } = await summary("2099-01-01");
    const security = claimantsOf("SECURITY_FORCES");

    expect(security.Ministry.latest).toEqual({ id: ids.m18, best: 18, status: "CURRENT", reportedAt: "2022-01-06" });
    expect(security.Ministry.history.map((h: any) => [h.best, h.status, h.increment])).toEqual([
      [8, "CURRENT", false],
      [18, "CURRENT", false],
      [25, "RETRACTED", false],
      [5, "CURRENT", true],
    ]);
    expect(security["Retracting Agency"].latest).toBeNull();
    expect(security["Retracting Agency"].history.map((h: any) => h.status)).toEqual(["SUPERSEDED"]);
    expect(security["Disputed Monitor"].latest).toMatchObject({ best: 12, status: "DISPUTED" });
    expect(security["Mixed Observer"].latest).toMatchObject({ id: ids.x20, best: 20 });
    // The undated claim is filed at the day it was ingested: last in the history, with no report day.
    expect(security["Mixed Observer"].history.map((h: any) => [h.best, h.reportedAt])).toEqual([
      [20, "2022-01-06"],
      [40, null],
    ]);
    expect(security["Undated Source"].latest).toEqual({ id: ids.u7, best: 7, status: "CURRENT", reportedAt: null });
    expect(security["Increment Desk"].latest).toBeNull();

    const group = groups.find((g) => g.affectedGroup === "SECURITY_FORCES");
    // Over the latest figures only: 18, 12 (10–35), 20, 7. Not 25, 30, 40, nor the increments.
    expect({ low: group.low, high: group.high }).toEqual({ low: 7, high: 35 });
    // Highest latest first; those without one last, by name.
    expect(group.claimants.map((c: any) => c.claimant.name.slice(SLUG.length + 1))).toEqual([
      "Mixed Observer",
      "Ministry",
      "Disputed Monitor",
      "Undated Source",
      "Increment Desk",
      "Retracting Agency",
    ]);

    const protesters = groups.find((g) => g.affectedGroup === "PROTESTERS");
    expect(protesters).toMatchObject({ low: null, high: null });
    expect(protesters.claimants).toEqual([expect.objectContaining({ latest: null, history: [expect.objectContaining({ best: 9, status: "RETRACTED" })] })]);
  });

  test("as of a day before the retraction, the retracted figure is not there yet; undated claims count from the day they were ingested", async () => {
    const { claimantsOf } = await summary("2022-01-07");
    const security = claimantsOf("SECURITY_FORCES");
    expect(security.Ministry.history.map((h: any) => h.best)).toEqual([8, 18]);
    expect(security.Ministry.latest.best).toBe(18);
    expect(security["Mixed Observer"].history.map((h: any) => h.best)).toEqual([20]);
    expect(security["Undated Source"]).toBeUndefined();
  });
});

describe("an editor's correction", () => {
  async function correct(id: string, correction: string) {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${EDITOR_KEY}` },
      body: JSON.stringify({
        query: `mutation ($id: ID!) { correctCasualtyStatistic(id: $id, correction: ${correction}) { id best status increment via subgroup placeText reportedAt sortedOn } }`,
        variables: { id },
      }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data.correctCasualtyStatistic;
  }

  test("keeps via, subgroup and place text, and may set status and increment", async () => {
    const corrected = await correct(ids.m18, `{ status: SUPERSEDED }`);
    expect(corrected).toMatchObject({ best: 18, status: "SUPERSEDED", increment: false, via: "RIA Novosti", subgroup: "officers", placeText: "Almaty", reportedAt: "2022-01-06" });
    const increment = await correct(ids.i3, `{ increment: false }`);
    expect(increment).toMatchObject({ best: 3, increment: false, status: "CURRENT" });
  });

  test("gives an undated claim a report day only when the editor names one", async () => {
    const same = await correct(ids.x40, `{ best: 41, low: 41, high: 41 }`);
    expect(same).toMatchObject({ best: 41, reportedAt: null, sortedOn: todayUtc().toISOString().slice(0, 10) });
    const dated = await correct(ids.u7, `{ reportedAt: "2022-01-07" }`);
    expect(dated).toMatchObject({ best: 7, reportedAt: "2022-01-07", sortedOn: "2022-01-07" });
  });
});
