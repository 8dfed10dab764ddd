// Which archive a command uses: `--database URL`, else GROUNDED_DATABASE_URL, else none. Kept apart from the
// connection code so that commands without a database never load node-postgres.

export function databaseUrlFrom(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = option ?? env.GROUNDED_DATABASE_URL;
  return url === undefined || url.trim() === '' ? undefined : url.trim();
}
