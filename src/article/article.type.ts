import { INACCESSIBLE, PUBLIC } from "../graphql/federation";
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../graphql/connection";
import { DateTimeScalar } from "../graphql/scalars";
import { PublishedAtSource } from "../generated/prisma/enums";

registerEnumType(PublishedAtSource, {
  name: "PublishedAtSource",
  description:
    "Where an article's publication time came from. CALLER: whoever sent the page said so (ingestArticle's `publishedAt`, the CLI's sidecar or flag), and that wins over the page; METADATA: the page's machine-readable metadata (JSON-LD, meta tags, <time datetime>); PAGE: the date printed on the page; URL: a date in its URL; UNKNOWN: nothing gave one, so `publishedAt` is null (never guessed).",
});
export { PublishedAtSource };

@ObjectType({
  simpleResolvers: true,
  description:
    "A news article (after IPTC ninjs and schema.org NewsArticle). Quotes of claims and events index into `body`. Every text field here (headline, body, captions, link titles …) is plain text read from a scraped page, never HTML: show it as text, escaped, never as markup. Every URL is an absolute http(s) URL (any other scheme on the page, javascript: or data: among them, is dropped).",
})
@Directive('@key(fields: "id")')
@Directive(PUBLIC)
export class Article {
  @Field(() => ID)
  id: string;

  @Field({ description: "Plain text, one line." })
  headline: string;

  @Field(() => String, { nullable: true, description: "Standfirst / subtitle." })
  alternativeHeadline: string | null;

  @Field(() => String, { nullable: true })
  section: string | null;

  @Field(() => String, { nullable: true })
  byline: string | null;

  @Field({ description: "BCP 47 language tag." })
  language: string;

  /**
   * The row's column: the list sort key, a publication time only when
   * publishedAtSource is not UNKNOWN. ArticleResolver resolves this field
   * (null then) and `sortedAt` from it.
   */
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      "Publication time (UTC unless the source gave a zone); null when neither the caller nor the page gave one (`publishedAtSource: UNKNOWN`): never guessed. `publishedFrom`/`publishedTo` filters leave such articles out.",
  })
  publishedAt: Date;

  @Field(() => PublishedAtSource, { description: "Where `publishedAt` came from; UNKNOWN when nothing gave a date (then `publishedAt` is null)." })
  publishedAtSource: PublishedAtSource;

  @Field(() => String, { nullable: true, description: "The publication time exactly as the page printed it." })
  publishedText: string | null;

  @Field(() => String, { nullable: true, description: "Canonical URL of the page: absolute, http or https." })
  url: string | null;

  @Field(() => [String], {
    description:
      "Other URLs the same text was sent under (tracking parameters, mirrors, AMP pages): one text is one article, its claims stored once. Kept by later versions.",
  })
  alternateUrls: string[];

  @Field({ description: "SHA-256 of the source text: how re-ingestion is recognised (two versions share it when a page went back to an earlier text). Internal to this subgraph." })
  @Directive(INACCESSIBLE)
  contentHash: string;

  /** Left out of list and by-id reads (it is most of a row); see ArticleResolver.body. */
  body?: string;

  publisherId: string;
  crisisId: string | null;
  previousVersionId: string | null;
}

@ObjectType({ simpleResolvers: true, description: "An image attached to an article, with its caption and credit." })
export class ArticleImage {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  position: number;

  @Field(() => String, { nullable: true, description: "The image's absolute http(s) URL, resolved against the page's; null when the page gave none, or only another scheme (data:, javascript: …)." })
  url: string | null;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true })
  caption: string | null;

  @Field(() => String, { nullable: true, description: 'Who took or supplied it ("AP / Vasily Krestyaninov").' })
  credit: string | null;

  @Field(() => String, { nullable: true, description: "The copyright line as printed." })
  copyrightNotice: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A "Read more" link the page placed in or beside the article.' })
export class RelatedLink {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  position: number;

  @Field({ description: "Plain text." })
  title: string;

  @Field(() => String, { nullable: true, description: "The link's absolute http(s) URL, resolved against the page's; null when it had none, or only another scheme (javascript:, mailto: …)." })
  url: string | null;
}

@ObjectType({ simpleResolvers: true })
export class ArticleConnection extends Connection("Article", Article) {}
