// Three versions of a small terms document, stored through the real SQLite store, for the /terms and /diff tests.
import type { TestBed } from './commands-test-kit.ts';
import { sha256, versionPoll } from './commands-test-kit.ts';

export const V1 = [
  '# Commercial Terms',
  '## 1. Fees',
  '1.1 Customer pays the fees stated in the order form within 30 days of the invoice date.',
  '## 2. Your Content',
  '2.1 We do not train our models on Customer Content.',
  '## 3. Termination',
  '3.1 Either party may terminate this agreement with 30 days written notice.',
].join('\n\n');
export const V2 = V1.replace('within 30 days of the invoice', 'within 15 days of the invoice');
export const V3 = V2.replace('We do not train our models', 'We may train our models');

export const DOCUMENT = 'anthropic/commercial-terms';

/** V1 on 10 January, V2 on 15 February, V3 on 20 March 2026; OpenAI's terms with a baseline only. */
export async function storeHistory(bed: TestBed): Promise<void> {
  await bed.store.recordPoll(versionPoll(DOCUMENT, '2026-01-10T00:00:00.000Z', V1, 'baseline'));
  await bed.store.recordPoll(versionPoll(DOCUMENT, '2026-02-15T00:00:00.000Z', V2, 'change'));
  await bed.store.recordPoll(versionPoll(DOCUMENT, '2026-03-20T00:00:00.000Z', V3, 'change'));
  await bed.store.recordPoll(
    versionPoll('openai/terms-of-use', '2026-02-01T00:00:00.000Z', 'Terms of use.', 'baseline'),
  );
}

/** The first 12 hex digits of a text's version id, as replies show them. */
export function shortId(text: string): string {
  return sha256(text).slice(0, 12);
}
