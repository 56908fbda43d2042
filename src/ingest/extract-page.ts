// One page in, everything the extractors read from it out: the article, its
// body as stored, its claims and its events, and what linking it to people,
// places and countries needs from its words (text-mentions.ts). Pure (no
// database), so ingestion, the evaluation and the benchmark all read a page
// the same way, and every scan of its text happens here: on the extraction
// pool's worker thread in the server, under the page's budget.
import { MAX_IMAGES_PER_ARTICLE, MAX_RELATED_LINKS_PER_ARTICLE } from "../article/article-limits";
import { extractArticle } from "./extract-article";
import { extractClaims, type ExtractClaimsOptions } from "./extract-claims";
import { extractEvents } from "./extract-events";
import { splitSentences } from "./sentences";
import { scanPageMentions, type MentionNames, type PageMentions } from "./text-mentions";
import type { ExtractedArticle, ExtractedClaim, ExtractedEvent, PageInput } from "./types";

export interface ExtractedPage {
  /**
   * What the article keeps: its paragraphs are in `body`, and at most MAX_IMAGES_PER_ARTICLE images and
   * MAX_RELATED_LINKS_PER_ARTICLE related links. Cut here, in the worker: the main thread pays for every
   * object it receives (80,000 captions held it for 120 ms).
   */
  article: Omit<ExtractedArticle, "paragraphs">;
  /** The stored body: paragraphs joined by a blank line; claim and event offsets index into it. */
  body: string;
  claims: ExtractedClaim[];
  events: ExtractedEvent[];
  /** Of the headline, standfirst and body: the place-name keys, countries and names (options.mentionNames) they hold. */
  mentions: PageMentions;
  /** Characters at the end of the body past what is read for claims and events (readLimit): stored, not read. 0 for any real report. */
  charactersUnread: number;
}

/**
 * How much of the body, from its start, is read for claims and events: its first 10,000 sentences,
 * and no more than 500,000 characters (about 80,000 words, a short book). A long report has a few
 * thousand sentences; each costs 20–80 µs across the readers, and a 2 MB page of 95,000 short dated
 * sentences took 6 s, one 2 MB "sentence" of dated clauses 2 s. Past this the body is still stored,
 * searchable and linked to names, but not read.
 */
export const MAX_SENTENCES_READ = 10_000;
export const MAX_CHARACTERS_READ = 500_000;

/** Where reading stops: after the last whole sentence within both limits, else (a first sentence past the characters' limit) at a space. */
function readLimit(body: string): number {
  // Too short to pass either limit: a sentence takes two characters at least, with what separates it.
  if (body.length <= MAX_CHARACTERS_READ && body.length < 2 * MAX_SENTENCES_READ) return body.length;
  const sentences = splitSentences(body);
  if (sentences.length <= MAX_SENTENCES_READ && body.length <= MAX_CHARACTERS_READ) return body.length;
  let end = 0;
  for (let i = 0; i < MAX_SENTENCES_READ && i < sentences.length && sentences[i].end <= MAX_CHARACTERS_READ; i++) end = sentences[i].end;
  if (end > 0) return end;
  const space = body.lastIndexOf(" ", MAX_CHARACTERS_READ);
  return space > 0 ? space : MAX_CHARACTERS_READ;
}

export interface ExtractPageOptions extends ExtractClaimsOptions {
  /** The people's, organisations' and countries' names to look for in the page (ingestion's, from the database). */
  mentionNames?: MentionNames;
}

export function extractPage(input: PageInput, options: ExtractPageOptions = {}): ExtractedPage {
  const { mentionNames, ...claimOptions } = options;
  const article = extractArticle(input);
  const body = article.paragraphs.join("\n\n");
  // A prefix: claim and event offsets into it are offsets into the body.
  const read = body.slice(0, readLimit(body));
  // Only a headline the page prints can hold figures; one made from the URL's slug cannot.
  const printed = (input.text ?? input.html ?? "").includes(article.headline) || input.html !== undefined;
  const claims = extractClaims(read, { ...claimOptions, headline: printed ? article.headline : undefined, url: options.url ?? article.url });
  // Events are dated against the publication day; a page without one gives no
  // dated events rather than events dated against a guess.
  // The day as the page prints it: "04:49 IST on 19 July" is 18 July in UTC, but its "yesterday" is 18 July.
  const events = article.publishedAt ? extractEvents(read, article.publishedDay ?? article.publishedAt) : [];
  // Headline, standfirst and body: the text whose names link to places and countries.
  const mentions = scanPageMentions(`${article.headline}\n${article.alternativeHeadline ?? ""}\n${body}`, mentionNames);
  const { paragraphs: _inBody, images, relatedLinks, ...rest } = article;
  const kept = { ...rest, images: images.slice(0, MAX_IMAGES_PER_ARTICLE), relatedLinks: relatedLinks.slice(0, MAX_RELATED_LINKS_PER_ARTICLE) };
  return { article: kept, body, claims, events, mentions, charactersUnread: body.length - read.length };
}
