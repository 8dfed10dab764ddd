// The help text: the reference for every command and option, kept next to the code that parses them.

export const USAGE = `Usage: grounded <command> [options]

Checks every claim of a Markdown draft against a library of source articles.

Commands:
  check [paths...]        Check Markdown files, or folders of them (searched recursively,
                          skipping hidden folders and node_modules).
  score --pairs FILE      Print one verdict per claim of a JSON Lines file, for evaluation.
                          Each line is {"id", "claim"} (checked against the library) or
                          {"id", "claim", "source"} (checked against that article's text alone).

Options for check:
  --format FORMAT         text (default), json or sarif
  --fail-on LEVEL         Findings that make the exit status 1: contradicted,
                          unsupported (default; includes citation mismatches) or none

Options for check and score:
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
