// The clause diff engine's public face: parse two terms versions into clauses, align them by content, rate and
// summarise what changed, and show it to a person or as the `diff --json` contract.

export { diffTerms, diffParsedTerms, toContractJson, SECTION_SEPARATOR, type DiffOptions } from './diff-terms.ts';
export { diffClauses, isNoiseOnly } from './diff-clauses.ts';
export { parseClauses, type Clause, type ParsedTerms, type ParseOptions } from './parse-clauses.ts';
export { formatDiffReport, type ReportOptions } from './format-report.ts';
export { runDiffCommand, DIFF_USAGE, type DiffCommandIo } from './diff-command.ts';
export type { TextFormat } from './clean-text.ts';
export type { SimilarityLimits } from './similarity.ts';
