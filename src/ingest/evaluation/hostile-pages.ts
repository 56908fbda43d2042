// Hostile pages: pages of up to MAX_PAGE_BYTES built to hit the slow paths of
// the extractors (one line of 2 MB of spaces, 100,000 short lines, 10,000+
// levels of nested HTML, a 2 MB attribute, …). The product's tests read
// through some of them (the extraction pool, ingestion, the fault tests); the
// benchmark's hostile run (bench/report/hostile-pages.ts) times every one.
//
// Every page is a real article around its payload (headline, dateline, a
// prose lead and a casualty figure), so it goes through every stage of
// extractPage (article, claims, events), and the payload is shaped so that it
// reaches the body (it ends as a sentence) wherever the shape allows.
import type { PageInput } from "../types";

export interface HostileShape {
  name: string;
  /** What the payload is, for the table. */
  description: string;
  /** A page of exactly `bytes` bytes of UTF-8 (all ASCII). */
  build(bytes: number): PageInput;
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
