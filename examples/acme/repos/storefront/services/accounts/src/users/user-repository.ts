import { pool, type Queryable } from "../db.js";

export interface User {
  id: string;
  email: string;
  givenName: string | null;
  familyName: string | null;
  marketingOptIn: boolean;
  emailVerifiedAt: string | null;
  createdAt: string;
}

interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  given_name: string | null;
  family_name: string | null;
  marketing_opt_in: boolean;
  email_verified_at: Date | null;
  created_at: Date;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    givenName: row.given_name,
    familyName: row.family_name,
    marketingOptIn: row.marketing_opt_in,
    emailVerifiedAt: row.email_verified_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

export class EmailTakenError extends Error {}

export async function createUser(
  input: { email: string; emailNormalized: string; passwordHash: string; givenName?: string; marketingOptIn: boolean },
  db: Queryable = pool,
): Promise<User> {
  try {
    const { rows } = await db.query<UserRow>(
      `insert into users (email, email_normalized, password_hash, given_name, marketing_opt_in)
       values ($1, $2, $3, $4, $5)
       returning *`,
      [input.email, input.emailNormalized, input.passwordHash, input.givenName ?? null, input.marketingOptIn],
    );
    return toUser(rows[0]!);
  } catch (err) {
    if ((err as { code?: string }).code === "23505") {
      throw new EmailTakenError(input.email);
    }
    throw err;
  }
}

export async function findByEmail(
  emailNormalized: string,
  db: Queryable = pool,
): Promise<(User & { passwordHash: string }) | undefined> {
  const { rows } = await db.query<UserRow>(`select * from users where email_normalized = $1`, [emailNormalized]);
  const row = rows[0];
  return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
}

export async function findById(id: string, db: Queryable = pool): Promise<User | undefined> {
  const { rows } = await db.query<UserRow>(`select * from users where id = $1`, [id]);
  return rows[0] ? toUser(rows[0]) : undefined;
}

export async function updatePasswordHash(id: string, passwordHash: string, db: Queryable = pool): Promise<void> {
  await db.query(`update users set password_hash = $2, updated_at = now() where id = $1`, [id, passwordHash]);
}

export async function updateProfile(
  id: string,
  changes: { givenName?: string | null; familyName?: string | null; marketingOptIn?: boolean },
  db: Queryable = pool,
): Promise<User> {
  const { rows } = await db.query<UserRow>(
    `update users
        set given_name = coalesce($2, given_name),
            family_name = coalesce($3, family_name),
            marketing_opt_in = coalesce($4, marketing_opt_in),
            updated_at = now()
      where id = $1
      returning *`,
    [id, changes.givenName, changes.familyName, changes.marketingOptIn],
  );
  return toUser(rows[0]!);
}

export async function updateEmail(id: string, email: string, emailNormalized: string, db: Queryable = pool): Promise<void> {
  try {
    await db.query(
      `update users set email = $2, email_normalized = $3, email_verified_at = null, updated_at = now() where id = $1`,
      [id, email, emailNormalized],
    );
  } catch (err) {
    if ((err as { code?: string }).code === "23505") throw new EmailTakenError(email);
    throw err;
  }
}
