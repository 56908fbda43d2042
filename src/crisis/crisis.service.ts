// Crises are data a user manages: created and updated through the API
// (createCrisis, updateCrisis) or the CLI (npm run crisis), checked the same
// way in both. Every refusal is BAD_USER_INPUT naming the argument, with a
// `reason` clients can switch on:
//   INVALID_SLUG      not lower-case words joined by hyphens ("sudan-2023"), or over 100 characters
//   DUPLICATE_SLUG    another crisis has it
//   UNKNOWN_COUNTRY   not an ISO 3166-1 alpha-2 code of the reference data
//   INVALID_DATE      not a calendar day (YYYY-MM-DD)
//   END_BEFORE_START  endDate before startDate
//   BLANK             an empty name, or a name or description over its length
// An unknown slug to update is NOT_FOUND.
import type { Crisis, Prisma } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { announceWrite } from "../cache/write-notifications";
import { day, isUniqueViolation, refuse, text } from "../graphql/input-checks";
import { countryId } from "../country/country-input";
import { apiError, ErrorCode } from "../errors";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG = 100;
const MAX_NAME = 200;
const MAX_DESCRIPTION = 5000;

export interface CrisisFields {
  slug?: string | null;
  name?: string | null;
  countryIsoCode?: string | null;
  startDate?: Date | string | null;
  endDate?: Date | string | null;
  description?: string | null;
}

export function checkSlug(slug: string, argumentName = "slug"): string {
  if (slug.length > MAX_SLUG || !SLUG.test(slug)) {
    throw refuse("INVALID_SLUG", `"${argumentName}" must be lower-case letters and digits in words joined by hyphens ("sudan-2023"), at most ${MAX_SLUG} characters, got "${slug.slice(0, 40)}"`, argumentName);
  }
  return slug;
}

function checkDates(start: Date | null, end: Date | null, prefix: string) {
  if (start && end && end < start) throw refuse("END_BEFORE_START", `"${prefix}endDate" (${end.toISOString().slice(0, 10)}) is before "${prefix}startDate" (${start.toISOString().slice(0, 10)})`, `${prefix}endDate`);
}

export async function createCrisis(prisma: PrismaClient, fields: CrisisFields, prefix = "input."): Promise<Crisis> {
  if (fields.slug == null) throw refuse("INVALID_SLUG", `"${prefix}slug" is required`, `${prefix}slug`);
  if (fields.name == null) throw refuse("BLANK", `"${prefix}name" is required`, `${prefix}name`);
  const slug = checkSlug(fields.slug, `${prefix}slug`);
  const name = text(fields.name, `${prefix}name`, MAX_NAME);
  const description = fields.description == null ? null : text(fields.description, `${prefix}description`, MAX_DESCRIPTION);
  const startDate = fields.startDate == null ? null : day(fields.startDate, `${prefix}startDate`);
  const endDate = fields.endDate == null ? null : day(fields.endDate, `${prefix}endDate`);
  checkDates(startDate, endDate, prefix);
  const country = fields.countryIsoCode == null ? null : await countryId(prisma, fields.countryIsoCode, `${prefix}countryIsoCode`);
  try {
    return await prisma.$transaction(async (tx) => {
      const crisis = await tx.crisis.create({ data: { slug, name, description, startDate, endDate, countryId: country } });
      await announceWrite(tx);
      return crisis;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw refuse("DUPLICATE_SLUG", `A crisis with slug "${slug}" exists already`, `${prefix}slug`);
    throw error;
  }
}

/** Changes the fields given; null clears description, dates and country (name and slug cannot be cleared). */
export async function updateCrisis(prisma: PrismaClient, slug: string, fields: CrisisFields, prefix = "input."): Promise<Crisis> {
  const data: Prisma.CrisisUncheckedUpdateInput = {};
  if (fields.slug !== undefined) {
    if (fields.slug === null) throw refuse("INVALID_SLUG", `"${prefix}slug" cannot be cleared`, `${prefix}slug`);
    data.slug = checkSlug(fields.slug, `${prefix}slug`);
  }
  if (fields.name !== undefined) {
    if (fields.name === null) throw refuse("BLANK", `"${prefix}name" cannot be cleared`, `${prefix}name`);
    data.name = text(fields.name, `${prefix}name`, MAX_NAME);
  }
  if (fields.description !== undefined) data.description = fields.description === null ? null : text(fields.description, `${prefix}description`, MAX_DESCRIPTION);
  if (fields.startDate !== undefined) data.startDate = fields.startDate === null ? null : day(fields.startDate, `${prefix}startDate`);
  if (fields.endDate !== undefined) data.endDate = fields.endDate === null ? null : day(fields.endDate, `${prefix}endDate`);
  if (fields.countryIsoCode !== undefined) data.countryId = fields.countryIsoCode === null ? null : await countryId(prisma, fields.countryIsoCode, `${prefix}countryIsoCode`);
  try {
    return await prisma.$transaction(async (tx) => {
      // FOR UPDATE: two updates of one crisis are serialised, so the date check sees the other's dates.
      const locked = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "Crisis" WHERE slug = $1 FOR UPDATE`, slug);
      if (!locked.length) throw apiError(ErrorCode.NOT_FOUND, `No crisis with slug "${slug}"`, { argumentName: "slug" });
      const current = await tx.crisis.findUniqueOrThrow({ where: { id: locked[0].id } });
      const start = data.startDate !== undefined ? (data.startDate as Date | null) : current.startDate;
      const end = data.endDate !== undefined ? (data.endDate as Date | null) : current.endDate;
      checkDates(start, end, prefix);
      const crisis = await tx.crisis.update({ where: { id: current.id }, data });
      await announceWrite(tx);
      return crisis;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw refuse("DUPLICATE_SLUG", `A crisis with slug "${String(data.slug)}" exists already`, `${prefix}slug`);
    throw error;
  }
}

export async function listCrises(prisma: PrismaClient) {
  return prisma.crisis.findMany({ orderBy: [{ startDate: { sort: "desc", nulls: "last" } }, { id: "asc" }], include: { country: true, _count: { select: { articles: true } } } });
}
