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
const claimsOf = (withClaimant: boolean) => `coalesce((SELECT json_agg(json_build_object('id', c.id, 'category', c.category, 'best', c.best${
  withClaimant ? `, 'claimant', json_build_object('name', cl.name)` : ""
})
      ORDER BY c."quoteStart", strpos(lower(c.quote), lower(c."figureText")), c.id)
    FROM "CasualtyStatistic" c${withClaimant ? ` JOIN "Claimant" cl ON cl.id = c."claimantId"` : ""} WHERE c."articleId" = a.id), '[]'::json)`;
const claims = claimsOf(true);

/** `{"data":{"<field>":{"edges":[{"node": <node>}...]}}}` over a page of `source` (a subquery with its ORDER BY and LIMIT) as `alias`. */
function rootPage(field: string, node: string, source: string, alias: string, order: string, join = ""): string {
  return `SELECT json_build_object('data', json_build_object('${field}', json_build_object('edges',
      coalesce(json_agg(json_build_object('node', ${node}) ORDER BY ${order}), '[]'::json))))::text AS body
    FROM (${source}) ${alias} ${join}`;
}

/** `_entities` answers in the order asked, null for an unknown id: `node` over `alias` of `table`. */
function entities(table: string, alias: string, node: string, join = ""): string {
  return `SELECT json_build_object('data', json_build_object('_entities',
      coalesce(json_agg(CASE WHEN ${alias}.id IS NULL THEN NULL ELSE ${node} END ORDER BY r.ord), '[]'::json)))::text AS body
    FROM unnest($1::uuid[]) WITH ORDINALITY AS r(id, ord)
    LEFT JOIN "${table}" ${alias} ON ${alias}.id = r.id ${join}`;
}

/** The listed claims and events (the root lists' defaults): of current article versions; claims not since corrected. */
const ofCurrentVersion = (articleId: string) => `NOT EXISTS (SELECT 1 FROM "Article" later WHERE later."previousVersionId" = ${articleId})`;
const claimsNewestFirst = `s."reportedAt" DESC, s.id DESC`;
const eventsInTimeOrder = `e."startDate" ASC, e.id ASC`;

/** Memberships oldest first, as Country.memberships and Organization.memberships list them. */
const memberships = (key: string, parent: string, other: string) => `coalesce((SELECT json_agg(json_build_object('status', m.status, 'from', m."from", 'to', m."to", ${other})
      ORDER BY m."from", m.id)
    FROM "Membership" m ${key === "countryId" ? `JOIN "Organization" o ON o.id = m."organizationId"` : `JOIN "Country" co ON co.id = m."countryId"`}
    WHERE m."${key}" = ${parent}.id), '[]'::json)`;

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

  "claims-page": rootPage(
    "casualtyStatistics",
    `json_build_object('id', s.id, 'category', s.category, 'best', s.best, 'claimant', json_build_object('name', cl.name),
       'article', json_build_object('headline', a.headline, 'publisher', json_build_object('name', p.name)))`,
    `SELECT * FROM "CasualtyStatistic" s WHERE NOT EXISTS (SELECT 1 FROM "CasualtyStatistic" k WHERE k."correctionOfId" = s.id)
       AND ${ofCurrentVersion(`s."articleId"`)} ORDER BY ${claimsNewestFirst} LIMIT $1`,
    "s",
    claimsNewestFirst,
    `JOIN "Claimant" cl ON cl.id = s."claimantId" JOIN "Article" a ON a.id = s."articleId" JOIN "Publisher" p ON p.id = a."publisherId"`,
  ),

  "events-timeline": rootPage(
    "events",
    `json_build_object('id', e.id, 'title', e.title, 'startDate', e."startDate",
       'places', coalesce((SELECT json_agg(json_build_object('name', pl.name) ORDER BY pl.kind, pl.name, pl.id)
         FROM "EventPlace" ep JOIN "Place" pl ON pl.id = ep."placeId" WHERE ep."eventId" = e.id), '[]'::json),
       'article', CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('headline', a.headline) END)`,
    `SELECT * FROM "Event" e WHERE ${ofCurrentVersion(`e."articleId"`)} ORDER BY ${eventsInTimeOrder} LIMIT $1`,
    "e",
    eventsInTimeOrder,
    `LEFT JOIN "Article" a ON a.id = e."articleId"`,
  ),

  // Every publisher by name, each with its newest $1 articles (current versions) and their claims.
  "nested-under-list": `SELECT json_build_object('data', json_build_object('publishers',
      coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'articles', json_build_object('edges',
        coalesce((SELECT json_agg(json_build_object('node', json_build_object('id', a.id, 'headline', a.headline, 'casualtyStatistics', ${claimsOf(false)}))
            ORDER BY ${newestFirst})
          FROM (SELECT * FROM "Article" a WHERE a."publisherId" = p.id AND ${latestVersion} ORDER BY ${newestFirst} LIMIT $1) a), '[]'::json)))
      ORDER BY p.name, p.id), '[]'::json)))::text AS body
    FROM "Publisher" p`,

  "entities-event": entities(
    "Event",
    "e",
    `json_build_object('id', e.id, 'title', e.title, 'startDate', e."startDate", 'article', CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('headline', a.headline) END)`,
    `LEFT JOIN "Article" a ON a.id = e."articleId"`,
  ),

  "entities-claim": entities(
    "CasualtyStatistic",
    "s",
    `json_build_object('id', s.id, 'category', s.category, 'best', s.best, 'claimant', json_build_object('name', cl.name))`,
    `LEFT JOIN "Claimant" cl ON cl.id = s."claimantId"`,
  ),

  "entities-place": entities(
    "Place",
    "pl",
    `json_build_object('id', pl.id, 'name', pl.name, 'kind', pl.kind, 'country', CASE WHEN co.id IS NULL THEN NULL ELSE json_build_object('isoCode', co."isoCode") END)`,
    `LEFT JOIN "Country" co ON co.id = pl."countryId"`,
  ),

  "countries-memberships": `SELECT json_build_object('data', json_build_object('countries',
      coalesce(json_agg(json_build_object('isoCode', c."isoCode", 'name', c.name,
        'memberships', ${memberships("countryId", "c", `'organization', json_build_object('acronym', o.acronym)`)}) ORDER BY c.name, c.id), '[]'::json)))::text AS body
    FROM "Country" c`,

  "organizations-memberships": `SELECT json_build_object('data', json_build_object('organizations',
      coalesce(json_agg(json_build_object('name', g.name, 'acronym', g.acronym,
        'memberships', ${memberships("organizationId", "g", `'country', json_build_object('isoCode', co."isoCode")`)}) ORDER BY g.name, g.id), '[]'::json)))::text AS body
    FROM "Organization" g`,

  // As src/casualty/casualty-summary.resolver.ts: the crisis's claims of the category filed by $3, less rejected, corrected
  // and earlier-version ones; per group and claimant the history in filing order and the latest standing total (the last
  // dated one, else the last undated one); per group the range of the latest figures. Groups by name (enum text order).
  "casualty-summary": `WITH claims AS (
      SELECT s.* FROM "CasualtyStatistic" s JOIN "Crisis" k ON k.id = s."crisisId"
       WHERE k.slug = $1 AND s.category = $2::"CasualtyCategory" AND s."reportedAt" <= $3::date AND s."reviewStatus" <> 'REJECTED'
         AND NOT EXISTS (SELECT 1 FROM "CasualtyStatistic" x WHERE x."correctionOfId" = s.id) AND ${ofCurrentVersion(`s."articleId"`)}
    ), figures AS (
      SELECT s."affectedGroup", s."claimantId",
             json_agg(json_build_object('id', s.id, 'best', s.best, 'status', s.status) ORDER BY s."reportedAt", s."createdAt", s.id) AS history
        FROM claims s GROUP BY s."affectedGroup", s."claimantId"
    ), standing AS (
      SELECT DISTINCT ON (s."affectedGroup", s."claimantId") s."affectedGroup", s."claimantId", s.id AS "latestId", s.low, s.best, s.high
        FROM claims s WHERE s.status IN ('CURRENT', 'DISPUTED') AND NOT s.increment
       ORDER BY s."affectedGroup", s."claimantId", s."reportedAtKnown" DESC, s."reportedAt" DESC, s."createdAt" DESC, s.id DESC
    ), latest AS (
      SELECT f.*, l."latestId", l.low, l.best, l.high FROM figures f LEFT JOIN standing l USING ("affectedGroup", "claimantId")
    ), groups AS (
      SELECT f."affectedGroup", min(f.low) AS low, max(coalesce(f.high, f.best)) AS high,
             json_agg(json_build_object('claimant', json_build_object('name', cl.name),
               'latest', CASE WHEN f."latestId" IS NULL THEN NULL ELSE json_build_object('id', f."latestId", 'best', f.best) END,
               'history', f.history) ORDER BY f."latestId" IS NULL, f.best DESC, cl.name) AS claimants
        FROM latest f JOIN "Claimant" cl ON cl.id = f."claimantId" GROUP BY f."affectedGroup"
    )
    SELECT json_build_object('data', json_build_object('casualtySummary', json_build_object('category', $2::"CasualtyCategory", 'asOf', $3::date,
      'groups', coalesce((SELECT json_agg(json_build_object('affectedGroup', g."affectedGroup", 'low', g.low, 'high', g.high, 'claimants', g.claimants)
        ORDER BY g."affectedGroup"::text COLLATE "C") FROM groups g), '[]'::json))))::text AS body`,
};
