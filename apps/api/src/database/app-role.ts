import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source.js';
import { migrate } from './migrator.js';

/**
 * The role Trellis's requests run as: it owns no table, so it cannot switch row-level security off
 * (`ALTER TABLE ... DISABLE ROW LEVEL SECURITY` needs the owner), and it is no superuser (superusers
 * bypass the policies). Migrations run as the tables' owner (the DATABASE_URL user, or
 * DATABASE_MIGRATION_URL's), which then grants this role what the app needs on every start.
 *
 * Two ways to run:
 * - one URL (`npm start`, most installs): the app connects as the owner and every connection starts
 *   with `-c role=<DATABASE_APP_ROLE>` (a NOLOGIN role the owner is a member of; `RESET ROLE` keeps it,
 *   only an explicit `SET ROLE NONE` would return to the owner: a wall against mistakes, not against
 *   SQL injection);
 * - two URLs (DATABASE_MIGRATION_URL = the owner, DATABASE_URL = a login that owns nothing): the
 *   owner grants DATABASE_URL's user the same rights and no SET ROLE is needed; nothing in the
 *   app's connections can become the owner.
 * When the owner cannot create or join the role (no CREATEROLE and nobody made it), Trellis runs as the
 * owner and says so in one warning line: the policies still apply (they are FORCEd), but the app could
 * switch them off.
 */
export interface DatabaseRoles {
  /** The role every app connection starts in (`-c role=...`), or null: run as the URL's user. */
  setRole: string | null;
  /** One line for the log when the app ends up owning the tables. */
  warning: string | null;
}

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Privileges of the role that runs the app: read and write rows, nothing on the schema itself. */
export async function grantAppRole(owner: DataSource, role: string): Promise<void> {
  const quoted = quoteIdentifier(role);
  await owner.query(`GRANT USAGE ON SCHEMA ${quoteIdentifier(await currentSchema(owner))} TO ${quoted}`);
  await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${quoteIdentifier(await currentSchema(owner))} TO ${quoted}`);
  await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${quoteIdentifier(await currentSchema(owner))} TO ${quoted}`);
  // The migration history is the owner's business.
  await owner.query(`REVOKE ALL ON TABLE migrations FROM ${quoted}`);
}

async function currentSchema(source: DataSource): Promise<string> {
  const [row] = (await source.query('SELECT current_schema() AS schema')) as { schema: string }[];
  return row!.schema;
}

/** Makes the NOLOGIN role (if this user may) and makes the current user a member of it; false when it cannot. */
async function ensureSetRole(owner: DataSource, role: string): Promise<boolean> {
  const [found] = (await owner.query(
    `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists,
            (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) AS "canCreate"`,
    [role],
  )) as { exists: boolean; canCreate: boolean }[];
  if (!found!.exists) {
    if (!found!.canCreate) return false;
    try {
      await owner.query(`CREATE ROLE ${quoteIdentifier(role)} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`);
    } catch (error) {
      // Another process (another database on this server) made it at the same moment.
      if (!['42710', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
    }
  }
  // PostgreSQL 16+ tells membership from the right to SET ROLE (a CREATEROLE user gets only ADMIN on
  // the roles it creates); before 16, members may always SET ROLE.
  const canSet = async () => {
    const [row] = (await owner.query(
      `SELECT pg_has_role(current_user, $1, CASE WHEN current_setting('server_version_num')::int >= 160000 THEN 'SET' ELSE 'MEMBER' END) AS can`,
      [role],
    )) as { can: boolean }[];
    return row!.can;
  };
  if (await canSet()) return true;
  try {
    await owner.query(`GRANT ${quoteIdentifier(role)} TO CURRENT_USER`);
  } catch {
    return false;
  }
  return canSet();
}

/**
 * Migrates the database as its owner and prepares the role the app runs as (see above). Holds the
 * migration lock, so processes starting together take turns.
 */
export async function prepareDatabase(options: {
  /** The owner's URL: DATABASE_MIGRATION_URL, else DATABASE_URL. */
  ownerUrl: string;
  /** The URL the app connects with. */
  appUrl: string;
  /** The NOLOGIN role to run as when both URLs are the same user. */
  appRole: string;
}): Promise<DatabaseRoles> {
  if (!ROLE_NAME.test(options.appRole)) throw new Error(`Not a role name: ${options.appRole}`);
  const owner = createDataSource(options.ownerUrl, { extra: { max: 3, application_name: 'trellis-migrate' } });
  await owner.initialize();
  try {
    return await migrate(owner, async () => {
      const ownerUser = decodeURIComponent(new URL(options.ownerUrl).username);
      const appUser = decodeURIComponent(new URL(options.appUrl).username);
      if (appUser && appUser !== ownerUser) {
        await grantAppRole(owner, appUser);
        return { setRole: null, warning: null };
      }
      if (await ensureSetRole(owner, options.appRole)) {
        await grantAppRole(owner, options.appRole);
        return { setRole: options.appRole, warning: null };
      }
      const [who] = (await owner.query('SELECT current_user AS user')) as { user: string }[];
      return {
        setRole: null,
        warning:
          `the database user ${who!.user} cannot create or join the role ${options.appRole}, so Trellis runs as the tables' owner ` +
          `(row-level security still applies, but the app could switch it off): create the role once as a superuser ` +
          `(CREATE ROLE ${options.appRole} NOLOGIN; GRANT ${options.appRole} TO ${who!.user}) or set DATABASE_MIGRATION_URL (see README).`,
      };
    });
  } finally {
    await owner.destroy();
  }
}
