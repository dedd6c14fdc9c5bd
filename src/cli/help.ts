/** Help texts of the `clausewatch` CLI, one per command. */
export const HELP = {
  main: `clausewatch — watches AI vendors' terms and AI news, and tells you what changed.

Usage: clausewatch [command] [options]

Commands:
  start              run the bot: poll every source on its schedule and post alerts (default)
  check --once       poll every source once and print the events
  sources            list the watched sources and their health
  diff OLD NEW       compare two versions of a terms document clause by clause
  news FEED...       read feeds (files or URLs) and print their items, cleaned, tagged and deduplicated
  exec COMMAND ...   run a slash command (subscribe, digest, latest, …) on the console

Options:
  --config PATH      config file (default: $CLAUSEWATCH_CONFIG, else ./clausewatch.yaml when present)
  -h, --help         help for a command (clausewatch check --help)
  -v, --version      print the version
`,
  start: `Usage: clausewatch start [--config PATH]

Runs the bot until SIGINT/SIGTERM. Terms documents are polled every 15 minutes and feeds every 5 (or on each
source's own schedule). Without chat tokens, alerts are printed to the console.
`,
  check: `Usage: clausewatch check --once [--json] [--source ID]... [--config PATH]

Polls every source (or the given ones) once, records what it finds and prints the events:
  baseline       first sighting of a source (its state is recorded)
  terms-change   a terms document changed (with the clause changes)
  news           a feed has new items
  source-error   a source could not be fetched or read

  --json         one JSON object per line: {"type":…,"source":"<id>",…}
  --source ID    poll only this source (repeatable)
`,
  sources: `Usage: clausewatch sources [--json] [--config PATH]

Lists the watched sources with their health: last fetch, last change, consecutive failures and last error.
`,
} as const;
