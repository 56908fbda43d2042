// API keys for writes. Reads are open; mutations need a key with the `write`
// scope, sent as `Authorization: Bearer <key>`.
//
// API_KEYS="label:key:scope+scope,label2:key2:scope": labels name the caller
// in logs and review records; keys are at least 24 characters.
import { createHash, timingSafeEqual } from "node:crypto";
import { apiError, ErrorCode } from "../errors";

export const Scope = { WRITE: "write" } as const;

export interface ApiKey {
  label: string;
  scopes: string[];
  /** SHA-256 of the key: compared in constant time, never kept in clear. */
  digest: Buffer;
}

export interface Caller {
  label: string;
  scopes: string[];
}

const MIN_KEY_LENGTH = 24;

export function parseApiKeys(raw: string | undefined): ApiKey[] {
  if (!raw?.trim()) return [];
  return raw.split(",").map((entry, index) => {
    const [label, key, scopes] = entry.trim().split(":");
    if (!label || !key || !scopes) {
      throw new Error(`API_KEYS entry ${index + 1} must look like label:key:scope+scope`);
    }
    if (key.length < MIN_KEY_LENGTH) throw new Error(`API_KEYS entry "${label}": keys must be at least ${MIN_KEY_LENGTH} characters`);
    return { label, scopes: scopes.split("+").filter(Boolean), digest: digest(key) };
  });
}

function digest(key: string): Buffer {
  return createHash("sha256").update(key).digest();
}

/**
 * The caller a request's Authorization header names, or null without one.
 * A header with an unknown key is refused outright, so a typo never silently
 * downgrades a client to anonymous.
 */
export function authenticate(header: string | undefined, keys: ApiKey[]): Caller | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('Authorization must be "Bearer <API key>"');
  const given = digest(match[1]);
  let found: ApiKey | null = null;
  // Every key is compared, found or not, so timing says nothing about which matched.
  for (const key of keys) {
    if (timingSafeEqual(given, key.digest)) found = key;
  }
  if (!found) throw unauthenticated("Unknown API key");
  return { label: found.label, scopes: found.scopes };
}

export function requireScope(caller: Caller | null, scope: string): Caller {
  if (!caller) throw unauthenticated(`This operation needs an API key with the "${scope}" scope: send Authorization: Bearer <key>`);
  if (!caller.scopes.includes(scope)) {
    throw apiError(ErrorCode.FORBIDDEN, `The API key "${caller.label}" lacks the "${scope}" scope`, { http: { status: 403 } });
  }
  return caller;
}

function unauthenticated(message: string) {
  return apiError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });
}
