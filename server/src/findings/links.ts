// Where people read about a finding: the package's one home page (package.json `homepage`), and the README section of
// each code. Diagnostics, SARIF and the JSON report schema all link here.

import { homepage } from '../../../package.json';
import type { FindingCode } from './codes';

export const HOME_PAGE = homepage;
export const README_URL = `${HOME_PAGE}/blob/main/README.md`;

export function codeHref(code: FindingCode): string {
  return `${README_URL}#${code}`;
}
