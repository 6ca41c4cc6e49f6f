import { Pool, type QueryResultRow } from "pg";

let pool: Pool | undefined;

function getPool(): Pool {
  if (!pool) {
    pool = new Pool({
      connectionString: process.env.DATABASE_URL,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 5),
      idleTimeoutMillis: 30_000,
    });
  }
  return pool;
}

export async function query<R extends QueryResultRow>(text: string, params: unknown[] = []): Promise<R[]> {
  const result = await getPool().query<R>(text, params);
  return result.rows;
}
