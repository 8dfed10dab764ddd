// Paths as the writer gives them and as the checks compare them, written once for the CLI, the server and the config.

import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** `~` is the home folder; a relative path starts at `base` (and means nothing without one: undefined). */
export function resolveUserPath(path: string, base: string): string;
export function resolveUserPath(path: string, base: string | undefined): string | undefined;
export function resolveUserPath(path: string, base: string | undefined): string | undefined {
  if (path === '~' || path.startsWith('~/') || path.startsWith('~\\')) return join(homedir(), path.slice(1));
  if (isAbsolute(path)) return resolve(path);
  return base === undefined ? undefined : resolve(base, path);
}

/** Whether `path` is `folder` or lies inside it, by their names (resolve links first where a link must not lead out). */
export function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
