import type { Parent } from "../graphql/parent";
import { PUBLIC } from "../graphql/federation";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { parseId } from "../graphql/ids";
import { PageArgs } from "../graphql/connection";
import { Country } from "../country/country.type";
import { Crisis } from "../crisis/crisis.type";
import { Person } from "../person/person.type";
import { Place } from "../place/place.type";
import { Publisher } from "../publisher/publisher.type";
import { ArticleFilter } from "./article.filter";
import { articlePlan, findArticle, listArticles } from "./article.service";
import { preloadedOr } from "../data/preload";
import { DateTimeScalar } from "../graphql/scalars";
import { MAX_IMAGES_PER_ARTICLE, MAX_RELATED_LINKS_PER_ARTICLE } from "./article-limits";
import { Article, ArticleConnection, ArticleImage, RelatedLink } from "./article.type";

async function bodyOf(article: Article, { loaders }: Context): Promise<string> {
  return article.body ?? (await loaders.article.bodyById.load(article.id))?.body ?? "";
}

/**
 * The publication time, or null when it is unknown (the column then holds the
 * ingestion time, the sort key). Every read of an Article row takes
 * publishedAtSource with publishedAt (article.service.ts articleColumns,
 * ARTICLE_LIST_COLUMNS); a row without it is a bug, not an unknown date.
 */
function knownPublication(article: Parent<Article>): Date | null {
  if (article.publishedAtSource === undefined) throw new Error("Article row read without publishedAtSource: cannot tell a publication time from a sort key");
  return article.publishedAtSource === "UNKNOWN" ? null : article.publishedAt;
}

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => Article, { nullable: true, description: "An article by id; null when there is none." })
  @Directive(PUBLIC)
  article(@Arg("id", () => ID) id: string, @Ctx() context: Context, @Info() info: GraphQLResolveInfo) {
    // Like a page: the selected columns and what is fetched ahead below, in one statement.
    return findArticle(context.prisma, parseId(id), articlePlan(info, [], context.loaders.preloads));
  }

  @Query(() => ArticleConnection, { description: "Articles, newest first." })
  @Directive(PUBLIC)
  async articles(
    @Args() page: PageArgs,
    @Arg("filter", () => ArticleFilter, { nullable: true }) filter: ArticleFilter | undefined,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listArticles(context.prisma, filter ?? undefined, page, articlePlan(info, ["edges", "node"], context.loaders.preloads));
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true })
  publishedAt(@Root() article: Parent<Article>): Date | null {
    return knownPublication(article);
  }

  @FieldResolver(() => DateTimeScalar, {
    description:
      "Where lists place the article (newest first, then by id; cursors are built from it): `publishedAt` when known, else the time the page was ingested, so an undated article keeps one stable place, among those published when it was stored.",
  })
  sortedAt(@Root() article: Parent<Article>): Date {
    return article.publishedAt;
  }

  // Ready to take this field over from the media subgraph's CMS count: raise
  // the label's percentage to move traffic here, then drop it there.
  @FieldResolver(() => Int, { description: "Words in the article body." })
  @Directive('@override(from: "media", label: "percent(0)")')
  async wordCount(@Root() article: Parent<Article>, @Ctx() context: Context) {
    return (await bodyOf(article, context)).split(/\s+/).filter(Boolean).length;
  }

  @FieldResolver(() => String, { description: "Body paragraphs separated by a blank line: plain text, never HTML (show it escaped)." })
  body(@Root() article: Parent<Article>, @Ctx() context: Context) {
    return bodyOf(article, context);
  }

  @FieldResolver(() => Publisher)
  publisher(@Root() article: Parent<Article>, @Ctx() { loaders }: Context) {
    return preloadedOr(article, "publisher", () => loaders.publisher.byId.load(article.publisherId));
  }

  @FieldResolver(() => Crisis, { nullable: true })
  crisis(@Root() article: Parent<Article>, @Ctx() { loaders }: Context) {
    return article.crisisId ? loaders.crisis.byId.load(article.crisisId) : null;
  }

  @FieldResolver(() => [ArticleImage], { description: `The page's images, in page order: at most ${MAX_IMAGES_PER_ARTICLE}, the first ones.` })
  images(@Root() article: Parent<Article>, @Ctx() { loaders }: Context) {
    return loaders.article.articleImages.load(article.id);
  }

  @FieldResolver(() => [RelatedLink], { description: `The page's related links, in page order: at most ${MAX_RELATED_LINKS_PER_ARTICLE}, the first ones.` })
  relatedLinks(@Root() article: Parent<Article>, @Ctx() { loaders }: Context) {
    return loaders.article.articleRelatedLinks.load(article.id);
  }

  @FieldResolver(() => [Person])
  mentionedPeople(@Root() article: Parent<Article>, @Ctx() { loaders }: Context) {
    return loaders.article.articleMentionedPeople.load(article.id);
  }

  @FieldResolver(() => [Place])
  mentionedPlaces(@Root() article: Parent<Article>, @Ctx() { loaders }: Context) {
    return loaders.article.articleMentionedPlaces.load(article.id);
  }

  @FieldResolver(() => [Country], { description: "Countries the article names (or names by adjective: \"Kazakh\")." })
  mentionedCountries(@Root() article: Parent<Article>, @Ctx() { loaders }: Context) {
    return loaders.article.articleMentionedCountries.load(article.id);
  }

  @FieldResolver(() => Article, { nullable: true, description: "The earlier version of this page (same URL) that this one revises." })
  previousVersion(@Root() article: Parent<Article>, @Ctx() { loaders }: Context) {
    return article.previousVersionId ? loaders.article.byId.load(article.previousVersionId) : null;
  }

  @FieldResolver(() => Article, { nullable: true, description: "The later version that revises this one, if any." })
  nextVersion(@Root() article: Parent<Article>, @Ctx() { loaders }: Context) {
    return loaders.article.articleNextVersion.load(article.id);
  }
}
