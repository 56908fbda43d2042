import type { Parent } from "../graphql/parent";
import { Arg, Ctx, Directive, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireScope, Scope } from "../auth/api-keys";
import { AUTHENTICATED, WRITE_SCOPE } from "../graphql/federation";
import { DateScalar } from "../graphql/scalars";
import type { Context } from "../context";
import { parseId } from "../graphql/ids";
import { Country } from "../country/country.type";
import { badInput } from "../errors";
import { Crisis } from "./crisis.type";
import { checkSlug, createCrisis, updateCrisis } from "./crisis.service";

const SLUG_HELP = 'lower-case letters and digits in words joined by hyphens, e.g. "sudan-2023"';

@InputType({ description: "A new crisis. Refusals are BAD_USER_INPUT with `extensions.reason`: INVALID_SLUG, DUPLICATE_SLUG, UNKNOWN_COUNTRY, INVALID_DATE, END_BEFORE_START, BLANK." })
export class CreateCrisisInput {
  @Field({ description: `Its key in URLs and the API: ${SLUG_HELP}, unique, at most 100 characters.` })
  slug: string;

  @Field({ description: "Its name, e.g. \"War in Sudan (2023–)\" (at most 200 characters)." })
  name: string;

  @Field(() => String, { nullable: true, description: "The country it happens in (ISO 3166-1 alpha-2, e.g. SD). Ingestion files a page under a crisis of the page's own country only." })
  countryIsoCode?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The first day; null: open." })
  startDate?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "The last day, not before `startDate`; null: still going." })
  endDate?: Date | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType({ description: "What changes in a crisis; an omitted field stays, null clears `countryIsoCode`, the dates and `description`. Refusals as for CreateCrisisInput." })
export class UpdateCrisisInput {
  @Field(() => String, { nullable: true, description: `A new slug (${SLUG_HELP}); the old one then names nothing.` })
  slug?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  countryIsoCode?: string | null;

  @Field(() => DateScalar, { nullable: true })
  startDate?: Date | null;

  @Field(() => DateScalar, { nullable: true })
  endDate?: Date | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@Resolver(() => Crisis)
export class CrisisResolver {
  @Query(() => Crisis, { nullable: true, description: "A crisis by id or by slug (give exactly one); null when there is none." })
  crisis(
    @Arg("id", () => ID, { nullable: true }) id: string | undefined,
    @Arg("slug", () => String, { nullable: true }) slug: string | undefined,
    @Ctx() { loaders }: Context,
  ) {
    if ((id == null) === (slug == null)) throw badInput('Give exactly one of "id" and "slug"', id == null ? "id" : "slug");
    return id != null ? loaders.crisis.byId.load(parseId(id)) : loaders.crisis.bySlug.load(slug as string);
  }

  @Query(() => [Crisis], { description: "All crises, most recent first." })
  crises(@Ctx() { prisma }: Context) {
    return prisma.crisis.findMany({ orderBy: [{ startDate: { sort: "desc", nulls: "last" } }, { id: "asc" }] });
  }

  @Directive(AUTHENTICATED)
  @Directive(WRITE_SCOPE)
  @Mutation(() => Crisis, { description: "Adds a crisis, so that pages can be filed under it (by name, or by their country and date). Needs the `write` scope." })
  createCrisis(@Arg("input", () => CreateCrisisInput) input: CreateCrisisInput, @Ctx() { prisma, caller }: Context) {
    requireScope(caller, Scope.WRITE);
    return createCrisis(prisma, input);
  }

  @Directive(AUTHENTICATED)
  @Directive(WRITE_SCOPE)
  @Mutation(() => Crisis, { description: "Changes a crisis; an unknown slug is NOT_FOUND. Articles already filed stay filed. Needs the `write` scope." })
  updateCrisis(@Arg("slug") slug: string, @Arg("input", () => UpdateCrisisInput) input: UpdateCrisisInput, @Ctx() { prisma, caller }: Context) {
    requireScope(caller, Scope.WRITE);
    return updateCrisis(prisma, checkSlug(slug), input);
  }

  @FieldResolver(() => Country, { nullable: true })
  country(@Root() crisis: Parent<Crisis>, @Ctx() { loaders }: Context) {
    return crisis.countryId ? loaders.country.byId.load(crisis.countryId) : null;
  }
}
