// The help text: the reference for every command and option, kept next to the code that parses them.

export const USAGE = `Usage: grounded <command> [options]

Checks every claim of a Markdown draft against a library of source articles.

Commands:
  check [paths...]        Check Markdown files, or folders of them (searched recursively,
                          skipping hidden folders, node_modules and what .gitignore lists;
                          in a folder with a .grounded.yaml, only the drafts its globs name).
  init                    Write a commented starter .grounded.yaml into the current folder.
  index --database URL DIR...
                          Read folders of source articles into the newsroom archive in
                          PostgreSQL (idempotent: unchanged files are skipped, deleted ones
                          removed). Credentials from the URL, PG* variables or ~/.pgpass.
  bibliography            Print the source library's metadata as a bibliography, keyed by
                          the source ids drafts cite ([@id], [^id]), for Pandoc, Zotero, LaTeX.
  score --pairs FILE      Print one verdict per claim of a JSON Lines file, for evaluation.
                          Each line is {"id", "claim"} (checked against the library) or
                          {"id", "claim", "source"} (checked against that article's text alone).

Options for check:
  --format FORMAT         text (default), json, sarif or github (workflow annotations)
  --fail-on LEVEL         Findings that make the exit status 1: contradicted,
                          unsupported (default; includes citation mismatches),
                          error or warning (by the severities the config sets), or none
  --fix                   Cite the backing source after every supported claim that cites
                          nothing (the editor's "Cite all"); files are rewritten atomically
  --dry-run               With --fix: print the changes as a unified diff, write nothing
  --max-file-size SIZE    Larger drafts are named and not checked (default 5M; 800k, 2M…)
  --database URL          Also retrieve from the archive in PostgreSQL (or GROUNDED_DATABASE_URL);
                          an unreachable database is an error (exit 2), never "unsupported"
  --cache DIR             Keep the analysed sources in DIR: a later check reads and analyses
                          only the source files that changed (none without this option)

Each draft is checked with the nearest .grounded.yaml above it: its sources, severities,
citation style and accepted claims. --sources adds to its source folders.

Options for bibliography:
  --format FORMAT         csl-json (default) or bibtex
  --write                 Write the "bibliography" file the .grounded.yaml names (refs.json,
                          refs.bib: the format its name says) instead of printing; only
                          when its text changes

Options for check, score and bibliography:
  --sources DIR           Add the articles in DIR to the library (repeatable)
  --no-bundled-sources    Leave out the articles bundled with Grounded

Options for score:
  --pairs FILE            The claims to score (JSON Lines)
  --format jsonl          Output format (the only one, and the default)

  -h, --help              Show this help
  --version               Print the version

Exit status: 0 when no finding reaches --fail-on, 1 when one does,
2 on a usage error or an input that could not be read (the other inputs are still checked).
`;

export const USAGE_HINT = "Run 'grounded --help' for usage.";
