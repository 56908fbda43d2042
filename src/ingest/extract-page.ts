// One page in, everything the extractors read from it out: the article, its
// body as stored, its claims and its events, and what linking it to people,
// places and countries needs from its words (text-mentions.ts). Pure (no
// database), so ingestion, the evaluation and the benchmark all read a page
// the same way, and every scan of its text happens here: on the extraction
// pool's worker thread in the server, under the page's budget.
import { extractArticle } from "./extract-article";
import { extractClaims, type ExtractClaimsOptions } from "./extract-claims";
import { extractEvents } from "./extract-events";
import { scanPageMentions, type MentionNames, type PageMentions } from "./text-mentions";
import type { ExtractedArticle, ExtractedClaim, ExtractedEvent, PageInput } from "./types";

export interface ExtractedPage {
  article: ExtractedArticle;
  /** The stored body: paragraphs joined by a blank line; claim and event offsets index into it. */
  body: string;
  claims: ExtractedClaim[];
  events: ExtractedEvent[];
  /** Of the headline, standfirst and body: the place-name keys, countries and names (options.mentionNames) they hold. */
  mentions: PageMentions;
}

export interface ExtractPageOptions extends ExtractClaimsOptions {
  /** The people's, organisations' and countries' names to look for in the page (ingestion's, from the database). */
  mentionNames?: MentionNames;
}

export function extractPage(input: PageInput, options: ExtractPageOptions = {}): ExtractedPage {
  const { mentionNames, ...claimOptions } = options;
  const article = extractArticle(input);
  const body = article.paragraphs.join("\n\n");
  // Only a headline the page prints can hold figures; one made from the URL's slug cannot.
  const printed = (input.text ?? input.html ?? "").includes(article.headline) || input.html !== undefined;
  const claims = extractClaims(body, { ...claimOptions, headline: printed ? article.headline : undefined, url: options.url ?? article.url });
  // Events are dated against the publication day; a page without one gives no
  // dated events rather than events dated against a guess.
  // The day as the page prints it: "04:49 IST on 19 July" is 18 July in UTC, but its "yesterday" is 18 July.
  const events = article.publishedAt ? extractEvents(body, article.publishedDay ?? article.publishedAt) : [];
  // Headline, standfirst and body: the text whose names link to places and countries.
  const mentions = scanPageMentions(`${article.headline}\n${article.alternativeHeadline ?? ""}\n${body}`, mentionNames);
  return { article, body, claims, events, mentions };
}
