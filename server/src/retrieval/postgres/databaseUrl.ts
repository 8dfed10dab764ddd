// Which archive a command uses (`--database URL`, else GROUNDED_DATABASE_URL, else none), and how it is named in
// messages. Kept apart from the connection code so that commands without a database never load node-postgres.

export function databaseUrlFrom(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = option ?? env.GROUNDED_DATABASE_URL;
  return url === undefined || url.trim() === '' ? undefined : url.trim();
}

/** Where the URL points, without its password: for messages. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || new URLSearchParams(parsed.search).get('host') || process.env.PGHOST || 'localhost';
    const port = parsed.port || process.env.PGPORT || '5432';
    const db = parsed.pathname.replace(/^\//, '') || process.env.PGDATABASE || parsed.username || process.env.PGUSER || '';
    return `PostgreSQL at ${host}:${port}/${decodeURIComponent(db)}`;
  } catch {
    return 'PostgreSQL (the URL could not be read)';
  }
}
