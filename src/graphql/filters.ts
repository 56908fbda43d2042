// Validation shared by the list filters.
import { badInput } from "../errors";
import { parseId } from "./ids";

export function optionalId(id: string | null | undefined, argumentName: string): string | undefined {
  return id == null ? undefined : parseId(id, argumentName);
}

export function isoCode(code: string, argumentName = "isoCode"): string {
  if (!/^[A-Za-z]{2}$/.test(code)) throw badInput(`"${argumentName}" must be an ISO 3166-1 alpha-2 code such as KZ, got "${code.slice(0, 20)}"`, argumentName);
  return code.toUpperCase();
}

/** `from` inclusive, `to` exclusive; refuses an empty or inverted range. */
export function dateRange(from: Date | null | undefined, to: Date | null | undefined, names: [string, string]) {
  if (from && to && from >= to) throw badInput(`"${names[0]}" must be before "${names[1]}"`, names[0]);
  if (!from && !to) return undefined;
  return { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) };
}
