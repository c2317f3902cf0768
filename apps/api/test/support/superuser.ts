import pg from 'pg';

/**
 * Runs `work` on a connection of its own as the database owner (TestApp.adminDatabaseUrl, or another
 * database of the same server): row-level security does not bind it, so tests arrange and inspect
 * data behind the app's back. The connection is closed however `work` ends.
 */
export async function asSuperuser<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** One statement as the database owner (see asSuperuser); its rows. */
export function superuserQuery<T extends pg.QueryResultRow = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  return asSuperuser(url, async (client) => (await client.query<T>(text, values)).rows);
}
