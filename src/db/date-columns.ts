// The columns Prisma reads as Date (DateTime, with or without @db.Date), per
// model. Rows read as JSON built by PostgreSQL (data/json-rows.ts) carry
// them as text; this is how they become Dates again, as Prisma would give
// them. test/db/date-columns.test.ts checks the list against the database.
import type { Prisma } from "../generated/prisma/client";

export const DATE_COLUMNS = {
  Publisher: ["createdAt"],
  Article: ["publishedAt", "createdAt", "updatedAt"],
  ArticleImage: [],
  RelatedLink: [],
  Crisis: ["startDate", "endDate"],
  Event: ["startDate", "endDate", "createdAt"],
  EventPlace: [],
  EventParticipant: [],
  Claimant: ["mergedAt"],
  CasualtyStatistic: ["reportedAt", "reviewedAt", "createdAt"],
  Country: [],
  Organization: ["foundedOn"],
  Membership: ["from", "to"],
  Chairmanship: ["from", "to"],
  Person: [],
  PersonRole: ["from", "to"],
  Place: [],
  PlaceName: [],
  ReferenceData: ["loadedAt"],
  ArticlePerson: [],
  ArticlePlace: [],
  ArticleCountry: [],
} as const satisfies Record<Prisma.ModelName, readonly string[]>;
