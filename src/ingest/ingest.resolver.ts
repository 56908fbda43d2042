import { AUTHENTICATED, WRITE_SCOPE } from "../common/federation";
import { Arg, Ctx, Directive, Field, InputType, Int, Mutation, ObjectType, registerEnumType, Resolver } from "type-graphql";
import { Article } from "../article/article.type";
import { requireScope, Scope } from "../auth/api-keys";
import type { Context } from "../context";
import { badInput } from "../errors";
import { ingestPage, type IngestStatus as IngestStatusValue } from "./ingest.service";

export const IngestStatus = { CREATED: "CREATED", UNCHANGED: "UNCHANGED", REVISED: "REVISED" } as const;
registerEnumType(IngestStatus, {
  name: "IngestStatus",
  description: "CREATED: a new article. UNCHANGED: this exact page was ingested before; nothing was written. REVISED: a new version of an article already stored for the same URL.",
});

@InputType({ description: "A news page to read: its plain text (as a scraper saved it) or its HTML, not both." })
export class IngestArticleInput {
  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => String, { nullable: true })
  html?: string | null;

  @Field(() => String, { nullable: true, description: "The page's canonical URL: a later page with the same URL is stored as a revision." })
  url?: string | null;

  @Field(() => String, { nullable: true, description: "The publisher's name, when the page does not say it." })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: "The crisis the article is about; inferred from its places and date when omitted." })
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
}

@Resolver()
export class IngestResolver {
  @Directive(AUTHENTICATED)
  @Directive(WRITE_SCOPE)
  @Mutation(() => IngestArticleResult, {
    description: "Reads a news page, stores the article with the casualty claims and events found in it, in one transaction. Needs an API key with the `write` scope.",
  })
  async ingestArticle(@Arg("input", () => IngestArticleInput) input: IngestArticleInput, @Ctx() { prisma, loaders, caller }: Context) {
    requireScope(caller, Scope.WRITE);
    if (input.url != null && !/^https?:\/\/\S+$/i.test(input.url)) throw badInput('"url" must be an http(s) URL', "url");
    const result = await ingestPage(prisma, {
      text: input.text ?? undefined,
      html: input.html ?? undefined,
      url: input.url ?? undefined,
      publisher: input.publisher ?? undefined,
      crisisSlug: input.crisisSlug ?? undefined,
    });
    return {
      status: result.status,
      article: await loaders.article.byId.load(result.articleId),
      claimsExtracted: result.claims,
      eventsExtracted: result.events,
    };
  }
}
