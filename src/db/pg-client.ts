// A one-off connection for administrative work (creating and dropping
// databases, reading a marker): opened, used, always closed.
import pg from "pg";

export async function withPgClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
