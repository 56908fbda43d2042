// Checks of mutation and CLI input that more than one domain makes (crises,
// organisations), each refusal a BAD_USER_INPUT naming the argument with a
// `reason` clients can switch on (the domains list theirs in their headers).
// A country's ISO code is checked against the table by country/country-input.ts.
import { apiError, ErrorCode } from "../errors";

export function refuse(reason: string, message: string, argumentName: string) {
  return apiError(ErrorCode.BAD_USER_INPUT, message, { argumentName, reason });
}

/** Trimmed, not blank, at most `max` characters (reason BLANK). */
export function text(value: string, argumentName: string, max: number): string {
  const line = value.trim();
  if (!line) throw refuse("BLANK", `"${argumentName}" must not be blank`, argumentName);
  if (line.length > max) throw refuse("BLANK", `"${argumentName}" must be at most ${max} characters, got ${line.length}`, argumentName);
  return line;
}

/** A calendar day: a Date (the GraphQL Date scalar's) or "YYYY-MM-DD" (the CLI's); reason INVALID_DATE. */
export function day(value: Date | string, argumentName: string): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw refuse("INVALID_DATE", `"${argumentName}" is not a date`, argumentName);
    return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
  }
  const date = new Date(`${value}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw refuse("INVALID_DATE", `"${argumentName}" must be a day as YYYY-MM-DD, got "${value.slice(0, 20)}"`, argumentName);
  }
  return date;
}

/** Prisma's unique constraint violation (P2002): a client's duplicate, not an internal error. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}
