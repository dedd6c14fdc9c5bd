// The clause diff engine's public face: parse two terms versions into clauses, align them by content, rate and
// summarise what changed, and show it to a person or as the `diff --json` contract.

export { diffTerms, diffParsedTerms, toContractJson, SECTION_SEPARATOR, type DiffOptions } from './diff-terms.ts';
export { diffClauses, isNoiseOnly } from './diff-clauses.ts';
export { parseClauses, type Clause, type ParsedTerms, type ParseOptions } from './parse-clauses.ts';
export { formatDiffReport, type ReportOptions } from './format-report.ts';
// `runDiffCommand` (src/diff/diff-command.ts) reads files and runs the HTML extraction, so it is imported from its
// own module by the CLI and kept out of this pure entry point.
export type { TextFormat } from './clean-text.ts';
export type { SimilarityLimits } from './similarity.ts';
