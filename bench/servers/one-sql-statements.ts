// The ceiling: each shape as ONE hand-written SQL statement that builds the
// whole response ({"data": ...}, the same JSON our GraphQL server returns)
// inside PostgreSQL. Same rows, same order, same fields as the GraphQL shapes
// in bench/shapes.ts. The harness also runs these directly as the reference
// every server's answer is compared with.
import type { ShapeName } from "../types";

/** Our DateTime scalar's format: ISO 8601 with milliseconds, UTC. */
const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Lists hide article versions a later revision replaced (as the GraphQL `articles` field does). */
const latestVersion = `NOT EXISTS (SELECT 1 FROM "Article" n WHERE n."previousVersionId" = a.id)`;
const newestFirst = `a."publishedAt" DESC, a.id DESC`;

/** `{"data":{"articles":{"edges":[{"node": <node>}...]}}}` over a page of articles. */
function articlePage(node: string, where: string, limitParam: string, join = ""): string {
  return `SELECT json_build_object('data', json_build_object('articles', json_build_object('edges',
      coalesce(json_agg(json_build_object('node', ${node}) ORDER BY ${newestFirst}), '[]'::json))))::text AS body
    FROM (SELECT * FROM "Article" a WHERE ${where} ORDER BY ${newestFirst} LIMIT ${limitParam}) a ${join}`;
}

const flatNode = `json_build_object('id', a.id, 'headline', a.headline, 'publishedAt', ${iso(`a."publishedAt"`)}, 'url', a.url)`;

const withPublisher = `JOIN "Publisher" p ON p.id = a."publisherId"`;

function events(withPlaces: boolean): string {
  const places = withPlaces
    ? // LIMIT 1 keeps the lateral lookup an index probe: joined, the planner hashes all of "Place" for every event.
      `, 'places', coalesce((SELECT json_agg(json_build_object('name', pl.name) ORDER BY pl.kind, pl.name, pl.id)
         FROM "EventPlace" ep CROSS JOIN LATERAL (SELECT p.kind, p.name, p.id FROM "Place" p WHERE p.id = ep."placeId" LIMIT 1) pl
         WHERE ep."eventId" = e.id), '[]'::json)`
    : "";
  return `coalesce((SELECT json_agg(json_build_object('id', e.id, 'title', e.title, 'startDate', e."startDate"${places})
      ORDER BY e."startDate", e."endDate", e."createdAt", e.id)
    FROM "Event" e WHERE e."articleId" = a.id), '[]'::json)`;
}

// Text order, as the GraphQL server sorts claims: by sentence, then where the figure stands in it.
const claims = `coalesce((SELECT json_agg(json_build_object('id', c.id, 'category', c.category, 'best', c.best, 'claimant', json_build_object('name', cl.name))
      ORDER BY c."quoteStart", strpos(lower(c.quote), lower(c."figureText")), c.id)
    FROM "CasualtyStatistic" c JOIN "Claimant" cl ON cl.id = c."claimantId" WHERE c."articleId" = a.id), '[]'::json)`;

export const ONE_SQL_STATEMENTS: Record<ShapeName, string> = {
  "by-id": `SELECT json_build_object('data', json_build_object('article',
      (SELECT json_build_object('id', a.id, 'headline', a.headline, 'alternativeHeadline', a."alternativeHeadline",
         'byline', a.byline, 'section', a.section, 'language', a.language, 'publishedAt', ${iso(`a."publishedAt"`)}, 'url', a.url)
       FROM "Article" a WHERE a.id = $1::uuid)))::text AS body`,

  "flat-50": articlePage(flatNode, latestVersion, "$1"),

  "nested-2": articlePage(
    `json_build_object('id', a.id, 'headline', a.headline, 'publisher', json_build_object('name', p.name), 'events', ${events(false)})`,
    latestVersion,
    "$1",
    withPublisher,
  ),

  "nested-3": articlePage(
    `json_build_object('id', a.id, 'headline', a.headline, 'events', ${events(true)}, 'casualtyStatistics', ${claims})`,
    latestVersion,
    "$1",
  ),

  // _entities answers in the order asked, null for an unknown id.
  "entities-100": `SELECT json_build_object('data', json_build_object('_entities',
      coalesce(json_agg(CASE WHEN a.id IS NULL THEN NULL
        ELSE json_build_object('id', a.id, 'headline', a.headline, 'publisher', json_build_object('name', p.name)) END ORDER BY r.ord), '[]'::json)))::text AS body
    FROM unnest($1::uuid[]) WITH ORDINALITY AS r(id, ord)
    LEFT JOIN "Article" a ON a.id = r.id LEFT JOIN "Publisher" p ON p.id = a."publisherId"`,

  filtered: articlePage(
    `json_build_object('id', a.id, 'headline', a.headline, 'publishedAt', ${iso(`a."publishedAt"`)}, 'publisher', json_build_object('name', p.name))`,
    `a."crisisId" = $2::uuid AND a."publishedAt" >= $3::timestamptz AT TIME ZONE 'UTC' AND a."publishedAt" < $4::timestamptz AT TIME ZONE 'UTC' AND ${latestVersion}`,
    "$1",
    withPublisher,
  ),

  "page-100": articlePage(flatNode, latestVersion, "$1"),
};
