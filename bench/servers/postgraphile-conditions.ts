// PostGraphile's amber preset only offers equality conditions on indexed
// columns. These four conditions let it answer the same questions as our
// API (a publication range, "latest version only", a list of ids), each as
// one SQL predicate inside PostGraphile's single statement.
import { addPgTableCondition } from "postgraphile/utils";

const article = { schemaName: "public", tableName: "Article" };

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
  addPgTableCondition(
    article,
    "rowIdIn",
    (build) => ({ type: new build.graphql.GraphQLList(new build.graphql.GraphQLNonNull(build.getTypeByName("UUID") as never)) as never }),
    (value, { sql, sqlTableAlias }) => (Array.isArray(value) ? sql`${sqlTableAlias}.id = ANY(${sql.value(value)}::uuid[])` : null),
  ),
];
