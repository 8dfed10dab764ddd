// The package version, bundled in by esbuild so `grounded --version` and SARIF need no file access at run time.
import { version } from '../../../package.json';

export const TOOL_VERSION: string = version;
