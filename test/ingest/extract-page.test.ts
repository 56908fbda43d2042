// extractPage: what one page gives, and what it leaves unread.
import { MAX_IMAGES_PER_ARTICLE, MAX_RELATED_LINKS_PER_ARTICLE } from "../../src/article/article-limits";
import { extractPage, MAX_CHARACTERS_READ, MAX_SENTENCES_READ } from "../../src/ingest/extract-page";

const HEAD = ["Clashes spread across the north", "Published: 6 January 2022 10:15", "By Aliya Serikbayeva", ""];
const LEAD = "Security forces and protesters clashed in the northern towns on Wednesday, officials said.";
const FIGURE = "The Interior Ministry said 8 police officers were killed on Wednesday.";

/** A text page: the lead, `fillers` sentences without a figure, then FIGURE. */
function pageWith(fillers: number): string {
  const filler = Array.from({ length: fillers }, (_, i) => `Crowds gathered in square ${i}.`);
  return [...HEAD, LEAD, "", ...filler.flatMap((line) => [line, ""]), FIGURE].join("\n");
}

describe("extractPage", () => {
  test(`reads claims and events in the first ${MAX_SENTENCES_READ} sentences of the body; past them, the body is kept but not read`, () => {
    // The lead is the first sentence: FIGURE is sentence MAX_SENTENCES_READ, then MAX_SENTENCES_READ + 1.
    const within = extractPage({ text: pageWith(MAX_SENTENCES_READ - 2) });
    expect(within.charactersUnread).toBe(0);
    expect(within.claims.map((c) => [c.best, c.category])).toEqual([[8, "KILLED"]]);

    const past = extractPage({ text: pageWith(MAX_SENTENCES_READ - 1) });
    expect(past.charactersUnread).toBe(`\n\n${FIGURE}`.length);
    expect(past.claims).toEqual([]);
    expect(past.body.endsWith(FIGURE)).toBe(true);
  });

  test(`reads no more than ${MAX_CHARACTERS_READ} characters: past them, even inside one long sentence, the body is kept but not read`, () => {
    const longSentence = (words: number) => `Crowds gathered${" and marched".repeat(words)} on the square.`;
    const page = (sentence: string) => [...HEAD, LEAD, "", sentence, "", FIGURE].join("\n");
    // Within the limit: every sentence read.
    const within = extractPage({ text: page(longSentence(Math.floor((MAX_CHARACTERS_READ - 1000) / " and marched".length))) });
    expect(within.charactersUnread).toBe(0);
    expect(within.claims.map((c) => c.best)).toEqual([8]);
    // One sentence past the limit: reading stops at the lead, the last whole sentence within it.
    const past = extractPage({ text: page(longSentence(Math.ceil(MAX_CHARACTERS_READ / " and marched".length))) });
    expect(past.charactersUnread).toBe(past.body.length - LEAD.length);
    expect(past.claims).toEqual([]);
  });

  test(`keeps the first ${MAX_IMAGES_PER_ARTICLE} images and ${MAX_RELATED_LINKS_PER_ARTICLE} related links, in page order`, () => {
    const figures = Array.from({ length: MAX_IMAGES_PER_ARTICLE + 20 }, (_, i) => `<figure><img src="/photo/${i}.jpg"><figcaption>Crowds in the square, photo ${i}.</figcaption></figure>`);
    const links = Array.from({ length: MAX_RELATED_LINKS_PER_ARTICLE + 20 }, (_, i) => `<a href="/story/${i}">Story ${i}</a>`);
    const html =
      '<html><head><title>Clashes spread</title><meta property="article:published_time" content="2022-01-06T10:15:00Z"></head><body>' +
      `<article><h1>Clashes spread</h1><p>${LEAD}</p><p>${FIGURE}</p>${figures.join("")}</article><div class="related">${links.join("")}</div></body></html>`;
    const { article } = extractPage({ html, url: "https://wire.example/clashes" });
    expect(article.images.map((image) => image.url)).toEqual(Array.from({ length: MAX_IMAGES_PER_ARTICLE }, (_, i) => `https://wire.example/photo/${i}.jpg`));
    expect(article.relatedLinks.map((link) => link.url)).toEqual(Array.from({ length: MAX_RELATED_LINKS_PER_ARTICLE }, (_, i) => `https://wire.example/story/${i}`));
    expect("paragraphs" in article).toBe(false);
  });
});
