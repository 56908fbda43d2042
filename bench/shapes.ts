// The query shapes: for each, the GraphQL document for our server, the
// equivalent PostGraphile 5 (amber preset) document, the parameters of the
// one-SQL ceiling statement, and what a correct answer must contain.
// Fairness: every server returns the same rows with the same fields; the
// harness checks that against the one-SQL reference before measuring.
import type { ShapeName } from "./types";

/** Ids and ranges drawn from the dataset (bench/dataset.ts). */
export interface Sample {
  /** At least one; entities-100 sends the first 100. */
  articleIds: string[];
  /** Up to 100 ids of events, claims and places each, for the _entities shapes of those types. */
  eventIds: string[];
  claimIds: string[];
  placeIds: string[];
  crisisId: string;
  /** The same crisis's slug, its most reported casualty category, and the last day a claim of that category was filed (YYYY-MM-DD). */
  crisisSlug: string;
  summaryCategory: string;
  summaryAsOf: string;
  /** A publication range [from, to) of the crisis holding a few dozen articles (ISO 8601). */
  publishedFrom: string;
  publishedTo: string;
}

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface ShapeSpec {
  name: ShapeName;
  description: string;
  graphql(sample: Sample): GraphQLRequest;
  /** The same data in PostGraphile's naming; a string says why the shape cannot be asked there. */
  postgraphile: ((sample: Sample) => GraphQLRequest) | string;
  /** Bind parameters of the shape's statement in bench/servers/one-sql-statements.ts. */
  oneSqlParams(sample: Sample): unknown[];
  /**
   * JSON keys counted in every response body: each count must equal the
   * reference's, which checks the result size (articles, events, claims,
   * places) without parsing the body under load.
   */
  markers: string[];
  /** Servers may return the top-level list in another order (compared as a set). */
  unorderedFor?: "postgraphile";
}

const ENTITY_COUNT = 100;

/** PostGraphile spells our fields differently; aliases give the same JSON keys as our server. */
const pgArticleList = (args: string, node: string) =>
  `articles: allArticles(${args}, orderBy: [PUBLISHED_AT_DESC, ROW_ID_DESC]) { nodes { ${node} } }`;
const pgEvents = (places: boolean) =>
  `events: eventsByArticleId(orderBy: [START_DATE_ASC, ROW_ID_ASC]) { nodes { id: rowId title startDate${
    places ? " places: eventPlacesByEventId { nodes { place: placeByPlaceId { name } } }" : ""
  } } }`;
const pgClaims = `casualtyStatistics: casualtyStatisticsByArticleId { nodes { id: rowId category best claimant: claimantByClaimantId { name } } }`;
// isLatestVersion, publishedFrom/To and rowIdIn are the conditions bench/servers/postgraphile-conditions.ts adds.
const latest = "condition: { isLatestVersion: true }";

/**
 * `_entities` with up to 100 representations of one type (each with a relation); in PostGraphile,
 * which has no federation, the same rows by id in one list field (a `rowIdIn` condition).
 */
function entities(
  name: ShapeName,
  typename: string,
  ids: (sample: Sample) => string[],
  fields: string,
  pg: { list: string; node: string },
  markers: string[],
): ShapeSpec {
  return {
    name,
    description: `_entities with ${ENTITY_COUNT} ${typename} representations (with a relation)`,
    graphql: (s) => ({
      query: `query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${fields} } } }`,
      variables: { representations: ids(s).slice(0, ENTITY_COUNT).map((id) => ({ __typename: typename, id })) },
    }),
    postgraphile: (s) => ({
      query: `query Entities($ids: [UUID!]!) { _entities: ${pg.list}(condition: { rowIdIn: $ids }) { nodes { ${pg.node} } } }`,
      variables: { ids: ids(s).slice(0, ENTITY_COUNT) },
    }),
    oneSqlParams: (s) => [ids(s).slice(0, ENTITY_COUNT)],
    markers,
    unorderedFor: "postgraphile",
  };
}

const FLAT_NODE = "id headline publishedAt url";
const PG_FLAT_NODE = "id: rowId headline publishedAt url";

function page(name: ShapeName, first: number, description: string): ShapeSpec {
  return {
    name,
    description,
    graphql: () => ({
      query: `query Page($first: Int!) { articles(first: $first) { edges { node { ${FLAT_NODE} } } } }`,
      variables: { first },
    }),
    postgraphile: () => ({
      query: `query Page($first: Int!) { ${pgArticleList(`first: $first, ${latest}`, PG_FLAT_NODE)} }`,
      variables: { first },
    }),
    oneSqlParams: () => [first],
    markers: ["headline"],
  };
}

export const SHAPES: Record<ShapeName, ShapeSpec> = {
  "by-id": {
    name: "by-id",
    description: "one article by id",
    graphql: (s) => ({
      query: `query ById($id: ID!) { article(id: $id) { id headline alternativeHeadline byline section language publishedAt url } }`,
      variables: { id: s.articleIds[0] },
    }),
    postgraphile: (s) => ({
      query: `query ById($id: UUID!) { article: articleByRowId(rowId: $id) { id: rowId headline alternativeHeadline byline section language publishedAt url } }`,
      variables: { id: s.articleIds[0] },
    }),
    oneSqlParams: (s) => [s.articleIds[0]],
    markers: ["headline"],
  },

  "flat-50": page("flat-50", 50, "a page of 50 articles, newest first, no relations"),

  "nested-2": {
    name: "nested-2",
    description: "50 articles with their publisher and events",
    graphql: () => ({
      query: `query Nested2($first: Int!) { articles(first: $first) { edges { node {
        id headline publisher { name } events { id title startDate } } } } }`,
      variables: { first: 50 },
    }),
    postgraphile: () => ({
      query: `query Nested2($first: Int!) { ${pgArticleList(
        `first: $first, ${latest}`,
        `id: rowId headline publisher: publisherByPublisherId { name } ${pgEvents(false)}`,
      )} }`,
      variables: { first: 50 },
    }),
    oneSqlParams: () => [50],
    markers: ["headline", "title"],
  },

  "nested-3": {
    name: "nested-3",
    description: "50 articles → events → places, and → claims → claimant",
    graphql: () => ({
      query: `query Nested3($first: Int!) { articles(first: $first) { edges { node {
        id headline
        events { id title startDate places { name } }
        casualtyStatistics { id category best claimant { name } } } } } }`,
      variables: { first: 50 },
    }),
    postgraphile: () => ({
      query: `query Nested3($first: Int!) { ${pgArticleList(
        `first: $first, ${latest}`,
        `id: rowId headline ${pgEvents(true)} ${pgClaims}`,
      )} }`,
      variables: { first: 50 },
    }),
    oneSqlParams: () => [50],
    markers: ["headline", "title", "best", "name"],
  },

  "entities-100": {
    name: "entities-100",
    description: "_entities with 100 Article representations (with publisher)",
    graphql: (s) => ({
      query: `query Entities($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Article { id headline publisher { name } } } }`,
      variables: { representations: s.articleIds.slice(0, ENTITY_COUNT).map((id) => ({ __typename: "Article", id })) },
    }),
    // No federation in PostGraphile: the same 100 articles by id in one list field.
    postgraphile: (s) => ({
      query: `query Entities($ids: [UUID!]!) { _entities: allArticles(condition: { rowIdIn: $ids }) {
        nodes { id: rowId headline publisher: publisherByPublisherId { name } } } }`,
      variables: { ids: s.articleIds.slice(0, ENTITY_COUNT) },
    }),
    oneSqlParams: (s) => [s.articleIds.slice(0, ENTITY_COUNT)],
    markers: ["headline", "name"],
    unorderedFor: "postgraphile",
  },

  filtered: {
    name: "filtered",
    description: "up to 50 articles of one crisis in a publication range, with publisher",
    graphql: (s) => ({
      query: `query Filtered($first: Int!, $filter: ArticleFilter!) { articles(first: $first, filter: $filter) {
        edges { node { id headline publishedAt publisher { name } } } } }`,
      variables: { first: 50, filter: { crisisId: s.crisisId, publishedFrom: s.publishedFrom, publishedTo: s.publishedTo } },
    }),
    postgraphile: (s) => ({
      query: `query Filtered($first: Int!, $crisisId: UUID!, $from: Datetime!, $to: Datetime!) { ${pgArticleList(
        "first: $first, condition: { crisisId: $crisisId, publishedFrom: $from, publishedTo: $to, isLatestVersion: true }",
        "id: rowId headline publishedAt publisher: publisherByPublisherId { name }",
      )} }`,
      variables: { first: 50, crisisId: s.crisisId, from: s.publishedFrom, to: s.publishedTo },
    }),
    oneSqlParams: (s) => [50, s.crisisId, s.publishedFrom, s.publishedTo],
    markers: ["headline", "name"],
  },

  "page-100": page("page-100", 100, "a page of 100 articles (the page-size cap), no relations"),

  "claims-page": {
    name: "claims-page",
    description: "50 claims, newest report first → claimant, article → publisher",
    graphql: () => ({
      query: `query Claims($first: Int!) { casualtyStatistics(first: $first) { edges { node {
        id category best claimant { name } article { headline publisher { name } } } } } }`,
      variables: { first: 50 },
    }),
    postgraphile: () => ({
      query: `query Claims($first: Int!) { casualtyStatistics: allCasualtyStatistics(first: $first, condition: { isListed: true },
        orderBy: [REPORTED_AT_DESC, ROW_ID_DESC]) { nodes {
        id: rowId category best claimant: claimantByClaimantId { name }
        article: articleByArticleId { headline publisher: publisherByPublisherId { name } } } } }`,
      variables: { first: 50 },
    }),
    oneSqlParams: () => [50],
    markers: ["best", "headline", "name"],
  },

  "events-timeline": {
    name: "events-timeline",
    description: "50 events in time order → places, article",
    graphql: () => ({
      query: `query Timeline($first: Int!) { events(first: $first) { edges { node {
        id title startDate places { name } article { headline } } } } }`,
      variables: { first: 50 },
    }),
    postgraphile: () => ({
      query: `query Timeline($first: Int!) { events: allEvents(first: $first, condition: { isListed: true }, orderBy: [START_DATE_ASC, ROW_ID_ASC]) { nodes {
        id: rowId title startDate places: eventPlacesByEventId { nodes { place: placeByPlaceId { name } } }
        article: articleByArticleId { headline } } } }`,
      variables: { first: 50 },
    }),
    oneSqlParams: () => [50],
    markers: ["title", "headline", "name"],
  },

  "nested-under-list": {
    name: "nested-under-list",
    description: "every publisher → articles(first: 5) → claims: a connection under a list",
    graphql: () => ({
      query: `query UnderList($first: Int!) { publishers { id name articles(first: $first) { edges { node {
        id headline casualtyStatistics { id category best } } } } } }`,
      variables: { first: 5 },
    }),
    postgraphile: () => ({
      query: `query UnderList($first: Int!) { publishers: allPublishers { nodes { id: rowId name
        articles: articlesByPublisherId(first: $first, ${latest}, orderBy: [PUBLISHED_AT_DESC, ROW_ID_DESC]) { nodes {
        id: rowId headline casualtyStatistics: casualtyStatisticsByArticleId { nodes { id: rowId category best } } } } } } }`,
      variables: { first: 5 },
    }),
    oneSqlParams: () => [5],
    markers: ["headline", "best"],
    // Publishers by name: PostGraphile's amber preset offers no order on an unindexed column, so the list is compared as a set.
    unorderedFor: "postgraphile",
  },

  "entities-event": entities("entities-event", "Event", (s) => s.eventIds, "id title startDate article { headline }", {
    list: "allEvents",
    node: "id: rowId title startDate article: articleByArticleId { headline }",
  }, ["title", "headline"]),

  "entities-claim": entities("entities-claim", "CasualtyStatistic", (s) => s.claimIds, "id category best claimant { name }", {
    list: "allCasualtyStatistics",
    node: "id: rowId category best claimant: claimantByClaimantId { name }",
  }, ["best", "name"]),

  "entities-place": entities("entities-place", "Place", (s) => s.placeIds, "id name kind country { isoCode }", {
    list: "allPlaces",
    node: "id: rowId name kind country: countryByCountryId { isoCode }",
  }, ["kind", "isoCode"]),

  "countries-memberships": {
    name: "countries-memberships",
    description: "every country → memberships → organisation",
    graphql: () => ({
      query: `query Countries { countries { isoCode name memberships { status from to organization { acronym } } } }`,
      variables: {},
    }),
    postgraphile: () => ({
      query: `query Countries { countries: allCountries { nodes { isoCode name
        memberships: membershipsByCountryId { nodes { status from to organization: organizationByOrganizationId { acronym } } } } } }`,
      variables: {},
    }),
    oneSqlParams: () => [],
    markers: ["isoCode", "status"],
    // Countries by name: no order on an unindexed column in PostGraphile's amber preset; compared as a set.
    unorderedFor: "postgraphile",
  },

  "organizations-memberships": {
    name: "organizations-memberships",
    description: "every organisation → memberships → country",
    graphql: () => ({
      query: `query Organizations { organizations { name acronym memberships { status from to country { isoCode } } } }`,
      variables: {},
    }),
    postgraphile: () => ({
      query: `query Organizations { organizations: allOrganizations(orderBy: [NAME_ASC, ROW_ID_ASC]) { nodes { name acronym
        memberships: membershipsByOrganizationId { nodes { status from to country: countryByCountryId { isoCode } } } } } }`,
      variables: {},
    }),
    oneSqlParams: () => [],
    markers: ["acronym", "status"],
  },

  "casualty-summary": {
    name: "casualty-summary",
    description: "casualtySummary of one crisis and category: per group and claimant, the latest figure and the history",
    graphql: (s) => ({
      query: `query Summary($slug: String!, $category: CasualtyCategory!, $asOf: Date) {
        casualtySummary(crisisSlug: $slug, category: $category, asOf: $asOf) { category asOf groups { affectedGroup low high
          claimants { claimant { name } latest { id best } history { id best status } } } } }`,
      variables: { slug: s.crisisSlug, category: s.summaryCategory, asOf: s.summaryAsOf },
    }),
    postgraphile:
      "PostGraphile has no such field: the latest standing figure per claimant and group, and the range across them, is logic of ours (a custom SQL function would be a second implementation, not PostGraphile)",
    oneSqlParams: (s) => [s.crisisSlug, s.summaryCategory, s.summaryAsOf],
    markers: ["affectedGroup", "status"],
  },
};
