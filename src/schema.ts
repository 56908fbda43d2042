// The federated subgraph schema: type-graphql builds the types and resolvers,
// @apollo/subgraph adds Federation 2 (`_service`, `_entities`) on top.
import "reflect-metadata";
import { buildSubgraphSchema, type GraphQLResolverMap } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { GraphQLSchema, isUnionType, parse, type GraphQLResolveInfo } from "graphql";
import { buildSchema, createResolversMap } from "type-graphql";
import { ArticleFieldsOfCountryResolver, ArticleFieldsOfCrisisResolver, ArticleFieldsOfPersonResolver, ArticleFieldsOfPlaceResolver, ArticleFieldsOfPublisherResolver } from "./article/article-relations.resolver";
import { CasualtyFieldsOfArticleResolver, CasualtyFieldsOfCountryResolver, CasualtyFieldsOfCrisisResolver, CasualtyFieldsOfOrganizationResolver, CasualtyFieldsOfPlaceResolver } from "./casualty/casualty-relations.resolver";
import { CrisisFieldsOfCountryResolver } from "./crisis/crisis-relations.resolver";
import { EventFieldsOfArticleResolver, EventFieldsOfCrisisResolver, EventFieldsOfPersonResolver, EventFieldsOfPlaceResolver } from "./event/event-relations.resolver";
import { OrganizationFieldsOfCountryResolver, OrganizationFieldsOfPersonResolver, OrganizationFieldsOfPersonRoleResolver } from "./organization/organization-relations.resolver";
import { PlaceFieldsOfCountryResolver } from "./place/place-relations.resolver";
import { PublisherFieldsOfCountryResolver } from "./publisher/publisher-relations.resolver";
import { ArticleAssignmentResolver } from "./article/article-assignment.resolver";
import { ArticleResolver } from "./article/article.resolver";
import { CasualtyReviewResolver } from "./casualty/casualty-review.resolver";
import { CasualtyStatisticResolver } from "./casualty/casualty-statistic.resolver";
import { CasualtySummaryResolver } from "./casualty/casualty-summary.resolver";
import { ClaimantResolver } from "./casualty/claimant.resolver";
import { isId } from "./graphql/ids";
import { articlePlan } from "./article/article.service";
import { badInput } from "./errors";
import { checkRepresentations, refuseNulCharacters } from "./gatekeeping/client-mistakes";
import type { Context, Loaders } from "./context";
import { CountryResolver } from "./country/country.resolver";
import { CrisisResolver } from "./crisis/crisis.resolver";
import { IngestResolver } from "./ingest/ingest.resolver";
import { EventParticipantResolver, EventResolver } from "./event/event.resolver";
import { ChairmanshipResolver, MembershipResolver, OrganizationResolver } from "./organization/organization.resolver";
import { PersonResolver, PersonRoleResolver } from "./person/person.resolver";
import { PlaceResolver } from "./place/place.resolver";
import { PublisherResolver } from "./publisher/publisher.resolver";

/**
 * Federation 2.7: the newest version Apollo's subgraph compatibility suite
 * checks. 2.8 (@context) and 2.9 (@cost, @listSize) would take us past it.
 */
export const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@tag", "@inaccessible", "@override", "@authenticated", "@requiresScopes"])`;

/**
 * Apollo Server's cache hints; a subgraph declares the directive itself.
 * Without `scope`: everything here is public, and an unused scope enum would
 * only add a composition hint.
 */
const CACHE_CONTROL_DIRECTIVE = `directive @cacheControl(maxAge: Int, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION`;

// Every resolver class: a class left out here drops its fields from the schema without an error.
const resolvers = [
  ArticleAssignmentResolver,
  ArticleFieldsOfCountryResolver,
  ArticleFieldsOfCrisisResolver,
  ArticleFieldsOfPersonResolver,
  ArticleFieldsOfPlaceResolver,
  ArticleFieldsOfPublisherResolver,
  ArticleResolver,
  CasualtyFieldsOfArticleResolver,
  CasualtyFieldsOfCountryResolver,
  CasualtyFieldsOfCrisisResolver,
  CasualtyFieldsOfOrganizationResolver,
  CasualtyFieldsOfPlaceResolver,
  CasualtyReviewResolver,
  CasualtyStatisticResolver,
  CasualtySummaryResolver,
  ChairmanshipResolver,
  ClaimantResolver,
  CountryResolver,
  CrisisFieldsOfCountryResolver,
  CrisisResolver,
  EventFieldsOfArticleResolver,
  EventFieldsOfCrisisResolver,
  EventFieldsOfPersonResolver,
  EventFieldsOfPlaceResolver,
  EventParticipantResolver,
  EventResolver,
  IngestResolver,
  MembershipResolver,
  OrganizationFieldsOfCountryResolver,
  OrganizationFieldsOfPersonResolver,
  OrganizationFieldsOfPersonRoleResolver,
  OrganizationResolver,
  PersonResolver,
  PersonRoleResolver,
  PlaceFieldsOfCountryResolver,
  PlaceResolver,
  PublisherFieldsOfCountryResolver,
  PublisherResolver,
] as const;

/** As sent: any JSON, so every key field is checked to be a string before use. */
type Representation = { id?: unknown; isoCode?: unknown; slug?: unknown };

/** Entities by id through the request's loaders: one SQL statement per type however many representations. */
function byId(loader: (loaders: Loaders, info: GraphQLResolveInfo) => { load(id: string): Promise<unknown> }) {
  return (reference: Representation, { loaders }: Context, info: GraphQLResolveInfo) =>
    typeof reference.id === "string" && isId(reference.id) ? loader(loaders, info).load(reference.id.toLowerCase()) : null;
}

const referenceResolvers: Record<string, (reference: Representation, context: Context, info: GraphQLResolveInfo) => unknown> = {
  // With the columns and relations the query selects on Article, fetched in the batch's one statement.
  Article: byId((l, info) => l.article.byIdFor(articlePlan(info, [], l.preloads))),
  CasualtyStatistic: byId((l) => l.casualtyStatistic.byId),
  Chairmanship: byId((l) => l.organization.chairmanshipById),
  Claimant: byId((l) => l.claimant.byId),
  Country: (reference, context, info) =>
    reference.isoCode !== undefined
      ? typeof reference.isoCode === "string" && /^[A-Za-z]{2}$/.test(reference.isoCode)
        ? context.loaders.country.byIsoCode.load(reference.isoCode.toUpperCase())
        : null
      : byId((l) => l.country.byId)(reference, context, info),
  Crisis: (reference, context, info) =>
    reference.slug !== undefined
      ? typeof reference.slug === "string" && reference.slug.length <= 100 && !reference.slug.includes("\u0000")
        ? context.loaders.crisis.bySlug.load(reference.slug)
        : null
      : byId((l) => l.crisis.byId)(reference, context, info),
  Event: byId((l) => l.event.byId),
  Membership: byId((l) => l.organization.membershipById),
  Organization: byId((l) => l.organization.byId),
  Person: byId((l) => l.person.byId),
  Place: byId((l) => l.place.byId),
  Publisher: byId((l) => l.publisher.byId),
};

/** The SDL other teams compose against (also written to schema/subgraph.graphql). */
export async function buildSchemaParts() {
  // skipCheck: the federation directives are defined by buildSubgraphSchema, not here.
  const schema = await buildSchema({ resolvers, validate: false, skipCheck: true });
  const resolverMap = createResolversMap(schema) as GraphQLResolverMap<Context>;
  for (const [typeName, resolveReference] of Object.entries(referenceResolvers)) {
    resolverMap[typeName] = { ...(resolverMap[typeName] as object), __resolveReference: resolveReference } as never;
  }
  return { typeDefs: parse(`${FEDERATION_LINK}\n\n${CACHE_CONTROL_DIRECTIVE}\n\n${printSchemaWithDirectives(schema)}`), resolvers: resolverMap };
}

export const DEFAULT_MAX_ENTITY_REPRESENTATIONS = 1000;

export async function buildFederatedSchema(options: { maxEntityRepresentations?: number } = {}): Promise<GraphQLSchema> {
  const { typeDefs, resolvers: resolverMap } = await buildSchemaParts();
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: resolverMap }]);
  capEntityRepresentations(schema, options.maxEntityRepresentations ?? DEFAULT_MAX_ENTITY_REPRESENTATIONS);
  refuseNulCharacters(schema);
  return schema;
}

/**
 * A router batches representations; a caller sending thousands gets a clear error before any SQL,
 * and so does one sending a representation that names no entity type (see checkRepresentations).
 */
function capEntityRepresentations(schema: GraphQLSchema, max: number): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) throw new Error("The subgraph schema has no _entities field");
  const entityType = schema.getType("_Entity");
  const entityTypes = new Set(entityType && isUnionType(entityType) ? entityType.getTypes().map((type) => type.name) : []);
  field.resolve = (source, args: { representations: unknown[] }, context, info) => {
    if (args.representations.length > max) {
      throw badInput(`_entities takes at most ${max} representations per call, got ${args.representations.length}`, "representations");
    }
    checkRepresentations(args.representations, entityTypes);
    return resolve(source, args, context, info);
  };
}
