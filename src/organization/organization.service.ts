// Organisations and their history as a user records them: createOrganization,
// addMembership, endMembership, addChairmanship (the CSTO's own history is
// reference data, reference-alliances.ts). Each write is one transaction that
// locks the organisation's row, so two writes to one organisation's history
// are serialised and the overlap checks see each other. Every refusal is
// BAD_USER_INPUT naming the argument, with a `reason`:
//   BLANK, INVALID_DATE, UNKNOWN_COUNTRY  as for crises (graphql/input-checks.ts, country/country-input.ts)
//   DUPLICATE_NAME            another organisation has that name, in any case
//   UNKNOWN_ORGANIZATION      organizationId or parentId names no organisation
//   END_NOT_AFTER_START       `to` on or before `from` (`to` is exclusive: a period lasts a day at least)
//   OVERLAPPING_MEMBERSHIP    the country's membership of that organisation has a row in the period
//                             already; a status change ends one row and starts the next on the same day
//   OVERLAPPING_CHAIRMANSHIP  the organisation has a chair in the period already
// A membership to end that does not exist is NOT_FOUND.
import type { Chairmanship, Membership, MembershipStatus, Organization, Prisma } from "../generated/prisma/client";
import type { PrismaClient } from "../db/prisma";
import { announceWrite } from "../cache/write-notifications";
import { parseId } from "../graphql/ids";
import { day, isUniqueViolation, refuse, text } from "../graphql/input-checks";
import { countryId } from "../country/country-input";
import { apiError, ErrorCode } from "../errors";

type Tx = Prisma.TransactionClient;

const MAX_NAME = 200;
const MAX_ACRONYM = 20;
const MAX_DESCRIPTION = 5000;
const MAX_NOTE = 5000;

export interface OrganizationFields {
  name: string;
  acronym?: string | null;
  description?: string | null;
  foundedOn?: Date | null;
  parentId?: string | null;
  countryIsoCode?: string | null;
}

export interface MembershipFields {
  organizationId: string;
  countryIsoCode: string;
  status: MembershipStatus;
  from: Date;
  to?: Date | null;
  note?: string | null;
}

export interface EndMembershipFields {
  membershipId: string;
  to: Date;
  note?: string | null;
}

export interface ChairmanshipFields {
  organizationId: string;
  countryIsoCode: string;
  from: Date;
  to?: Date | null;
  personName?: string | null;
}

interface Period {
  from: Date;
  to: Date | null;
}

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "open");

function period(from: Date, to: Date | null | undefined, prefix: string): Period {
  const start = day(from, `${prefix}from`);
  const end = to == null ? null : day(to, `${prefix}to`);
  if (end && end <= start) throw refuse("END_NOT_AFTER_START", `"${prefix}to" (${isoDay(end)}) must be after "${prefix}from" (${isoDay(start)}): \`to\` is the first day it no longer holds`, `${prefix}to`);
  return { from: start, to: end };
}

/** Rows whose period shares a day with `period`. */
function overlapping({ from, to }: Period) {
  return { ...(to ? { from: { lt: to } } : {}), OR: [{ to: null }, { to: { gt: from } }] };
}

function optionalText(value: string | null | undefined, argumentName: string, max: number): string | null {
  return value == null ? null : text(value, argumentName, max);
}

/** Locks the organisation's row for the transaction; refuses an id that names none. */
async function lockOrganization(tx: Tx, organizationId: string, argumentName: string): Promise<void> {
  const locked = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "Organization" WHERE id = $1::uuid FOR UPDATE`, organizationId);
  if (!locked.length) throw refuse("UNKNOWN_ORGANIZATION", `"${argumentName}" names no organisation: "${organizationId}"`, argumentName);
}

export async function createOrganization(prisma: PrismaClient, fields: OrganizationFields, prefix = "input."): Promise<Organization> {
  const name = text(fields.name, `${prefix}name`, MAX_NAME);
  const acronym = optionalText(fields.acronym, `${prefix}acronym`, MAX_ACRONYM);
  const description = optionalText(fields.description, `${prefix}description`, MAX_DESCRIPTION);
  const foundedOn = fields.foundedOn == null ? null : day(fields.foundedOn, `${prefix}foundedOn`);
  const parentId = fields.parentId == null ? null : parseId(fields.parentId, `${prefix}parentId`);
  const country = fields.countryIsoCode == null ? null : await countryId(prisma, fields.countryIsoCode, `${prefix}countryIsoCode`);
  const duplicate = () => refuse("DUPLICATE_NAME", `An organisation named "${name}" exists already`, `${prefix}name`);
  try {
    return await prisma.$transaction(async (tx) => {
      // Names are unique in any case: two creations of one name are serialised, and the second sees the first.
      await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext($1))", `organization name ${name.toLowerCase()}`);
      if (await tx.organization.findFirst({ where: { name: { equals: name, mode: "insensitive" } }, select: { id: true } })) throw duplicate();
      if (parentId) await lockOrganization(tx, parentId, `${prefix}parentId`);
      const organization = await tx.organization.create({ data: { name, acronym, description, foundedOn, parentId, countryId: country } });
      await announceWrite(tx);
      return organization;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

export async function addMembership(prisma: PrismaClient, fields: MembershipFields, prefix = "input."): Promise<Membership> {
  const note = optionalText(fields.note, `${prefix}note`, MAX_NOTE);
  const row = await historyRow(prisma, fields, prefix);
  return writeHistory(prisma, row.organizationId, prefix, "membership", async (tx) => {
    const { organizationId, countryId } = row;
    refuseOverlap("membership", await tx.membership.findFirst({ where: { organizationId, countryId, ...overlapping(row) }, orderBy: { from: "asc" } }), `${prefix}from`);
    return tx.membership.create({ data: { ...row, status: fields.status, note } });
  });
}

/** Sets the day a membership ends (a withdrawal, the first day of a new status); a new `note` replaces the old. */
export async function endMembership(prisma: PrismaClient, fields: EndMembershipFields, prefix = "input."): Promise<Membership> {
  const id = parseId(fields.membershipId, `${prefix}membershipId`);
  const note = optionalText(fields.note, `${prefix}note`, MAX_NOTE);
  const current = await prisma.membership.findUnique({ where: { id } });
  if (!current) throw apiError(ErrorCode.NOT_FOUND, `No membership with id "${id}"`, { argumentName: `${prefix}membershipId` });
  const { to } = period(current.from, fields.to, prefix);
  return writeHistory(prisma, current.organizationId, prefix, "membership", async (tx) => {
    const { organizationId, countryId } = current;
    const where = { id: { not: id }, organizationId, countryId, ...overlapping({ from: current.from, to }) };
    refuseOverlap("membership", await tx.membership.findFirst({ where, orderBy: { from: "asc" } }), `${prefix}to`);
    return tx.membership.update({ where: { id }, data: { to, ...(note !== null ? { note } : {}) } });
  });
}

export async function addChairmanship(prisma: PrismaClient, fields: ChairmanshipFields, prefix = "input."): Promise<Chairmanship> {
  const personName = optionalText(fields.personName, `${prefix}personName`, MAX_NAME);
  const row = await historyRow(prisma, fields, prefix);
  return writeHistory(prisma, row.organizationId, prefix, "chairmanship", async (tx) => {
    const where = { organizationId: row.organizationId, ...overlapping(row) };
    refuseOverlap("chairmanship", await tx.chairmanship.findFirst({ where, orderBy: { from: "asc" } }), `${prefix}from`);
    // The person of that name if there is one (the reference data's heads of state), else a new one.
    const person = personName ? await tx.person.upsert({ where: { name: personName }, create: { name: personName }, update: {}, select: { id: true } }) : null;
    return tx.chairmanship.create({ data: { ...row, personId: person?.id ?? null } });
  });
}

/** What every membership and chairmanship has, checked: an organisation id, a country, a period. */
async function historyRow(prisma: PrismaClient, fields: MembershipFields | ChairmanshipFields, prefix: string) {
  const organizationId = parseId(fields.organizationId, `${prefix}organizationId`);
  const { from, to } = period(fields.from, fields.to, prefix);
  return { organizationId, countryId: await countryId(prisma, fields.countryIsoCode, `${prefix}countryIsoCode`), from, to };
}

const OVERLAP = {
  membership: { reason: "OVERLAPPING_MEMBERSHIP", what: "The country's membership", hint: "end it first (endMembership) or start this one on its `to`" },
  chairmanship: { reason: "OVERLAPPING_CHAIRMANSHIP", what: "The organisation's chairmanship", hint: "start this one on its `to`" },
} as const;
type HistoryKind = keyof typeof OVERLAP;

function refuseOverlap(kind: HistoryKind, clash: (Period & { id: string }) | null, argumentName: string): void {
  if (!clash) return;
  const { reason, what, hint } = OVERLAP[kind];
  throw refuse(reason, `${what} from ${isoDay(clash.from)} to ${isoDay(clash.to)} (id ${clash.id}) overlaps this period: ${hint}`, argumentName);
}

/** One transaction on an organisation's locked row, announced to the response caches. */
async function writeHistory<T>(prisma: PrismaClient, organizationId: string, prefix: string, kind: HistoryKind, write: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await prisma.$transaction(async (tx) => {
      await lockOrganization(tx, organizationId, `${prefix}organizationId`);
      const written = await write(tx);
      await announceWrite(tx);
      return written;
    });
  } catch (error) {
    // The unique keys (organisation, country, from) and (organisation, from) are overlaps the checks catch first.
    if (isUniqueViolation(error)) throw refuse(OVERLAP[kind].reason, "A row starting on that day exists already", `${prefix}from`);
    throw error;
  }
}
