// A page of articles reads only the columns its selection needs (the keys,
// plus the plain fields asked for); whatever is asked must come back as the
// full row would give it.
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
beforeAll(async () => {
  // The document below asks for every field of Article, past the default depth limit.
  server = await startTestServer({ env: { RESPONSE_CACHE: "off", MAX_DEPTH: "8", MAX_COST: "100000" } });
});
afterAll(() => server.stop());

const EVERY_FIELD = `fragment Every on Article {
  id headline alternativeHeadline section byline language publishedAt publishedText url wordCount body
  publisher { name } crisis { slug } images { url caption } relatedLinks { url }
  events { title } casualtyStatistics { best } mentionedPeople { name } mentionedPlaces { name } mentionedCountries { isoCode }
  previousVersion { id } nextVersion { id }
}`;

test("every field of a page's articles equals the same article read by id (full row)", async () => {
  const page = await server.query(`{ articles(first: 20, filter: { includeEarlierVersions: true }) { edges { node { ...Every } } } } ${EVERY_FIELD}`);
  expect(page.errors).toBeUndefined();
  const nodes = page.data!.articles.edges.map((edge: { node: { id: string } }) => edge.node);
  expect(nodes.length).toBeGreaterThan(0);
  for (const node of nodes) {
    const byId = await server.query(`query ($id: ID!) { article(id: $id) { ...Every } } ${EVERY_FIELD}`, { id: node.id });
    expect(byId.data!.article).toEqual(node);
  }
});

test("a page asking for headlines does not read the other columns", async () => {
  server.resetSql();
  const response = await server.query(`{ articles(first: 5) { edges { cursor node { headline } } pageInfo { endCursor } } }`);
  expect(response.errors).toBeUndefined();
  expect(server.sql).toHaveLength(1);
  const [columns] = server.sql[0].split(" FROM ");
  expect(columns).toMatch(/"headline"/);
  expect(columns).toMatch(/"publishedAt"/); // cursors are made of it
  expect(columns).not.toMatch(/"alternativeHeadline"|"byline"|"body"|"contentHash"/);
});

test("with every other selected field fetched ahead, the page reads no keys, and answers as the full rows do", async () => {
  const selection = `id headline publisher { name } events { title startDate places { name } } casualtyStatistics { best claimant { name } }`;
  server.resetSql();
  const page = await server.query(`{ articles(first: 20, filter: { includeEarlierVersions: true }) { edges { node { ${selection} } } } }`);
  expect(page.errors).toBeUndefined();
  expect(server.sql).toHaveLength(1);
  // Keys appear in the joins (`WHERE c1."articleId" = p.id`), never among the columns read (`p."publisherId", `).
  expect(server.sql[0]).not.toMatch(/"crisisId"|"previousVersionId"|"countryId"|\."(publisherId|articleId|claimantId)",/);
  const nodes = page.data!.articles.edges.map((edge: { node: { id: string } }) => edge.node);
  expect(nodes.length).toBeGreaterThan(0);
  for (const node of nodes) {
    const byId = await server.query(`query ($id: ID!) { article(id: $id) { ${selection} } }`, { id: node.id });
    expect(byId.data!.article).toEqual(node);
  }
});

test("a field with its own resolver brings the keys back", async () => {
  server.resetSql();
  const response = await server.query(`{ articles(first: 5) { edges { node { headline crisis { slug } } } } }`);
  expect(response.errors).toBeUndefined();
  expect(server.sql[0]).toMatch(/"crisisId"/);
});
