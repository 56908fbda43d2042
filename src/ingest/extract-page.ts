// One page in, everything the extractors read from it out: the article, its
// body as stored, its claims and its events. Pure (no database), so ingestion,
// the evaluation and the benchmark all read a page the same way.
import { extractArticle } from "./extract-article";
import { extractClaims, type ExtractClaimsOptions } from "./extract-claims";
import { extractEvents } from "./extract-events";
import type { ExtractedArticle, ExtractedClaim, ExtractedEvent, PageInput } from "./types";

export interface ExtractedPage {
  article: ExtractedArticle;
  /** The stored body: paragraphs joined by a blank line; claim and event offsets index into it. */
  body: string;
  claims: ExtractedClaim[];
  events: ExtractedEvent[];
}

export function extractPage(input: PageInput, options: ExtractClaimsOptions = {}): ExtractedPage {
  const article = extractArticle(input);
  const body = article.paragraphs.join("\n\n");
  // Only a headline the page prints can hold figures; one made from the URL's slug cannot.
  const printed = (input.text ?? input.html ?? "").includes(article.headline) || input.html !== undefined;
  const claims = extractClaims(body, { ...options, headline: printed ? article.headline : undefined, url: options.url ?? article.url });
  // Events are dated against the publication day; a page without one gives no
  // dated events rather than events dated against a guess.
  // The day as the page prints it: "04:49 IST on 19 July" is 18 July in UTC, but its "yesterday" is 18 July.
  const events = article.publishedAt ? extractEvents(body, article.publishedDay ?? article.publishedAt) : [];
  return { article, body, claims, events };
}
