import { badInput } from "../errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id in this API is a UUID; anything else is a client mistake, not a miss. */
export function parseId(id: string, argumentName = "id"): string {
  if (!UUID.test(id)) throw badInput(`"${argumentName}" is not a valid id: "${id.slice(0, 100)}"`, argumentName);
  return id.toLowerCase();
}

export function isId(id: string): boolean {
  return UUID.test(id);
}
