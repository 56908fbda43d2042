// PostGraphile's amber preset only offers equality conditions on indexed
// columns. These conditions let it answer the same questions as our API (a
// publication range, "latest version only", the rows a root list shows, a
// list of ids), each as one SQL predicate inside PostGraphile's single
// statement.
import { addPgTableCondition } from "postgraphile/utils";

const table = (tableName: string) => ({ schemaName: "public", tableName });
const article = table("Article");

type Build = Parameters<Parameters<typeof addPgTableCondition>[2]>[0];
type Generator = NonNullable<Parameters<typeof addPgTableCondition>[3]>;

const scalar = (name: string) => (build: Build) => ({ type: build.getTypeByName(name) as never });

const utcTimestamp: (op: ">=" | "<") => Generator = (op) => (value, { sql, sqlTableAlias }) =>
  value == null ? null : sql`${sqlTableAlias}."publishedAt" ${sql.raw(op)} (${sql.value(String(value))}::timestamptz AT TIME ZONE 'UTC')`;

export const conditionPlugins = [
  addPgTableCondition(article, "publishedFrom", scalar("Datetime"), utcTimestamp(">=")),
  addPgTableCondition(article, "publishedTo", scalar("Datetime"), utcTimestamp("<")),
  addPgTableCondition(article, "isLatestVersion", scalar("Boolean"), (value, { sql, sqlTableAlias }) =>
    value === true ? sql`NOT EXISTS (SELECT 1 FROM "Article" n WHERE n."previousVersionId" = ${sqlTableAlias}.id)` : null,
  ),
  ...["Article", "Event", "CasualtyStatistic", "Place"].map((name) =>
    addPgTableCondition(
      table(name),
      "rowIdIn",
      (build) => ({ type: new build.graphql.GraphQLList(new build.graphql.GraphQLNonNull(build.getTypeByName("UUID") as never)) as never }),
      (value, { sql, sqlTableAlias }) => (Array.isArray(value) ? sql`${sqlTableAlias}.id = ANY(${sql.value(value)}::uuid[])` : null),
    ),
  ),
  // What our root lists show by default: events and claims of current article versions, claims not since corrected.
  addPgTableCondition(table("Event"), "isListed", scalar("Boolean"), (value, { sql, sqlTableAlias }) =>
    value === true ? sql`NOT EXISTS (SELECT 1 FROM "Article" later WHERE later."previousVersionId" = ${sqlTableAlias}."articleId")` : null,
  ),
  addPgTableCondition(table("CasualtyStatistic"), "isListed", scalar("Boolean"), (value, { sql, sqlTableAlias }) =>
    value === true
      ? sql`NOT EXISTS (SELECT 1 FROM "CasualtyStatistic" k WHERE k."correctionOfId" = ${sqlTableAlias}.id)
          AND NOT EXISTS (SELECT 1 FROM "Article" later WHERE later."previousVersionId" = ${sqlTableAlias}."articleId")`
      : null,
  ),
];
