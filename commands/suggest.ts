/**
 * "Did you mean …?": the known value closest to what the user typed. Typos are a few edits away, so the edit
 * distance is bounded by the length of the input; a prefix ("anthro") counts as close too.
 */

/** The candidate closest to `input` (case-insensitive), or undefined when none is close enough to suggest. */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const wanted = input.trim().toLowerCase();
  if (wanted === '') return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = closeness(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= allowedDistance(wanted) ? best : undefined;
}

/** The end of a sentence about an unknown value: " — did you mean openai?", or "." when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const suggestion = closest(input, candidates);
  return suggestion === undefined ? '.' : ` — did you mean ${suggestion}?`;
}

/** One edit per three characters, at least one: "opnai" → "openai", but "xyz" is not "xai". */
function allowedDistance(input: string): number {
  return Math.max(1, Math.floor(input.length / 3));
}

/** Edit distance, except that a candidate starting with the input (at least 3 characters) is as good as 1 edit. */
function closeness(input: string, candidate: string): number {
  if (input === candidate) return 0;
  if (input.length >= 3 && candidate.startsWith(input)) return 1;
  return editDistance(input, candidate);
}

/** Levenshtein distance; inputs are short slugs, so the quadratic table is fine. Transpositions count as one. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      const transposed = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1];
      if (transposed) value = Math.min(value, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(value);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}
