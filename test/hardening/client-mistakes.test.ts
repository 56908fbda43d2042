// Client mistakes are the client's: about 30 kinds of them (found by an outside
// probe, and more found by sending a bad value of every argument type) came back
// as a masked INTERNAL_SERVER_ERROR logged with a stack, a deep `_Any` as an
// HTTP 500. Each request below, sent over HTTP to a production server, is
// answered with a client code (BAD_USER_INPUT, a GraphQL-over-HTTP code, a
// validation error) or with data, never INTERNAL_SERVER_ERROR or a 5xx; no line
// is logged at error level; no answer repeats a long input back whole.
import { createHash } from "node:crypto";
import pg from "pg";
import { createLogger } from "../../src/logger";
import { startTestServer, testDatabaseUrl, type TestServer } from "../helpers/test-server";

const KEY = "mistakes-writer-key-0123456789abcdef";
// As the router: in production `_entities` is the router's alone (ROUTER_ONLY otherwise), and its mistakes are probed here.
const ROUTER_SECRET = "mistakes-router-secret-0123456789ab";
const AS_ROUTER = { "router-authorization": ROUTER_SECRET };
let server: TestServer;
const lines: string[] = [];
beforeAll(async () => {
  server = await startTestServer({
    env: { NODE_ENV: "production", API_KEYS: `mistakes:${KEY}:write`, ROUTER_SECRET },
    logger: createLogger("info", { write: (line: string) => void lines.push(line) }),
  });
});
afterAll(async () => {
  // Nothing below should write; should one ever, it leaves nothing behind for the other files.
  const db = new pg.Client({ connectionString: testDatabaseUrl() });
  await db.connect();
  await db.query(`DELETE FROM "Crisis" WHERE slug LIKE 'probe-%'`);
  await db.end();
  await server.stop();
});

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
const U = "00000000-0000-4000-8000-000000000000";
// Built as text: JSON.stringify itself overflows the stack on these.
const deepS = (n: number) => '{"a":'.repeat(n) + `{"__typename":"Article","id":"${U}"}` + "}".repeat(n);
const deepListS = (n: number) => "[".repeat(n) + "1" + "]".repeat(n);
const ENT = "query($r:[_Any!]!){ _entities(representations:$r){ __typename } }";

type Probe = [string, Record<string, unknown> | string, Record<string, string>?];
const probes: Probe[] = [
  ["NUL in country isoCode", { query: 'query($c:String!){ country(isoCode:$c){ name } }', variables: { c: "K\u0000" } }],
  ["NUL in crisis slug", { query: 'query($c:String!){ crisis(slug:$c){ name } }', variables: { c: "k\u0000" } }],
  ["NUL in casualtySummary slug", { query: 'query($c:String!){ casualtySummary(crisisSlug:$c, category: KILLED){ crisisSlug } }', variables: { c: "k\u0000" } }],
  ["NUL in filter countryIsoCode", { query: 'query($c:String!){ articles(filter:{countryIsoCode:$c}){ edges { node { id } } } }', variables: { c: "K\u0000" } }],
  ["NUL in events filter country", { query: 'query($c:String!){ events(filter:{countryIsoCode:$c}){ edges { node { id } } } }', variables: { c: "K\u0000" } }],
  ["NUL in claims filter country", { query: 'query($c:String!){ casualtyStatistics(filter:{countryIsoCode:$c}){ edges { node { id } } } }', variables: { c: "K\u0000" } }],
  ["NUL in cursor", { query: 'query($c:String!){ articles(after:$c){ edges { node { id } } } }', variables: { c: "\u0000" } }],
  ["cursor year 99999", { query: 'query($c:String!){ articles(after:$c){ edges { node { id } } } }', variables: { c: b64(["+099999-01-01T00:00:00.000Z", U]) } }],
  ["cursor year 0", { query: 'query($c:String!){ articles(after:$c){ edges { node { id } } } }', variables: { c: b64(["0000-01-01T00:00:00.000Z", U]) } }],
  ["cursor year -5000", { query: 'query($c:String!){ articles(after:$c){ edges { node { id } } } }', variables: { c: b64(["-005000-01-01T00:00:00.000Z", U]) } }],
  ["events cursor year", { query: 'query($c:String!){ events(after:$c){ edges { node { id } } } }', variables: { c: b64(["+099999-01-01", U]) } }],
  ["claims cursor year", { query: 'query($c:String!){ casualtyStatistics(after:$c){ edges { node { id } } } }', variables: { c: b64(["+099999-01-01", U]) } }],
  ["publisher.articles cursor junk", { query: 'query($c:String!){ publishers { articles(after:$c){ edges { node { id } } } } }', variables: { c: b64(["yesterday", U]) } }],
  ["crisis.articles cursor junk", { query: 'query($c:String!){ crises { articles(after:$c){ edges { node { id } } } } }', variables: { c: b64(["yesterday", U]) } }],
  ["crisis.events cursor junk", { query: 'query($c:String!){ crises { events(after:$c){ edges { node { id } } } } }', variables: { c: b64(["yesterday", U]) } }],
  ["claimant.casualtyStatistics cursor junk", { query: 'query($c:String!){ claimants { casualtyStatistics(after:$c){ edges { node { id } } } } }', variables: { c: b64(["yesterday", U]) } }],
  ["crisis.articles cursor year", { query: 'query($c:String!){ crises { articles(after:$c){ edges { node { id } } } } }', variables: { c: b64(["+099999-01-01T00:00:00.000Z", U]) } }],
  ["_entities not object", { query: 'query($r:[_Any!]!){ _entities(representations:$r){ __typename } }', variables: { r: [1] } }],
  ["_entities string", { query: 'query($r:[_Any!]!){ _entities(representations:$r){ __typename } }', variables: { r: ["x"] } }],
  ["_entities no typename", { query: 'query($r:[_Any!]!){ _entities(representations:$r){ __typename } }', variables: { r: [{ id: U }] } }],
  ["_entities typename number", { query: 'query($r:[_Any!]!){ _entities(representations:$r){ __typename } }', variables: { r: [{ __typename: 5, id: U }] } }],
  ["_entities unknown type", { query: 'query($r:[_Any!]!){ _entities(representations:$r){ __typename } }', variables: { r: [{ __typename: "Nope", id: U }] } }],
  ["_entities bad id", { query: 'query($r:[_Any!]!){ _entities(representations:$r){ __typename } }', variables: { r: [{ __typename: "Article", id: "x" }] } }],
  ["_entities id number", { query: 'query($r:[_Any!]!){ _entities(representations:$r){ __typename } }', variables: { r: [{ __typename: "Article", id: 5 }] } }],
  ["_entities id object", { query: 'query($r:[_Any!]!){ _entities(representations:$r){ __typename } }', variables: { r: [{ __typename: "Article", id: { a: 1 } }] } }],
  ["_entities no id", { query: 'query($r:[_Any!]!){ _entities(representations:$r){ __typename } }', variables: { r: [{ __typename: "Article" }] } }],
  ["_entities Country no iso", { query: 'query($r:[_Any!]!){ _entities(representations:$r){ __typename } }', variables: { r: [{ __typename: "Country", isoCode: 5 }] } }],
  ["_entities Country", { query: 'query($r:[_Any!]!){ _entities(representations:$r){ __typename } }', variables: { r: [{ __typename: "Country", id: 5 }] } }],
  ["_entities null", { query: 'query($r:[_Any!]!){ _entities(representations:$r){ __typename } }', variables: { r: [null] } }],
  ["_entities literal", { query: '{ _entities(representations:[{__typename:"Article", id:"x"}]){ __typename } }' }],
  ["_entities literal 2", { query: '{ _entities(representations:[5]){ __typename } }' }],
  ["_entities Crisis bad", { query: 'query($r:[_Any!]!){ _entities(representations:$r){ __typename } }', variables: { r: [{ __typename: "Crisis", slug: 5 }] } }],
  ["_entities Article NUL id", { query: 'query($r:[_Any!]!){ _entities(representations:$r){ __typename } }', variables: { r: [{ __typename: "Article", id: "\u0000" }] } }],
  ["deep _Any", `{"query":${JSON.stringify(ENT)},"variables":{"r":[${deepS(20000)}]}}`],
  ["deep _Any 190000", `{"query":${JSON.stringify(ENT)},"variables":{"r":[${deepS(190000)}]}}`],
  ["deep _Any list 500000", `{"query":${JSON.stringify(ENT)},"variables":{"r":[${deepListS(500000)}]}}`],
  ["deep _Any 3000", `{"query":${JSON.stringify(ENT)},"variables":{"r":[${deepS(3000)}]}}`],
  ["deep _Any list", `{"query":${JSON.stringify(ENT)},"variables":{"r":[${deepListS(20000)}]}}`],
  ["deep variable String", `{"query":"query($r:String){ __typename }","variables":{"r":${deepS(20000)}}}`],
  ["deep variable unused", `{"query":"{ __typename }","variables":{"r":${deepS(20000)}}}`],
  ["deep extensions", `{"query":"{ __typename }","extensions":${deepS(20000)}}`],
  ["deep ArticleFilter", `{"query":"query($f:ArticleFilter){ articles(filter:$f){ totalCount } }","variables":{"f":{"publishedAtSources":${deepListS(20000)}}}}`],
  ["deep JSON body", '{"query":"{ __typename }","variables":{"x":' + "[".repeat(100000) + "]".repeat(100000) + "}}"],
  ["APQ version 2", { query: "{ __typename }", extensions: { persistedQuery: { version: 2, sha256Hash: createHash("sha256").update("{ __typename }").digest("hex") } } }],
  ["APQ version string", { extensions: { persistedQuery: { version: "1", sha256Hash: "abc" } } }],
  ["APQ hash number", { extensions: { persistedQuery: { version: 1, sha256Hash: 5 } } }],
  ["APQ persistedQuery string", { extensions: { persistedQuery: "x" } }],
  ["APQ no hash", { extensions: { persistedQuery: { version: 1 } } }],
  ["extensions string", { query: "{ __typename }", extensions: "x" }],
  ["variables string", { query: "{ __typename }", variables: "x" }],
  ["variables array", { query: "{ __typename }", variables: [1] }],
  ["query number", { query: 5 }],
  ["operationName number", { query: "{ __typename }", operationName: 5 }],
  ["filter publishedFrom bad", { query: 'query($f:ArticleFilter){ articles(filter:$f){ edges { node { id } } } }', variables: { f: { publishedFrom: "nope" } } }],
  ["filter publishedFrom year", { query: 'query($f:ArticleFilter){ articles(filter:$f){ edges { node { id } } } }', variables: { f: { publishedFrom: "99999-01-01T00:00:00Z" } } }],
  ["filter publishedFrom +year", { query: 'query($f:ArticleFilter){ articles(filter:$f){ edges { node { id } } } }', variables: { f: { publishedFrom: "+099999-01-01T00:00:00Z" } } }],
  ["filter publishedFrom number", { query: 'query($f:ArticleFilter){ articles(filter:$f){ edges { node { id } } } }', variables: { f: { publishedFrom: 1e20 } } }],
  ["filter publishedFrom 0000", { query: 'query($f:ArticleFilter){ articles(filter:$f){ edges { node { id } } } }', variables: { f: { publishedFrom: "0000-01-01T00:00:00Z" } } }],
  ["filter publisherId bad", { query: 'query($f:ArticleFilter){ articles(filter:$f){ edges { node { id } } } }', variables: { f: { publisherId: "x" } } }],
  ["filter publisherId number", { query: 'query($f:ArticleFilter){ articles(filter:$f){ edges { node { id } } } }', variables: { f: { publisherId: 5 } } }],
  ["filter sources bad enum", { query: 'query($f:ArticleFilter){ articles(filter:$f){ edges { node { id } } } }', variables: { f: { publishedAtSources: ["X"] } } }],
  ["filter unknown field", { query: 'query($f:ArticleFilter){ articles(filter:$f){ edges { node { id } } } }', variables: { f: { nope: 1 } } }],
  ["filter is string", { query: 'query($f:ArticleFilter){ articles(filter:$f){ edges { node { id } } } }', variables: { f: "x" } }],
  ["filter crisis+unassigned", { query: 'query($f:ArticleFilter){ articles(filter:$f){ edges { node { id } } } }', variables: { f: { crisisId: U, unassigned: true } } }],
  ["events filter from year", { query: 'query($f:EventFilter){ events(filter:$f){ edges { node { id } } } }', variables: { f: { from: "99999-01-01" } } }],
  ["events filter from 0000", { query: 'query($f:EventFilter){ events(filter:$f){ edges { node { id } } } }', variables: { f: { from: "0000-01-01" } } }],
  ["events filter from -1", { query: 'query($f:EventFilter){ events(filter:$f){ edges { node { id } } } }', variables: { f: { from: "-0001-01-01" } } }],
  ["events filter to before from", { query: 'query($f:EventFilter){ events(filter:$f){ edges { node { id } } } }', variables: { f: { from: "2022-01-02", to: "2022-01-01" } } }],
  ["events filter includeEarlier null", { query: 'query($f:EventFilter){ events(filter:$f){ edges { node { id } } } }', variables: { f: { includeEarlierVersions: null } } }],
  ["claims filter reportedFrom year", { query: 'query($f:CasualtyStatisticFilter){ casualtyStatistics(filter:$f){ edges { node { id } } } }', variables: { f: { reportedFrom: "9999-12-31", reportedTo: "99999-01-01" } } }],
  ["summary asOf 0001", { query: '{ casualtySummary(crisisSlug:"kazakhstan-unrest-2022", category: KILLED, asOf: "0001-01-01"){ crisisSlug } }' }],
  ["summary asOf 9999", { query: '{ casualtySummary(crisisSlug:"kazakhstan-unrest-2022", category: KILLED, asOf: "9999-12-31"){ crisisSlug } }' }],
  ["csto asOf 0001", { query: '{ cstoMembers(asOf: "0001-01-01"){ name } cstoChair(asOf:"0001-01-01"){ from } }' }],
  ["csto asOf var year", { query: 'query($d:Date){ cstoMembers(asOf: $d){ name } }', variables: { d: "10000-01-01" } }],
  ["first huge", { query: '{ articles(first: 2147483647){ edges { node { id } } } }' }],
  ["first over int", { query: '{ articles(first: 99999999999){ edges { node { id } } } }' }],
  ["first var float", { query: 'query($n:Int){ articles(first: $n){ edges { node { id } } } }', variables: { n: 1.5 } }],
  ["first var huge", { query: 'query($n:Int){ articles(first: $n){ edges { node { id } } } }', variables: { n: 1e300 } }],
  ["first negative", { query: '{ articles(first: -1){ edges { node { id } } } }' }],
  ["child first negative", { query: '{ publishers { articles(first: -1){ edges { node { id } } } } }' }],
  ["child first huge", { query: '{ publishers { articles(first: 1000){ edges { node { id } } } } }' }],
  ["crisis both", { query: `{ crisis(slug:"x", id:"${U}"){ name } }` }],
  ["crisis neither", { query: `{ crisis { name } }` }],
  ["crisis bad id", { query: `{ crisis(id:"x"){ name } }` }],
  ["country long", { query: 'query($c:String!){ country(isoCode:$c){ name } }', variables: { c: "K".repeat(100000) } }],
  ["crisis slug long", { query: 'query($c:String!){ crisis(slug:$c){ name } }', variables: { c: "k".repeat(100000) } }],
  ["summary slug long", { query: 'query($c:String!){ casualtySummary(crisisSlug:$c, category: KILLED){ crisisSlug } }', variables: { c: "k".repeat(100000) } }],
  ["lone surrogate", { query: 'query($c:String!){ crisis(slug:$c){ name } }', variables: { c: "\ud800" } }],
  ["lone surrogate country", { query: 'query($c:String!){ country(isoCode:$c){ name } }', variables: { c: "\ud800\ud800" } }],
  ["lone surrogate in literal", '{"query":"{ crisis(slug:\\"\\ud800\\"){ name } }"}'],
  ["NUL in literal", '{"query":"{ crisis(slug:\\"\\u0000\\"){ name } }"}'],
  ["NUL in query", '{"query":"{ __typename }\\u0000"}'],
  ["article id NUL", { query: 'query($c:ID!){ article(id:$c){ id } }', variables: { c: "\u0000" } }],
  ["article id number var", { query: 'query($c:ID!){ article(id:$c){ id } }', variables: { c: 12345 } }],
  ["article id huge number var", { query: 'query($c:ID!){ article(id:$c){ id } }', variables: { c: 1e300 } }],
  ["article id object", { query: 'query($c:ID!){ article(id:$c){ id } }', variables: { c: { a: 1 } } }],
  ["ID list var", { query: 'query($c:ID!){ article(id:$c){ id } }', variables: { c: [U] } }],
  ["DateTime object", { query: 'query($f:ArticleFilter){ articles(filter:$f){ edges { node { id } } } }', variables: { f: { publishedFrom: { a: 1 } } } }],
  ["Date number", { query: 'query($d:Date){ cstoMembers(asOf: $d){ name } }', variables: { d: 5 } }],
  ["Date object", { query: 'query($d:Date){ cstoMembers(asOf: $d){ name } }', variables: { d: {} } }],
  ["Date NUL", { query: 'query($d:Date){ cstoMembers(asOf: $d){ name } }', variables: { d: "2022-01-01\u0000" } }],
  ["Boolean string", { query: 'query($f:ArticleFilter){ articles(filter:$f){ edges { node { id } } } }', variables: { f: { unassigned: "yes" } } }],
  ["enum literal bad", { query: '{ casualtySummary(crisisSlug:"x", category: NOPE){ crisisSlug } }' }],
  ["enum var bad", { query: 'query($c:CasualtyCategory!){ casualtySummary(crisisSlug:"x", category: $c){ crisisSlug } }', variables: { c: "nope" } }],
  ["var undeclared type", { query: 'query($c:Nope){ __typename }', variables: { c: 1 } }],
  ["var of object type", { query: 'query($c:Article){ __typename }', variables: { c: 1 } }],
  ["missing required var", { query: 'query($c:String!){ crisis(slug:$c){ name } }' }],
  ["ingest NUL url", { query: 'mutation($i:IngestArticleInput!){ ingestArticle(input:$i){ status } }', variables: { i: { text: "x", url: "http://a/\u0000" } } }, { authorization: `Bearer ${KEY}` }],
  ["ingest NUL publisher", { query: 'mutation($i:IngestArticleInput!){ ingestArticle(input:$i){ status } }', variables: { i: { text: "Police said 5 people were killed in Almaty on Monday, officials reported today.", publisher: "X\u0000", crisisSlug: "kazakhstan-unrest-2022", publishedAt: "2022-01-09" } } }, { authorization: `Bearer ${KEY}` }],
  ["ingest NUL crisisSlug", { query: 'mutation($i:IngestArticleInput!){ ingestArticle(input:$i){ status } }', variables: { i: { text: "Police said 5 people were killed in Almaty on Monday, officials reported today.", crisisSlug: "x\u0000" } } }, { authorization: `Bearer ${KEY}` }],
  ["ingest NUL headline", { query: 'mutation($i:IngestArticleInput!){ ingestArticle(input:$i){ status } }', variables: { i: { text: "Police said 5 people were killed in Almaty on Monday, officials reported today.", headline: "H\u0000", publisher: "Probe Wire" } } }, { authorization: `Bearer ${KEY}` }],
  
  ["ingest text and html", { query: 'mutation($i:IngestArticleInput!){ ingestArticle(input:$i){ status } }', variables: { i: { text: "x", html: "y" } } }, { authorization: `Bearer ${KEY}` }],
  ["ingest both null", { query: 'mutation($i:IngestArticleInput!){ ingestArticle(input:$i){ status } }', variables: { i: {} } }, { authorization: `Bearer ${KEY}` }],
  ["ingest input bad field type", { query: 'mutation($i:IngestArticleInput!){ ingestArticle(input:$i){ status } }', variables: { i: { text: 5 } } }, { authorization: `Bearer ${KEY}` }],
  ["ingest unknown field", { query: 'mutation($i:IngestArticleInput!){ ingestArticle(input:$i){ status } }', variables: { i: { text: "x", ["z".repeat(500000)]: 1 } } }, { authorization: `Bearer ${KEY}` }],
  ["createCrisis NUL name", { query: 'mutation($i:CreateCrisisInput!){ createCrisis(input:$i){ slug } }', variables: { i: { slug: "probe-nul", name: "N\u0000" } } }, { authorization: `Bearer ${KEY}` }],
  ["createCrisis NUL desc", { query: 'mutation($i:CreateCrisisInput!){ createCrisis(input:$i){ slug } }', variables: { i: { slug: "probe-nul2", name: "N", description: "d\u0000" } } }, { authorization: `Bearer ${KEY}` }],
  ["createCrisis date year", { query: 'mutation($i:CreateCrisisInput!){ createCrisis(input:$i){ slug } }', variables: { i: { slug: "probe-y", name: "N", startDate: "10000-01-01" } } }, { authorization: `Bearer ${KEY}` }],
  ["createCrisis date 0000", { query: 'mutation($i:CreateCrisisInput!){ createCrisis(input:$i){ slug } }', variables: { i: { slug: "probe-y0", name: "N", startDate: "0000-01-01" } } }, { authorization: `Bearer ${KEY}` }],
  ["updateCrisis NUL slug arg", { query: 'mutation($s:String!){ updateCrisis(slug:$s, input:{name:"x"}){ slug } }', variables: { s: "x\u0000" } }, { authorization: `Bearer ${KEY}` }],
  ["assign NUL slug", { query: `mutation($s:String!){ assignArticleToCrisis(crisisSlug:$s, articleId:"${U}"){ id } }`, variables: { s: "x\u0000" } }, { authorization: `Bearer ${KEY}` }],
  ["confirm NUL note", { query: `mutation($n:String){ confirmCasualtyStatistic(id:"${U}", note:$n){ id } }`, variables: { n: "x\u0000" } }, { authorization: `Bearer ${KEY}` }],
  ["correct bad ints", { query: `mutation($c:CasualtyStatisticCorrection!){ correctCasualtyStatistic(id:"${U}", correction:$c){ id } }`, variables: { c: { best: 2147483648 } } }, { authorization: `Bearer ${KEY}` }],
  ["correct NUL text", { query: `mutation($c:CasualtyStatisticCorrection!){ correctCasualtyStatistic(id:"${U}", correction:$c){ id } }`, variables: { c: { figureText: "a\u0000" } } }, { authorization: `Bearer ${KEY}` }],
  ["correct date year", { query: `mutation($c:CasualtyStatisticCorrection!){ correctCasualtyStatistic(id:"${U}", correction:$c){ id } }`, variables: { c: { reportedAt: "10000-01-01" } } }, { authorization: `Bearer ${KEY}` }],
  ["merge bad ids", { query: `mutation{ mergeClaimants(into:"x", from:"y"){ id } }` }, { authorization: `Bearer ${KEY}` }],
  ["unknown field long", { query: `{ ${"a".repeat(500000)} }` }],
  ["unknown arg long", { query: `{ countries(${"a".repeat(200000)}: 1) { name } }` }],
  ["unknown type in fragment long", { query: `{ ...on ${"A".repeat(200000)} { __typename } }` }],
  ["unknown var type long", { query: `query($a:${"A".repeat(200000)}){ __typename }` }],
  ["operationName unknown long", { query: "{ __typename }", operationName: "x".repeat(200000) }],
  ["unknown directive long", { query: `{ __typename @${"a".repeat(200000)} }` }],
  ["subscription", { query: "subscription { x }" }],
  ["two ops no name", { query: "query a { __typename } query b { __typename }" }],
  ["empty query", { query: "" }],
  ["null body fields", { query: null }],
  ["body JSON null", "null"],
  ["body JSON number", "5"],
  ["body JSON string", '"x"'],
];

/** Codes a client mistake may be answered with. */
const CLIENT_CODES = new Set([
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "OPERATION_RESOLUTION_FAILURE",
  "OPERATION_LIMIT_EXCEEDED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PAYLOAD_TOO_LARGE",
  "NOT_FOUND",
]);

// Rows as objects: a callback of three parameters would be taken for one waiting on `done`.
test.each(probes.map(([name, body, headers]) => ({ name, body, headers })))("$name: a client error, no internal error, no stack logged", async ({ body, headers }) => {
  lines.splice(0);
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...AS_ROUTER, ...(headers ?? {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status).toBeLessThan(500);
  expect(text).not.toMatch(/INTERNAL_SERVER_ERROR|stacktrace/);
  const answer = JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  for (const error of answer.errors ?? []) {
    expect(CLIENT_CODES).toContain(error.extensions?.code);
    // Echoes are cut: no message repeats a long input whole.
    expect(error.message.length).toBeLessThanOrEqual(1100);
  }
  expect(text.length).toBeLessThan(5000);
  // Logged (if at all) below error level, and never with a stack.
  await new Promise((resolve) => setImmediate(resolve));
  expect(lines.filter((line) => /"level":"(error|fatal)"/.test(line) || /"stack"/.test(line))).toEqual([]);
});

test("the fixed cases say what was wrong", async () => {
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...AS_ROUTER, ...headers }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as any };
  };
  const nul = await post({ query: "query($c:String!){ crisis(slug:$c){ name } }", variables: { c: "k\u0000" } });
  expect(nul.body.errors[0].extensions).toEqual({ code: "BAD_USER_INPUT", argumentName: "slug", reason: "UNSUPPORTED_ENCODING" });
  const cursor = await post({ query: "query($c:String!){ articles(after:$c){ edges { node { id } } } }", variables: { c: b64(["+099999-01-01T00:00:00.000Z", U]) } });
  expect(cursor.body.errors[0]).toMatchObject({ message: expect.stringMatching(/^Malformed cursor/), extensions: { code: "BAD_USER_INPUT", argumentName: "after" } });
  const entity = await post({ query: ENT, variables: { r: [{ __typename: "Nope", id: U }] } });
  expect(entity.body.errors[0]).toMatchObject({ message: 'representations[0]: "Nope" is not an entity type of this subgraph', extensions: { code: "BAD_USER_INPUT" } });
  const apq = await post({ query: "{ __typename }", extensions: { persistedQuery: { version: 2, sha256Hash: createHash("sha256").update("{ __typename }").digest("hex") } } });
  expect(apq).toEqual({ status: 400, body: { errors: [{ message: "Unsupported persisted query version", extensions: { code: "BAD_REQUEST" } }] } });
  const subscription = await post({ query: "subscription { x }" });
  expect(subscription.status).toBe(400);
  expect(subscription.body.errors[0]).toMatchObject({ message: "This API has no subscription operations", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
  const yearZero = await post({ query: "query($f:EventFilter){ events(filter:$f){ edges { node { id } } } }", variables: { f: { from: "0000-01-01" } } });
  expect(yearZero.status).toBe(400);
  expect(yearZero.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  const echoed = await post({ query: `{ ${"a".repeat(500_000)} }` });
  expect(echoed.body.errors[0].message).toBe(`Cannot query field "${"a".repeat(100)}…" on type "Query".`);
});
