// How a file is named in reports: relative to the working folder when it lies inside it (short, and the same on
// every machine, so CI logs and SARIF uploads match), absolute otherwise.
import { isAbsolute, relative, resolve, sep } from 'node:path';

export function displayPath(path: string, baseDir: string): string {
  const absolute = resolve(baseDir, path);
  const rel = relative(baseDir, absolute);
  if (rel === '' ) return '.';
  if (rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) return absolute;
  return rel;
}
