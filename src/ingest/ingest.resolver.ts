import { AUTHENTICATED, WRITE_SCOPE } from "../graphql/federation";
import { Arg, Ctx, Directive, Field, InputType, Int, Mutation, ObjectType, registerEnumType, Resolver } from "type-graphql";
import { Article } from "../article/article.type";
import { requireScope, Scope } from "../auth/api-keys";
import type { Context } from "../context";
import { MAX_CHARACTERS_READ, MAX_SENTENCES_READ } from "./extract-page";
import { checkPageFields, ingestPage, MAX_CLAIMS_PER_ARTICLE, MAX_EVENTS_PER_ARTICLE, MAX_NAME_FROM_PAGE, type IngestStatus as IngestStatusValue } from "./ingest.service";

export const IngestStatus = { CREATED: "CREATED", UNCHANGED: "UNCHANGED", REVISED: "REVISED" } as const;
registerEnumType(IngestStatus, {
  name: "IngestStatus",
  description: "CREATED: a new article. UNCHANGED: this text is stored already, as the current version of this URL or of another page (this URL is then added to its `alternateUrls`); no claims or events were written. REVISED: a new version of the page at this URL, which replaces the earlier one in lists, filters and summaries (sending an earlier text again makes it current once more).",
});

@InputType({ description: "A news page to read: its plain text (as a scraper saved it) or its HTML, not both." })
export class IngestArticleInput {
  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => String, { nullable: true })
  html?: string | null;

  @Field(() => String, { nullable: true, description: "The page's canonical URL: a later page with the same URL is stored as a revision." })
  url?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The publisher's name; it wins over the page's. Without it: the name the page shows, else its copyright holder, else the URL's host.",
  })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: "The headline, when the caller knows it; it wins over the page's (one line, at most 500 characters)." })
  headline?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The publication time, when the caller knows it; it wins over the page\'s (`publishedAtSource: CALLER`). An ISO 8601 date ("2022-01-09": 00:00 UTC that day) or date-time with a zone ("2022-01-09T12:13:00Z", "2022-01-09T18:13:00+06:00"). Without it and without a date on the page, the article is stored with `publishedAt: null` (UNKNOWN), never a guessed date, and no events.',
  })
  publishedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'The language as a BCP 47 tag ("en", "ru", "kk-Cyrl-KZ"), stored in canonical case; it wins over the page\'s.' })
  language?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The crisis to file the article under (unknown: BAD_USER_INPUT); a page about another country than the crisis's, naming neither it nor a place in it, is stored unassigned instead. When omitted: the one crisis of the page's country (the country it names most, its places counting for theirs) whose dates lie within 60 days of the publication (by country alone for an undated page); none or several fit: stored unassigned (`article.crisis: null`), never under another country's crisis.",
  })
  crisisSlug?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class IngestArticleResult {
  @Field(() => IngestStatus)
  status: IngestStatusValue;

  @Field(() => Article, { description: "The stored article, with its claims (`casualtyStatistics`) and `events`." })
  article: Article;

  @Field(() => Int, { description: "Casualty claims extracted and stored now (0 when UNCHANGED)." })
  claimsExtracted: number;

  @Field(() => Int, { description: "Events extracted and stored now (0 when UNCHANGED)." })
  eventsExtracted: number;

  @Field(() => Int, {
    description: `Claims found on the page but not stored: an article keeps at most ${MAX_CLAIMS_PER_ARTICLE} (the first, in reading order), and none whose claimant name runs past ${MAX_NAME_FROM_PAGE} characters. 0 for any real report.`,
  })
  claimsLeftOut: number;

  @Field(() => Int, { description: `Events found on the page but not stored: an article keeps at most ${MAX_EVENTS_PER_ARTICLE} (the first, in time order). 0 for any real report.` })
  eventsLeftOut: number;

  @Field(() => Int, {
    description: `Characters at the end of the body that were stored (and are searchable) but not read for claims and events: reading stops after the first ${MAX_SENTENCES_READ.toLocaleString("en")} sentences or ${MAX_CHARACTERS_READ.toLocaleString("en")} characters. 0 for any real report (and when UNCHANGED).`,
  })
  charactersUnread: number;
}

@Resolver()
export class IngestResolver {
  @Directive(AUTHENTICATED)
  @Directive(WRITE_SCOPE)
  @Mutation(() => IngestArticleResult, {
    description: "Reads a news page, stores the article with the casualty claims and events found in it, in one transaction. Needs an API key with the `write` scope.",
  })
  async ingestArticle(@Arg("input", () => IngestArticleInput) input: IngestArticleInput, @Ctx() { prisma, loaders, caller, extract }: Context) {
    requireScope(caller, Scope.WRITE);
    // Checked before anything runs: a bad field is BAD_USER_INPUT naming it, and nothing is read or written.
    const fields = checkPageFields(input);
    // Read on the server's extraction pool (off the main thread, under the page budget).
    const result = await ingestPage(prisma, { text: input.text ?? undefined, html: input.html ?? undefined, ...fields }, extract);
    return {
      status: result.status,
      article: await loaders.article.byId.load(result.articleId),
      claimsExtracted: result.claims,
      eventsExtracted: result.events,
      claimsLeftOut: result.claimsLeftOut,
      eventsLeftOut: result.eventsLeftOut,
      charactersUnread: result.charactersUnread,
    };
  }
}
