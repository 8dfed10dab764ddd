// The `.grounded.yaml` that `grounded init` writes: every key, each explained in a comment.
//
// The values are the defaults, written out so that CI and every writer's editor check alike. `sources.paths` is the
// one key left commented out: a folder named there must exist (loadProjectConfig reports a missing one), and a
// starter file must load without a single problem in a project that has no `sources/` folder yet.

import { CONFIG_FILE_NAME } from './projectConfig';

export const STARTER_CONFIG = `# ${CONFIG_FILE_NAME}: Grounded's settings for this folder and every folder below it (the nearest such file
# above a draft applies). Every key is optional: delete one to fall back to the editor settings or the CLI options.
# Relative paths start at this file's folder.

sources:
  # Folders (or single files) of source articles, read recursively. \`~\` is your home folder.
  # paths: [sources/]
  # Also check against the sample sources that ship with Grounded.
  includeBundled: true

drafts:
  # Which Markdown files are drafts to check (globs; every .md and .markdown file when left out).
  include: ["**/*.md", "**/*.markdown"]
  # Files to leave alone even when \`include\` matches them; these win over \`include\`.
  exclude: []

# How each finding is shown: error, warning, information, hint, or off.
severity:
  # The sources say otherwise.
  contradicted: error
  # No source backs the claim.
  unsupported: warning
  # The claim cites a source that does not back it, or one that is not in the library.
  citation-mismatch: warning
  # The sources back the claim, but it cites none of them.
  uncited: hint
  # The sources back the claim, but not some of its words (named in the message).
  unbacked-detail: information

# How "Cite" writes a citation: footnote ([^id]) or pandoc ([@id]).
citationStyle: footnote
# The CSL style of the footnote definitions "Cite" writes: chicago-note, apa, vancouver or harvard1.
footnoteStyle: chicago-note
# A bibliography file of the sources for Pandoc (--bibliography), kept up to date by \`grounded bibliography --write\`
# and the editor's "Cite": .json (CSL-JSON) or .bib (BibTeX).
# bibliography: refs.json

# Claims you vouched for with "Accept this claim": not reported while their text stays the same.
accepted: []
`;
