// The CLI's engine and command line: a sidecar <name>.json beside each page
// says what the scraper knew (and wins over the page); --url,
// --published-at, --headline and --language do the same for one file;
// --publisher only names pages that do not name themselves. A bad sidecar
// fails its page, with the reason, and the others go on.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { filesToIngest, ingestFiles, parseArguments, sidecarPath } from "../../src/ingest/ingest-files";
import { ensureBuilt, root } from "../helpers/build";
import { startTestServer, testDatabaseUrl, type TestServer } from "../helpers/test-server";

const PREFIX = "https://files.example/";
const CRISIS = "kazakhstan-unrest-2022";
const PUBLISHERS = ["Sidecar Wire", "Fallback Wire", "Flag Wire", "files.example"];
const RT_FIXTURE = fs.readFileSync(path.join(__dirname, "../fixtures/rt-2022-01-09-csto-summit-kazakhstan.txt"), "utf8");
const SEED_HASH: string = JSON.parse(fs.readFileSync(path.join(__dirname, "../../prisma/seed/kazakhstan-2022.json"), "utf8")).articles[0].contentHash;

let server: TestServer;
let claimantsBefore: Set<string>;
let dir: string;

beforeAll(async () => {
  server = await startTestServer({ env: { RESPONSE_CACHE: "off" } });
  claimantsBefore = new Set((await server.prisma.claimant.findMany({ select: { id: true } })).map((c) => c.id));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-files-"));
});

afterAll(async () => {
  const ids = (
    await server.prisma.article.findMany({
      where: { OR: [{ url: { startsWith: PREFIX } }, { publisher: { name: { in: PUBLISHERS } } }, { headline: { startsWith: "Sidecar test" } }, { headline: { contains: "(no sidecar)" } }, { publisher: { name: "RT" }, contentHash: { not: SEED_HASH } }] },
      select: { id: true },
    })
  ).map((a) => a.id);
  await server.prisma.casualtyStatistic.deleteMany({ where: { articleId: { in: ids } } });
  await server.prisma.event.deleteMany({ where: { articleId: { in: ids } } });
  await server.prisma.article.updateMany({ where: { id: { in: ids } }, data: { previousVersionId: null } });
  await server.prisma.article.deleteMany({ where: { id: { in: ids } } });
  await server.prisma.publisher.deleteMany({ where: { name: { in: PUBLISHERS } } });
  await server.prisma.claimant.deleteMany({ where: { id: { notIn: [...claimantsBefore] }, casualtyStatistics: { none: {} } } });
  fs.rmSync(dir, { recursive: true, force: true });
  await server.stop();
});

/** A wire story with no date anywhere, unless `dateline` is given. */
function story(slug: string, dateline: string | null = null, extra: string[] = []): string {
  return [
    ...(dateline ? [dateline, ""] : []),
    `Kazakhstan toll rises among security forces (${slug})`,
    "",
    "The Interior Ministry updated its figures for the unrest in Almaty",
    "",
    "The Interior Ministry said that 19 police officers and military personnel have been killed in the unrest.",
    "",
    "Officials gave no figure for civilians.",
    ...extra,
  ].join("\n");
}

function write(name: string, content: string | object): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

const articleAt = (url: string) => server.prisma.article.findFirstOrThrow({ where: { url }, include: { publisher: true, casualtyStatistics: true } });

describe("sidecars", () => {
  test("story.json beside story.txt gives its url, publishedAt, headline, publisher, language and crisis; they win over the page", async () => {
    const file = write("sidecar/story.txt", story("sidecar", "12 Jan, 2022 10:00"));
    write("sidecar/story.json", {
      url: `${PREFIX}sidecar`,
      publishedAt: "2022-01-10T08:00:00+06:00",
      headline: "Sidecar test: the scraper's headline",
      publisher: "Sidecar Wire",
      language: "ru",
      crisisSlug: CRISIS,
    });
    expect(sidecarPath(file)).toBe(path.join(dir, "sidecar/story.json"));
    const summary = await ingestFiles(server.prisma, [file]);
    expect(summary).toMatchObject({ created: 1, failed: 0 });
    const article = await articleAt(`${PREFIX}sidecar`);
    expect(article).toMatchObject({
      headline: "Sidecar test: the scraper's headline",
      language: "ru",
      publishedAt: new Date("2022-01-10T02:00:00Z"),
      publishedAtSource: "CALLER",
      publisher: { name: "Sidecar Wire" },
    });
    expect(article.casualtyStatistics.map((claim) => [claim.reportedAt.toISOString().slice(0, 10), claim.reportedAtKnown])).toEqual([["2022-01-10", true]]);
  });

  test("an HTML page takes its sidecar the same way; a page without one keeps what it says", async () => {
    const html = `<html lang="en"><head><meta property="og:site_name" content="Sidecar Wire"></head><body><article>
      <h1>Sidecar test: security forces patrol Almaty</h1>
      <p>The Interior Ministry said that 19 police officers and military personnel have been killed in the unrest.</p>
      <p>Officials gave no figure for civilians in the city.</p></article></body></html>`;
    const withSidecar = write("html/page.html", html);
    write("html/page.json", { url: `${PREFIX}html`, publishedAt: "2022-01-11" });
    const without = write("html/bare.txt", story("no sidecar"));
    const summary = await ingestFiles(server.prisma, [withSidecar, without], { crisisSlug: CRISIS, publisher: "Fallback Wire" });
    expect(summary).toMatchObject({ created: 2, failed: 0 });
    expect(await articleAt(`${PREFIX}html`)).toMatchObject({ publishedAt: new Date("2022-01-11T00:00:00Z"), publishedAtSource: "CALLER", publisher: { name: "Sidecar Wire" } });
    const bare = await server.prisma.article.findFirstOrThrow({ where: { headline: { contains: "(no sidecar)" } }, include: { publisher: true } });
    expect(bare).toMatchObject({ publishedAtSource: "UNKNOWN", url: null, publisher: { name: "Fallback Wire" } });
  });

  test("an invalid sidecar fails its page with the reason; the other files go on", async () => {
    const files = [
      write("bad/a-not-json.txt", story("not json", "12 Jan, 2022 10:00")),
      write("bad/b-bad-date.txt", story("bad date", "12 Jan, 2022 10:00")),
      write("bad/c-unknown-field.txt", story("unknown field", "12 Jan, 2022 10:00")),
      write("bad/d-array.txt", story("array", "12 Jan, 2022 10:00")),
      write("bad/e-number.txt", story("number", "12 Jan, 2022 10:00")),
      write("bad/f-good.txt", story("good", "12 Jan, 2022 10:00")),
    ];
    write("bad/a-not-json.json", "{ url: nope");
    write("bad/b-bad-date.json", { publishedAt: "last Tuesday" });
    write("bad/c-unknown-field.json", { url: `${PREFIX}c`, author: "Someone" });
    write("bad/d-array.json", [{ url: `${PREFIX}d` }]);
    write("bad/e-number.json", { publishedAt: 20220112 });
    write("bad/f-good.json", { url: `${PREFIX}good` });
    const before = await server.prisma.article.count();
    const summary = await ingestFiles(server.prisma, files, { crisisSlug: CRISIS, publisher: "Fallback Wire" });
    expect(summary).toMatchObject({ created: 1, failed: 5 });
    expect(summary.outcomes.map((outcome) => [path.basename(outcome.file), outcome.status, outcome.error ?? null])).toEqual([
      ["a-not-json.txt", "FAILED", expect.stringMatching(/^a-not-json\.json is not valid JSON/)],
      ["b-bad-date.txt", "FAILED", expect.stringMatching(/^b-bad-date\.json: "publishedAt" is not a date: give an ISO 8601 date/)],
      ["c-unknown-field.txt", "FAILED", 'c-unknown-field.json: unknown field "author" (known: url, publishedAt, headline, publisher, language, crisisSlug)'],
      ["d-array.txt", "FAILED", expect.stringMatching(/^d-array\.json must hold a JSON object/)],
      ["e-number.txt", "FAILED", 'e-number.json: "publishedAt" must be a string, got 20220112'],
      ["f-good.txt", "CREATED", null],
    ]);
    expect(await server.prisma.article.count()).toBe(before + 1);
    expect(await articleAt(`${PREFIX}good`)).toMatchObject({ publishedAtSource: "PAGE", publisher: { name: "Fallback Wire" } });
  });
});

describe("--publisher is a fallback", () => {
  test("a page that names its publisher keeps it; one that names none gets the fallback", async () => {
    // One more trailing newline than the seed's fixture: a page of its own, which names itself RT.
    const rt = write("publisher/rt.txt", `${RT_FIXTURE}\n\n`);
    const anonymous = write("publisher/anonymous.txt", story("anonymous", "12 Jan, 2022 10:00"));
    write("publisher/anonymous.json", { url: `${PREFIX}anonymous` });
    const summary = await ingestFiles(server.prisma, [rt, anonymous], { publisher: "Fallback Wire" });
    expect(summary).toMatchObject({ created: 2, failed: 0 });
    // The seed's article and this one, both RT's.
    expect(await server.prisma.article.count({ where: { publisher: { name: "RT" }, headline: { contains: "allied summit" } } })).toBe(2);
    expect((await articleAt(`${PREFIX}anonymous`)).publisher.name).toBe("Fallback Wire");
    // A sidecar's publisher is the caller's: it wins even over a page that names itself.
    const relabelled = write("publisher/rt-relabelled.txt", `${RT_FIXTURE}\n\n\n`);
    write("publisher/rt-relabelled.json", { publisher: "Sidecar Wire", url: `${PREFIX}rt-relabelled` });
    await ingestFiles(server.prisma, [relabelled], { publisher: "Fallback Wire" });
    expect((await articleAt(`${PREFIX}rt-relabelled`)).publisher.name).toBe("Sidecar Wire");
  });
});

describe("the command line", () => {
  test("one-page flags are checked as ingestArticle checks its input", () => {
    expect(parseArguments(["a.txt", "--url", `${PREFIX}x`, "--published-at", "2022-01-09", "--headline", " A  headline ", "--language", "EN-gb", "--publisher", "P", "--crisis", CRISIS])).toEqual({
      targets: ["a.txt"],
      publisher: "P",
      crisisSlug: CRISIS,
      page: { url: `${PREFIX}x`, publishedAt: new Date("2022-01-09T00:00:00Z"), headline: "A headline", language: "en-GB" },
    });
    expect(() => parseArguments(["a.txt", "--published-at", "9 Jan"])).toThrow(/^--published-at is not a date/);
    expect(() => parseArguments(["a.txt", "--language", "english"])).toThrow(/^--language must be a BCP 47 language tag/);
    expect(() => parseArguments(["a.txt", "--url"])).toThrow(/^--url needs a value/);
    expect(() => parseArguments(["a.txt", "--date", "2022-01-09"])).toThrow(/^Unknown option --date/);
    expect(() => parseArguments([])).toThrow(/^Usage/);
  });

  test("one-page flags with several files are refused; sidecars are the way there", () => {
    const a = write("flags/a.txt", story("flag a"));
    const b = write("flags/b.txt", story("flag b"));
    expect(filesToIngest(parseArguments([a]))).toEqual([a]);
    expect(filesToIngest(parseArguments([path.join(dir, "flags")]))).toEqual([a, b]);
    expect(filesToIngest(parseArguments([path.join(dir, "flags"), "--publisher", "P", "--crisis", CRISIS]))).toEqual([a, b]);
    expect(() => filesToIngest(parseArguments([a, b, "--url", `${PREFIX}a`]))).toThrow("--url describe one page, but 2 files were given: pass one file, or put a sidecar <name>.json beside each page");
    expect(() => filesToIngest(parseArguments([path.join(dir, "flags"), "--headline", "H", "--published-at", "2022-01-09"]))).toThrow(/^--published-at, --headline describe one page, but 2 files/);
  });

  test("npm run ingest end to end: flags for one page are stored; with two files they are refused before anything runs", async () => {
    ensureBuilt("dist/src/ingest/cli.js", ["src"]);
    const cli = path.join(root, "dist/src/ingest/cli.js");
    const env = { ...process.env, DATABASE_URL: testDatabaseUrl(), LOG_LEVEL: "silent" };
    const file = write("cli/page.txt", story("cli"));
    const run = spawnSync(
      process.execPath,
      [cli, file, "--url", `${PREFIX}cli`, "--published-at", "2022-01-11T09:30:00Z", "--headline", "Sidecar test: from the command line", "--crisis", CRISIS, "--publisher", "Flag Wire"],
      { env, encoding: "utf8", timeout: 120_000 },
    );
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
    expect(run.stdout).toMatch(/\[1\/1\] CREATED\s+\S+page\.txt: 1 claims/);
    const refused = spawnSync(process.execPath, [cli, file, write("cli/other.txt", story("cli other")), "--url", `${PREFIX}cli-2`], { env, encoding: "utf8", timeout: 120_000 });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--url describe one page, but 2 files were given/);
    expect(await articleAt(`${PREFIX}cli`)).toMatchObject({
      headline: "Sidecar test: from the command line",
      publishedAt: new Date("2022-01-11T09:30:00Z"),
      publishedAtSource: "CALLER",
      publisher: { name: "Flag Wire" },
    });
  }, 240_000);
});
