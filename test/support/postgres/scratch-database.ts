/**
 * A database of a test file's own on the server DATABASE_URL names (the one .ci/run starts),
 * so files that run in parallel never share queue rows or registry entries.
 */
import pg from 'pg';

export interface ScratchDatabase {
  /** DATABASE_URL with the scratch database in its path. */
  url: string;
  /** Drops the database, ending the connections still open to it. */
  drop(): Promise<void>;
}

async function asAdmin(adminUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Creates `<prefix>_<pid>_<time>` on the server of `adminUrl`. */
export async function createScratchDatabase(adminUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  await asAdmin(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => asAdmin(adminUrl, `drop database if exists ${name} with (force)`) };
}
