// Which PostgreSQL to use: DATABASE_URL when set, otherwise an embedded server.
import type { Config } from "../config";
import { startEmbeddedPostgres } from "./embedded-postgres";

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  /** Stops the embedded server; a no-op for an external database. */
  stop(): Promise<void>;
}

export async function openDatabase(config: Config, log: (message: string) => void): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({ ...config.embeddedPostgres, log });
  return { url: embedded.url, embedded: true, stop: embedded.stop };
}
