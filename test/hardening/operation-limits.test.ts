// Operation limits over real HTTP on a production server: every abusive
// document is refused with 400, OPERATION_LIMIT_EXCEEDED naming the limit and
// its value, one error, and no SQL statement; documents at the limit still run.
import { getIntrospectionQuery } from "graphql";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { NODE_ENV: "production", RESPONSE_CACHE: "off" } });
});
afterAll(() => server.stop());

async function send(query: string, variables?: Record<string, unknown>, target: TestServer = server) {
  target.resetSql();
  const response = await fetch(target.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
  return { status: response.status, body, sql: [...target.sql] };
}

async function expectRefused(query: string, limit: string, max: number) {
  const { status, body, sql } = await send(query);
  expect(status).toBe(400);
  expect(body.errors).toHaveLength(1);
  expect(body.errors![0].extensions).toEqual({ code: "OPERATION_LIMIT_EXCEEDED", limit, max });
  expect(body.errors![0].message).toContain(`limit of ${max} exceeded`);
  expect(body.data).toBeUndefined();
  expect(sql).toEqual([]);
}

const times = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join(" ");

describe("depth (6; edges and node count, introspection does not)", () => {
  test("six levels run", async () => {
    const { status, body } = await send("{ articles(first: 1) { edges { node { casualtyStatistics { claimant { name } } } } } }");
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  test("seven levels are refused before anything runs", async () => {
    await expectRefused("{ articles(first: 1) { edges { node { casualtyStatistics { claimant { country { name } } } } } } }", "depth", 6);
  });

  test("through fragments too", async () => {
    await expectRefused(
      `query { articles(first: 1) { ...Page } }
       fragment Page on ArticleConnection { edges { node { casualtyStatistics { ...Claim } } } }
       fragment Claim on CasualtyStatistic { claimant { country { name } } }`,
      "depth",
      6,
    );
  });

  test("the full introspection query (what Apollo Sandbox sends) passes every limit in development", async () => {
    const development = await startTestServer({ env: { RESPONSE_CACHE: "off" } });
    try {
      const { status, body } = await send(getIntrospectionQuery(), undefined, development);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data.__schema.types.length).toBeGreaterThan(50);
    } finally {
      await development.stop();
    }
  });
});

test("mutually recursive fragments are refused before anything runs, the cycle named", async () => {
  const { status, body, sql } = await send(`
    query { articles(first: 1) { edges { node { ...A } } } }
    fragment A on Article { id ...B }
    fragment B on Article { headline ...A }`);
  expect(status).toBe(400);
  // Fragments add no depth of their own (see cost-and-depth.test.ts): graphql-js's cycle rule refuses it.
  expect(body.errors!.map((error) => error.extensions.code)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  expect(body.errors![0].message).toBe('Cannot spread fragment "A" within itself via "B".');
  expect(sql).toEqual([]);
});

describe("aliases (15)", () => {
  test("15 aliases of a real field run", async () => {
    const { status, body } = await send(`{ countries { ${times(15, (i) => `a${i}: isoCode`)} } }`);
    expect(status).toBe(200);
    expect(Object.keys(body.data.countries[0])).toHaveLength(15);
  });

  test("16 aliases of a real field are refused", async () => {
    await expectRefused(`{ countries { ${times(16, (i) => `a${i}: isoCode`)} } }`, "aliases", 15);
  });

  test("101 aliases of __typename are refused (Armor lets __typename aliases through by default; we count them)", async () => {
    await expectRefused(`{ ${times(101, (i) => `t${i}: __typename`)} }`, "aliases", 15);
  });
});

describe("repeated fields (15)", () => {
  test("500 repeated __typename are refused", async () => {
    await expectRefused(`{ ${times(500, () => "__typename")} }`, "repeatedFields", 15);
  });

  test("a field repeated now and then still runs", async () => {
    const { status, body } = await send("{ countries { isoCode name isoCode } __typename __typename }");
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});

describe("directives (50)", () => {
  test("51 directives are refused with one error", async () => {
    await expectRefused(`{ ${times(51, () => "... @include(if: true) { __typename }")} }`, "directives", 50);
  });

  test("51 copies of one directive on one field: the limit, then graphql-js's complaint once with every location", async () => {
    const { status, body, sql } = await send(`{ __typename ${times(51, () => "@include(if: true)")} }`);
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(2);
    expect(body.errors![0].extensions).toEqual({ code: "OPERATION_LIMIT_EXCEEDED", limit: "directives", max: 50 });
    expect(body.errors![1].message).toBe('The directive "@include" can only be used once at this location.');
    expect((body.errors![1] as { locations?: unknown[] }).locations!.length).toBeGreaterThanOrEqual(50);
    expect(sql).toEqual([]);
  });

  test("10 unknown directives are one error, not ten", async () => {
    const { status, body, sql } = await send(`{ countries { isoCode ${times(10, (i) => `@unknown${i}`)} } }`);
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors![0].message).toMatch(/^Unknown directives \(10\): @unknown0, @unknown1, @unknown2, @unknown3, @unknown4 and 5 more\.$/);
    expect(sql).toEqual([]);
  });

  test("one unknown directive keeps graphql-js's own message", async () => {
    const { status, body } = await send("{ countries { isoCode @nope } }");
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].message).toBe('Unknown directive "@nope".');
  });
});

describe("tokens (1000)", () => {
  test("a document of more than 1000 tokens is refused while parsing", async () => {
    // 300 variable definitions of 4 tokens each, and a tiny selection.
    await expectRefused(`query (${times(300, (i) => `$v${i}: Int`)}) { __typename }`, "tokens", 1000);
  });

  test("comments and whitespace are not tokens", async () => {
    const { status, body } = await send(`# ${"padding ".repeat(2000)}\n{ countries { isoCode } }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});

describe("cost (5000)", () => {
  test("first: 99999999 as a literal is refused by cost before any resolver sees it", async () => {
    await expectRefused("{ casualtyStatistics(first: 99999999) { edges { cursor } } }", "cost", 5000);
  });

  test("a wide, deep page is refused by cost", async () => {
    await expectRefused(
      "{ articles(first: 100) { edges { node { headline publisher { name } events { title places { name } } casualtyStatistics { best } } } } }",
      "cost",
      5000,
    );
  });
});

test("a limit and other mistakes: the limit first, each other problem once", async () => {
  const { status, body, sql } = await send(`{ ${times(20, (i) => `a${i}: countries { isoCode @nope }`)} }`);
  expect(status).toBe(400);
  expect(body.errors!.map((error) => error.extensions.code)).toEqual(["OPERATION_LIMIT_EXCEEDED", "GRAPHQL_VALIDATION_FAILED"]);
  expect(body.errors![0].extensions.limit).toBe("aliases");
  expect(body.errors![1].message).toBe("Unknown directives (20): @nope.");
  expect(sql).toEqual([]);
});

test("limits are configurable", async () => {
  const strict = await startTestServer({ env: { NODE_ENV: "production", RESPONSE_CACHE: "off", MAX_DEPTH: "2", MAX_ALIASES: "1" } });
  try {
    const deep = await send("{ countries { memberships { from } } }", undefined, strict);
    expect(deep.status).toBe(400);
    expect(deep.body.errors![0].extensions).toEqual({ code: "OPERATION_LIMIT_EXCEEDED", limit: "depth", max: 2 });
    const aliased = await send("{ a: countries { isoCode } b: countries { isoCode } }", undefined, strict);
    expect(aliased.body.errors![0].extensions).toEqual({ code: "OPERATION_LIMIT_EXCEEDED", limit: "aliases", max: 1 });
    const fine = await send("{ a: countries { isoCode } }", undefined, strict);
    expect(fine.status).toBe(200);
  } finally {
    await strict.stop();
  }
});
