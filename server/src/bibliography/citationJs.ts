// citation-js (https://citation.js.org) with one of its plugins, loaded when first needed: a start that writes no
// footnote, no BibTeX and reads no .bib file never runs it (1.4 MB of code in bundles of their own: scripts/build.mjs).
// Each plugin is required by its literal name, so the bundler can point it at its bundle.
/* eslint-disable @typescript-eslint/no-require-imports */
export type CitationJs = typeof import('@citation-js/core');

const PLUGINS = {
  csl: () => require('@citation-js/plugin-csl'),
  bibtex: () => require('@citation-js/plugin-bibtex'),
};

/** citation-js's core with `plugin` registered (Node caches each module: later calls cost a lookup). */
export function citationJs(plugin: keyof typeof PLUGINS): CitationJs {
  const core = require('@citation-js/core') as CitationJs;
  PLUGINS[plugin]();
  return core;
}
