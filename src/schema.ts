// The federated subgraph schema: type-graphql builds the types and resolvers,
// @apollo/subgraph adds Federation 2 (`_service`, `_entities`) on top.
import "reflect-metadata";
import { buildSubgraphSchema, type GraphQLResolverMap } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { GraphQLSchema, isUnionType, parse } from "graphql";
import { buildSchema, createResolversMap } from "type-graphql";
import { ArticleFieldsOfCountryResolver, ArticleFieldsOfCrisisResolver, ArticleFieldsOfPersonResolver, ArticleFieldsOfPlaceResolver, ArticleFieldsOfPublisherResolver } from "./article/article-relations.resolver";
import { CasualtyFieldsOfArticleResolver, CasualtyFieldsOfCountryResolver, CasualtyFieldsOfCrisisResolver, CasualtyFieldsOfOrganizationResolver, CasualtyFieldsOfPlaceResolver } from "./casualty/casualty-relations.resolver";
import { CrisisFieldsOfCountryResolver } from "./crisis/crisis-relations.resolver";
import { EventFieldsOfArticleResolver, EventFieldsOfCrisisResolver, EventFieldsOfPersonResolver, EventFieldsOfPlaceResolver } from "./event/event-relations.resolver";
import { OrganizationFieldsOfCountryResolver, OrganizationFieldsOfPersonResolver, OrganizationFieldsOfPersonRoleResolver } from "./organization/organization-relations.resolver";
import { PlaceFieldsOfCountryResolver } from "./place/place-relations.resolver";
import { PublisherFieldsOfCountryResolver } from "./publisher/publisher-relations.resolver";
import { articleReference } from "./article/article.reference";
import { casualtyStatisticReference } from "./casualty/casualty-statistic.reference";
import { chairmanshipReference } from "./organization/chairmanship.reference";
import { claimantReference } from "./casualty/claimant.reference";
import { countryReference } from "./country/country.reference";
import { crisisReference } from "./crisis/crisis.reference";
import { eventReference } from "./event/event.reference";
import { membershipReference } from "./organization/membership.reference";
import { organizationReference } from "./organization/organization.reference";
import { personReference } from "./person/person.reference";
import { placeReference } from "./place/place.reference";
import { publisherReference } from "./publisher/publisher.reference";
import { ArticleAssignmentResolver } from "./article/article-assignment.resolver";
import { ArticleResolver } from "./article/article.resolver";
import { CasualtyReviewResolver } from "./casualty/casualty-review.resolver";
import { CasualtyStatisticResolver } from "./casualty/casualty-statistic.resolver";
import { CasualtySummaryResolver } from "./casualty/casualty-summary.resolver";
import { ClaimantResolver } from "./casualty/claimant.resolver";
import type { EntityReference } from "./graphql/federation";
import { badInput } from "./errors";
import { checkRepresentations, refuseNulCharacters } from "./gatekeeping/client-mistakes";
import type { Context } from "./context";
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

/** Every entity's __resolveReference, each written beside its entity (<entity>.reference.ts). */
const references: readonly EntityReference<Context>[] = [
  articleReference,
  casualtyStatisticReference,
  chairmanshipReference,
  claimantReference,
  countryReference,
  crisisReference,
  eventReference,
  membershipReference,
  organizationReference,
  personReference,
  placeReference,
  publisherReference,
];

/** The SDL other teams compose against (also written to schema/subgraph.graphql). */
export async function buildSchemaParts() {
  // skipCheck: the federation directives are defined by buildSubgraphSchema, not here.
  const schema = await buildSchema({ resolvers, validate: false, skipCheck: true });
  const resolverMap = createResolversMap(schema) as GraphQLResolverMap<Context>;
  for (const { type, resolve } of references) {
    resolverMap[type] = { ...(resolverMap[type] as object), __resolveReference: resolve } as never;
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
