// Rows read as JSON (src/data/json-rows.ts) get their dates back from
// DATE_COLUMNS: a date column missing there would come out as text.
import pg from "pg";
import { DATE_COLUMNS } from "../../src/db/date-columns";
import { testDatabaseUrl } from "../helpers/test-server";

test("DATE_COLUMNS lists exactly the date and timestamp columns of every model's table", async () => {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type IN ('date', 'timestamp without time zone', 'timestamp with time zone')
       ORDER BY table_name, ordinal_position`,
    );
    const inDatabase: Record<string, string[]> = {};
    for (const row of rows) {
      if (row.table_name in DATE_COLUMNS) (inDatabase[row.table_name] ??= []).push(row.column_name);
    }
    const listed = Object.fromEntries(Object.entries(DATE_COLUMNS).filter(([, columns]) => columns.length).map(([model, columns]) => [model, [...columns].sort()]));
    expect(Object.fromEntries(Object.entries(inDatabase).map(([table, columns]) => [table, columns.sort()]))).toEqual(listed);
  } finally {
    await client.end();
  }
});
