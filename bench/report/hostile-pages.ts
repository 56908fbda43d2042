// How long extractPage takes on hostile pages: pages of up to MAX_PAGE_BYTES
// built to hit the slow paths of the extractors (one line of 2 MB of spaces,
// 100,000 short lines, 10,000+ levels of nested HTML, a 2 MB attribute, …),
// and a few shapes at growing sizes to show the time grows linearly. Each page
// runs in a worker thread of the extraction pool, under a cap: a pathological
// case is stopped (its thread terminated) and reported as such instead of
// hanging the bench. Target: every 2 MB shape in under 2 s on one core.
//
// Every page is a real article around its payload (headline, dateline, a
// prose lead and a casualty figure), so it goes through every stage of
// extractPage (article, claims, events), and the payload is shaped so that it
// reaches the body (it ends as a sentence) wherever the shape allows.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { MAX_PAGE_BYTES, ExtractionError } from "../../src/ingest/extract-article";
import { createExtractionPool, type ExtractionPool } from "../../src/ingest/extraction-pool";
import type { MentionNames } from "../../src/ingest/text-mentions";
import type { PageInput } from "../../src/ingest/types";
import { paths } from "../../src/config";
import { referenceCountries } from "../../src/db/reference-data";
import { readSeedFile } from "../../src/seed/seed.service";

export interface HostileShape {
  name: string;
  /** What the payload is, for the table. */
  description: string;
  /** A page of exactly `bytes` bytes of UTF-8 (all ASCII). */
  build(bytes: number): PageInput;
}

export interface HostileResult {
  shape: string;
  bytes: number;
  /** Time of extractPage in the worker (the best of the runs); null when the cap stopped it or the worker failed. */
  ms: number | null;
  /** "12 claims, 3 events, 5 paragraphs", an ExtractionError code, "stopped at the 30 s cap", or "worker failed: …". */
  outcome: string;
  /** (ms per byte) / (ms per byte at the shape's smallest size): 1 is linear growth; null for a single size. */
  growth: number | null;
}

export interface HostileBenchOptions {
  /** Shapes measured at MAX_PAGE_BYTES (default: all). */
  shapes?: string[];
  /** Shapes also measured at `growthSizes` (default GROWTH_SHAPES). */
  growthShapes?: string[];
  growthSizes?: number[];
  /** Override every size (the smoke test runs small pages). */
  sizes?: number[];
  /** A case still running after this is stopped and reported as such. */
  capMs?: number;
  /** Runs per case, the best kept (default DEFAULT_RUNS); a case stopped at the cap is not run again. */
  runs?: number;
  /** Called after each case, for progress output. */
  onResult?: (result: HostileResult) => void;
}

export const DEFAULT_CAP_MS = 30_000;
/** Runs per case, the best kept: the machine is shared, one run can be slowed by anything. */
export const DEFAULT_RUNS = 2;
const WARM_UP_BYTES = 16 * 1024;
/** The target of issue #11: any page up to 2 MB in under 2 s on one core. */
export const TARGET_MS = 2_000;
export const GROWTH_SIZES = [100 * 1024, 200 * 1024, 500 * 1024, 1024 * 1024, MAX_PAGE_BYTES];
export const GROWTH_SHAPES = ["spaces-line", "casualty-line", "capitalised-words", "nested-html", "readability-html", "dated-clauses"];

/**
 * The names an ingestion scans each page for (the gazetteer's): the seed's people and organisations,
 * the reference data's countries with the press's adjectives (mentions.ts), so the time measured is
 * the whole worker task of an ingestion's reading, scans included.
 */
function benchMentionNames(): MentionNames {
  const seed = readSeedFile(paths.seedData);
  return {
    people: seed.people.map((p) => p.name),
    organizations: seed.organizations.flatMap((o) => [o.name, ...(o.acronym ? [o.acronym] : [])]),
    countries: [...referenceCountries().map((c) => c.name), "Armenian", "Azerbaijani", "Belarusian", "Georgian", "Kyrgyz", "Kazakh", "Kazakhstani", "Russian", "Tajik", "Uzbek", "American"],
  };
}

// ---------------------------------------------------------------------------
// Pages

const HEADLINE = "Police and protesters clash in Almaty as unrest spreads";
const TEXT_HEAD = `${HEADLINE}\nPublished: 6 January 2022 10:15\nBy Aliya Serikbayeva\n\n`;
const LEAD = "Security forces and protesters clashed in central Almaty on Wednesday, officials said.";
const TEXT_TAIL = "\n\nThe Interior Ministry said 8 police officers were killed and 317 injured on Wednesday.\n";

/** A plain-text article whose payload (one or more lines) fills it to exactly `bytes`. */
function textPage(bytes: number, payload: (room: number) => string): PageInput {
  const room = bytes - articleText("").length;
  return { text: articleText(fit(payload(room), room)) };
}

function articleText(payload: string): string {
  return `${TEXT_HEAD}${LEAD}\n\n${payload}${TEXT_TAIL}`;
}

const HTML_HEAD =
  `<!doctype html><html lang="en"><head><title>${HEADLINE}</title>` +
  `<meta property="article:published_time" content="2022-01-06T10:15:00Z"></head><body>`;
const HTML_ARTICLE =
  `<article><h1>${HEADLINE}</h1><time datetime="2022-01-06T10:15:00Z">6 January 2022</time>` +
  `<p>${LEAD}</p><p>The Interior Ministry said 8 police officers were killed and 317 injured on Wednesday.</p></article>`;
const HTML_TAIL = "</body></html>";

/** An HTML article wrapped in `open` … `close`, which fill it to exactly `bytes`. */
function htmlPage(bytes: number, wrap: (room: number) => { open: string; close: string }): PageInput {
  const room = bytes - HTML_HEAD.length - HTML_ARTICLE.length - HTML_TAIL.length;
  const { open, close } = wrap(room);
  const pad = room - open.length - close.length;
  if (pad < 0) throw new Error(`HTML payload of ${open.length + close.length} bytes does not fit in ${room}`);
  // Whitespace between elements: collapsed, never read as text.
  return { html: `${HTML_HEAD}${open}${HTML_ARTICLE}${close}${" ".repeat(pad)}${HTML_TAIL}` };
}

/** `unit` repeated to exactly `length` characters. */
function repeatTo(unit: string, length: number): string {
  return length <= 0 ? "" : unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** `body` cut or padded to `length`, always ending with a full stop so it reads as a sentence. */
function sentenceOf(body: string, length: number): string {
  return `${repeatTo(body, length - 1).trimEnd().padEnd(length - 1, "s")}.`;
}

function fit(payload: string, room: number): string {
  if (payload.length !== room) throw new Error(`payload is ${payload.length} bytes, room ${room}`);
  return payload;
}

/** Lines from `line(i)` until `room` is filled; the last one padded or cut to fit. */
function linesTo(room: number, line: (i: number) => string): string {
  const parts: string[] = [];
  let used = 0;
  for (let i = 0; used < room; i++) {
    const next = `${i === 0 ? "" : "\n"}${line(i)}`;
    if (used + next.length > room) {
      parts.push(" ".repeat(room - used));
      break;
    }
    parts.push(next);
    used += next.length;
  }
  return parts.join("");
}

const CASUALTY_UNIT = "killed 5 people, 12 injured, ";
const CAPITALISED_UNIT = "The National Police Force Union Of ";

export const HOSTILE_SHAPES: HostileShape[] = [
  {
    name: "spaces-line",
    description: "one line: two words, then spaces, then the end of the sentence",
    build: (bytes) =>
      textPage(bytes, (room) => {
        const start = "Police said";
        const end = "that 5 people were killed.";
        return `${start}${" ".repeat(room - start.length - end.length)}${end}`;
      }),
  },
  {
    name: "words-line",
    description: "one line of words with no sentence end before its last character",
    build: (bytes) => textPage(bytes, (room) => sentenceOf("protesters gathered near the square while police watched and ", room)),
  },
  {
    name: "short-lines",
    description: "≈100,000 short lines, each a sentence",
    build: (bytes) => textPage(bytes, (room) => linesTo(room, (i) => `Crowds met at ${i % 10}.`)),
  },
  {
    name: "casualty-lines",
    description: "≈70,000 lines of figures and casualty words (killed 5 people, 12 injured.)",
    build: (bytes) => textPage(bytes, (room) => linesTo(room, (i) => `killed ${i % 97} people, ${i % 13} injured.`)),
  },
  {
    name: "casualty-line",
    description: `one line: "${CASUALTY_UNIT.trim()}" repeated, one sentence`,
    build: (bytes) => textPage(bytes, (room) => sentenceOf(CASUALTY_UNIT, room)),
  },
  {
    name: "capitalised-words",
    description: `one line of ≈360,000 capitalised words ("${CAPITALISED_UNIT.trim()} …") before a figure`,
    build: (bytes) =>
      textPage(bytes, (room) => {
        const end = " said 5 people were killed.";
        return `${repeatTo(CAPITALISED_UNIT, room - end.length).trimEnd().padEnd(room - end.length, "s")}${end}`;
      }),
  },
  {
    name: "comma-numbers",
    description: 'numbers glued with commas ("1,2,3,4,…"), one sentence',
    build: (bytes) =>
      textPage(bytes, (room) => {
        const start = "The figures were ";
        const digits: string[] = [];
        let length = start.length + 1;
        for (let i = 1; length < room; i++) {
          digits.push(String(i));
          length += String(i).length + 1;
        }
        return `${start}${digits.join(",")}`.slice(0, room - 1).replace(/,$/, "0") + ".";
      }),
  },
  {
    name: "dated-lines",
    description: "≈70,000 dateline-like lines before the article (each one a chrono-node candidate)",
    build: (bytes) => {
      // The datelines go before the headline, where the head is looked for.
      const article = articleText("");
      const lines = linesTo(bytes - article.length - 1, (i) => `Updated: ${1 + (i % 28)} January 2022 ${10 + (i % 12)}:${10 + (i % 50)}`);
      return { text: `${lines}\n${article}` };
    },
  },
  {
    name: "nested-html",
    description: "HTML: the article inside ≈190,000 nested <div>s",
    build: (bytes) =>
      htmlPage(bytes, (room) => {
        const depth = Math.floor(room / "<div></div>".length);
        return { open: "<div>".repeat(depth), close: "</div>".repeat(depth) };
      }),
  },
  {
    name: "nested-text-html",
    description: "HTML: ≈100,000 nested <span>s, each with a word of text, around the article",
    build: (bytes) =>
      htmlPage(bytes, (room) => {
        const depth = Math.floor(room / "<span>w </span>".length);
        return { open: "<span>w ".repeat(depth), close: "</span>".repeat(depth) };
      }),
  },
  {
    name: "huge-attribute",
    description: "HTML: a 2 MB class attribute on the article's wrapper",
    build: (bytes) =>
      htmlPage(bytes, (room) => {
        const open = '<div class="">';
        return { open: `<div class="${repeatTo("story-item-", room - open.length - "</div>".length)}">`, close: "</div>" };
      }),
  },
  {
    name: "html-paragraphs",
    description: "HTML: ≈24,000 short <p>s in the article (under MAX_PAGE_ELEMENTS at 2 MB)",
    build: (bytes) => {
      const room = bytes - HTML_HEAD.length - HTML_ARTICLE.length - HTML_TAIL.length;
      const paragraphs = linesTo(room, (i) => `<p>Crowds met at ${i % 10} in the central square today, and the police watched them.</p>`);
      return { html: `${HTML_HEAD}${HTML_ARTICLE.replace("</article>", `${paragraphs}</article>`)}${HTML_TAIL}` };
    },
  },
  {
    name: "many-elements-html",
    description: "HTML: ≈87,000 tiny <p>s, past MAX_PAGE_ELEMENTS: refused before parsing",
    build: (bytes) => {
      const paragraphs = linesTo(bytes - HTML_HEAD.length - HTML_ARTICLE.length - HTML_TAIL.length, (i) => `<p>Crowds met at ${i % 10}.</p>`);
      return { html: `${HTML_HEAD}${HTML_ARTICLE.replace("</article>", `${paragraphs}</article>`)}${HTML_TAIL}` };
    },
  },
  {
    name: "space-grouped-numbers",
    description: 'one sentence of figures with spaces between digit groups ("5 100 people, 12 000 injured, …")',
    build: (bytes) => textPage(bytes, (room) => sentenceOf("killed 5 100 people, 12 000 injured, ", room)),
  },
  {
    name: "tens-of-thousands",
    description: 'one sentence of "tens of thousands" (numbers the reader leaves out) between figures',
    build: (bytes) => textPage(bytes, (room) => sentenceOf("tens of thousands marched, 5 were killed, ", room)),
  },
  {
    name: "many-claims",
    description: 'one sentence of sourced figures ("the Interior Ministry said 5 were killed, …"): ≈50,000 claims',
    build: (bytes) => textPage(bytes, (room) => sentenceOf("the Interior Ministry said 5 were killed, ", room)),
  },
  {
    name: "dated-clauses",
    description: 'one sentence of dated casualty clauses ("on Wednesday police killed 5, on Thursday …")',
    build: (bytes) => textPage(bytes, (room) => sentenceOf("on Wednesday police killed 5, on Thursday ", room)),
  },
  {
    name: "head-spaces",
    description: "a 2 MB line of spaces between two words above the headline (where bylines and datelines are looked for)",
    build: (bytes) => {
      const article = articleText("");
      const room = bytes - article.length - 1;
      return { text: `Menu${" ".repeat(room - "Menu".length - "Aliya".length)}Aliya\n${article}` };
    },
  },
  {
    name: "readability-html",
    description: "HTML without <article>: ≈23,000 <p>s in <div>s, for Readability to find",
    build: (bytes) => {
      const head = `${HTML_HEAD}<h1>${HEADLINE}</h1><time datetime="2022-01-06T10:15:00Z">6 January 2022</time><div><p>${LEAD}</p>`;
      const tail = `</div>${HTML_TAIL}`;
      const room = bytes - head.length - tail.length;
      return { html: `${head}${linesTo(room, (i) => (i % 20 === 19 ? "</div><div>" : `<p>Crowds met at ${i % 10} in the central square today, and the police watched them.</p>`))}${tail}` };
    },
  },
  {
    name: "related-links-html",
    description: "HTML: a related-stories block of ≈25,000 links after the article",
    build: (bytes) =>
      htmlPage(bytes, (room) => {
        const open = '<div class="related">';
        const close = "</div>";
        return { open: "", close: `${open}${linesTo(room - open.length - close.length, (i) => `<a href="/stories/${i}">Story ${i}: crowds gather in the central square as police watch</a>`)}${close}` };
      }),
  },
  {
    name: "dated-short-lines",
    description: '≈90,000 short lines, each a dated sentence with a figure ("Crowds met at 5 today."): past MAX_SENTENCES_READ',
    build: (bytes) => textPage(bytes, (room) => linesTo(room, (i) => `Crowds met at ${i % 10} today.`)),
  },
  {
    name: "figures-html",
    description: "HTML: ≈9,000 <figure>s with an image and a caption in the article",
    build: (bytes) => {
      const room = bytes - HTML_HEAD.length - HTML_ARTICLE.length - HTML_TAIL.length;
      const figures = linesTo(room, (i) => `<figure><img src="/i/${i}.jpg" alt="Protesters in the central square of the city as police watch"><figcaption>Crowds ${i} gathered in the central square of the city on Wednesday as police watched them.</figcaption></figure>`);
      return { html: `${HTML_HEAD}${HTML_ARTICLE.replace("</article>", `${figures}</article>`)}${HTML_TAIL}` };
    },
  },
  {
    name: "related-lines",
    description: 'text: a "Related:" block of ≈50,000 link lines after the lead',
    build: (bytes) => textPage(bytes, (room) => `Related:\n${linesTo(room - "Related:\n".length, (i) => `- Story ${i} (https://x.example/${i})`)}`),
  },
  {
    name: "caption-lines",
    description: 'text: ≈80,000 photo-caption lines ("Crowds 5. Photo: Agency")',
    build: (bytes) => textPage(bytes, (room) => linesTo(room, (i) => `Crowds ${i}. Photo: Agency`)),
  },
];

export function shapeNamed(name: string): HostileShape {
  const shape = HOSTILE_SHAPES.find((s) => s.name === name);
  if (!shape) throw new Error(`Unknown shape "${name}"; shapes: ${HOSTILE_SHAPES.map((s) => s.name).join(", ")}`);
  return shape;
}

export function pageBytes(page: PageInput): number {
  return Buffer.byteLength(page.text ?? page.html ?? "", "utf8");
}

// ---------------------------------------------------------------------------
// Running

/** The cases: every shape at MAX_PAGE_BYTES, and the growth shapes at every growth size. */
export function hostileCases(options: HostileBenchOptions = {}): { shape: HostileShape; bytes: number }[] {
  const shapes = (options.shapes ?? HOSTILE_SHAPES.map((s) => s.name)).map(shapeNamed);
  const growth = new Set(options.growthShapes ?? GROWTH_SHAPES);
  const cases: { shape: HostileShape; bytes: number }[] = [];
  for (const shape of shapes) {
    const sizes = options.sizes ?? (growth.has(shape.name) ? options.growthSizes ?? GROWTH_SIZES : [MAX_PAGE_BYTES]);
    for (const bytes of [...sizes].sort((a, b) => a - b)) cases.push({ shape, bytes });
  }
  return cases;
}

export async function runHostileBench(options: HostileBenchOptions = {}): Promise<HostileResult[]> {
  const capMs = options.capMs ?? DEFAULT_CAP_MS;
  const runs = Math.max(1, options.runs ?? DEFAULT_RUNS);
  // One thread: the time of a page is one core's.
  const pool = createExtractionPool({ threads: 1, pageBudgetMs: capMs });
  const results: HostileResult[] = [];
  try {
    for (const { shape, bytes } of hostileCases(options)) {
      const page = shape.build(bytes);
      if (pageBytes(page) !== bytes) throw new Error(`${shape.name} built ${pageBytes(page)} bytes instead of ${bytes}`);
      const result = await runCase(pool, shape.name, page, bytes, runs, capMs);
      const smallest = results.find((r) => r.shape === shape.name);
      result.growth = smallest && smallest.ms && result.ms !== null ? result.ms / bytes / (smallest.ms / smallest.bytes) : null;
      results.push(result);
      options.onResult?.(result);
    }
  } finally {
    await pool.close({ force: true });
  }
  return results;
}

let names: MentionNames | undefined;

async function runCase(pool: ExtractionPool, shape: string, page: PageInput, bytes: number, runs: number, capMs: number): Promise<HostileResult> {
  let best: number | null = null;
  let outcome = "";
  for (let run = 0; run < runs; run++) {
    // JIT and the extractors' lazy tables warm on small pages first, one of the same shape (also after a
    // thread was replaced), so the first size of a growth series is not charged for compiling.
    await pool.extract(shapeNamed("short-lines").build(4096)).catch(() => undefined);
    await pool.extract(shapeNamed(shape).build(WARM_UP_BYTES)).catch(() => undefined);
    const started = performance.now();
    try {
      const { page: extracted, ms } = await pool.extractTimed(page, { countryName: "Kazakhstan", mentionNames: (names ??= benchMentionNames()) });
      best = best === null ? ms : Math.min(best, ms);
      outcome = `${extracted.claims.length} claims, ${extracted.events.length} events, ${extracted.body.split("\n\n").length} paragraphs`;
    } catch (error) {
      if (error instanceof ExtractionError && error.code === "TOO_SLOW") return { shape, bytes, ms: null, outcome: `stopped at the ${capMs / 1000} s cap`, growth: null };
      if (error instanceof ExtractionError) {
        // A refusal is an answer too: its time (wall time of the call, the thread's hop included) counts against the target.
        outcome = `refused: ${error.code}`;
        const ms = performance.now() - started;
        best = best === null ? ms : Math.min(best, ms);
      }
      else return { shape, bytes, ms: null, outcome: `worker failed: ${(error as Error).message}`, growth: null };
    }
  }
  return { shape, bytes, ms: best, outcome, growth: null };
}

// ---------------------------------------------------------------------------
// Report

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(2)} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function formatRow(r: HostileResult): string {
  const ms = r.ms === null ? "—" : r.ms.toFixed(0);
  const growth = r.growth === null ? "—" : r.growth.toFixed(2);
  const target = r.bytes === MAX_PAGE_BYTES ? (r.ms !== null && r.ms < TARGET_MS ? "yes" : "**no**") : "";
  return `| ${r.shape} | ${formatBytes(r.bytes)} | ${ms} | ${growth} | ${target} | ${r.outcome} |`;
}

export function hostileMarkdown(results: HostileResult[], options: { capMs?: number; runs?: number; title?: string } = {}): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const load = os.loadavg()[0].toFixed(2);
  const lines = [
    `# ${options.title ?? "Hostile pages: extractPage time"}`,
    "",
    `${new Date().toISOString()} · Node ${process.version} · one worker thread on ${cpu} (${os.cpus().length} cores, load average ${load} at the end) · ` +
      `best of ${options.runs ?? DEFAULT_RUNS} runs · cap ${(options.capMs ?? DEFAULT_CAP_MS) / 1000} s per page`,
    "",
    "`ms`: extractPage in the worker, as an ingestion reads a page with its crisis's country: the text scans for linking (place-name keys, countries, the seed's people's, organisations' and countries' names) included (wall time; the machine may be shared). `growth`: ms per byte relative to the same shape's smallest size (1.00 = linear; a quadratic cost doubles it with every doubling of the page).",
    `Target: every ${formatBytes(MAX_PAGE_BYTES)} page under ${TARGET_MS / 1000} s.`,
    "",
    "| shape | size | ms | growth | < 2 s | result |",
    "| --- | ---: | ---: | ---: | :---: | --- |",
    ...results.map(formatRow),
    "",
    "Shapes:",
    "",
    ...HOSTILE_SHAPES.filter((s) => results.some((r) => r.shape === s.name)).map((s) => `- \`${s.name}\`: ${s.description}`),
    "",
  ];
  return lines.join("\n");
}
