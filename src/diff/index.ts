// The clause diff engine's public face: parse two terms versions into clauses, align them by content, rate and
// summarise what changed, and show it to a person or as the `diff --json` contract.

export { diffTerms, toContractJson, SECTION_SEPARATOR, type DiffOptions } from './diff-terms.ts';
export { diffClauses } from './diff-clauses.ts';
export { parseClauses, type Clause, type ParsedTerms, type ParseOptions } from './parse-clauses.ts';
export type { TextFormat } from './clean-text.ts';
export type { SimilarityLimits } from './similarity.ts';
