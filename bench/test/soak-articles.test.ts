// The soak compares what the database holds with the figures its pages state.
// That comparison is only fair if the extractors read exactly those figures from
// the pages: checked here, with the pure extractors, for a few hundred pages.
import { soakArticle } from "../soak-articles";
import { extractPage } from "crisis-graph/ingest";

test("every page is an article whose claims are exactly the stated figures", () => {
  const texts = new Set<string>();
  for (let n = 0; n < 300; n++) {
    const page = soakArticle(n);
    texts.add(page.text);
    // As ingestion reads it: the soak names its crisis, whose country is Kazakhstan.
    const { article, claims, events } = extractPage({ text: page.text }, { countryName: "Kazakhstan" });
    expect(article.headline).toBe(page.headline);
    // Every page is dated, so its events are dated against it.
    expect(article.publishedAtSource).toBe("PAGE");
    expect({ n, claims: claims.map(({ category, affectedGroup, best }) => ({ category, affectedGroup, best })) }).toEqual({ n, claims: page.claims });
    expect(page.claims.length).toBeGreaterThanOrEqual(1);
    // Every page also has an event, so the run writes events as well as claims.
    expect(events.length).toBeGreaterThanOrEqual(1);
  }
  expect(texts.size).toBe(300);
});

test("the same n gives the same page", () => {
  expect(soakArticle(41)).toEqual(soakArticle(41));
});
