// The soak compares what the database holds with the figures its pages state.
// That comparison is only fair if the extractors read exactly those figures from
// the pages: checked here, with the pure extractors, for a few hundred pages.
import { soakArticle } from "../../bench/soak-articles";
import { extractArticle } from "../../src/ingest/extract-article";
import { extractClaims } from "../../src/ingest/extract-claims";
import { extractEvents } from "../../src/ingest/extract-events";

test("every page is an article whose claims are exactly the stated figures", () => {
  const texts = new Set<string>();
  for (let n = 0; n < 300; n++) {
    const page = soakArticle(n);
    texts.add(page.text);
    const article = extractArticle({ text: page.text });
    expect(article.headline).toBe(page.headline);
    const body = article.paragraphs.join("\n\n");
    const claims = extractClaims(body, { countryName: "Kazakhstan" }).map(({ category, affectedGroup, best }) => ({ category, affectedGroup, best }));
    expect({ n, claims }).toEqual({ n, claims: page.claims });
    expect(page.claims.length).toBeGreaterThanOrEqual(1);
    // Every page also has an event, so the run writes events as well as claims.
    expect(extractEvents(body, article.publishedAt).length).toBeGreaterThanOrEqual(1);
  }
  expect(texts.size).toBe(300);
});

test("the same n gives the same page", () => {
  expect(soakArticle(41)).toEqual(soakArticle(41));
});
