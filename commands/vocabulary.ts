/**
 * The vendors, topics, sources and documents users may name, and checking what they typed against them: an
 * unknown name is a message with the closest known one ("did you mean openai?") and where to find the rest.
 */
import type { ParseResult } from '../src/alerts/digest.ts';
import { defaultRules } from '../src/diff/significance/rules.ts';
import type { SourceDeclaration } from '../src/domain/source.ts';
import { defaultNewsDictionaries } from '../src/news/dictionaries.ts';
import type { CommandContext, Vocabulary } from './command.ts';
import { didYouMean } from './suggest.ts';

const defaultTopics = [
  ...new Set([...Object.keys(defaultNewsDictionaries.topics), ...defaultRules.map((rule) => rule.topic)]),
].sort();
const dictionaryVendors = Object.keys(defaultNewsDictionaries.vendors);

/** Vendor and topic slugs: the context's vocabulary, or the built-in ones plus the vendors of terms sources. */
export function vocabularyOf(context: Pick<CommandContext, 'vocabulary' | 'sources'>): Vocabulary {
  if (context.vocabulary !== undefined) return context.vocabulary;
  const termsVendors = context.sources.filter((source) => source.kind === 'terms').map((source) => source.vendor);
  return { vendors: [...new Set([...dictionaryVendors, ...termsVendors])].sort(), topics: defaultTopics };
}

/** The vendor slugs, lower-cased; the first unknown one is a message with a suggestion. */
export function resolveVendors(inputs: readonly string[], context: CommandContext): ParseResult<string[]> {
  const known = vocabularyOf(context).vendors;
  for (const input of inputs) {
    const vendor = input.toLowerCase();
    if (known.includes(vendor)) continue;
    const outlet = context.sources.filter((source) => source.vendor === vendor);
    if (outlet.length > 0) {
      const ids = outlet.map((source) => source.id).join(', ');
      return fail(`"${input}" is a news outlet, not a vendor; to hear from it use source:${ids}.`);
    }
    return fail(`Unknown vendor "${input}"${didYouMean(vendor, known)} /sources lists the watched vendors.`);
  }
  return { ok: true, value: inputs.map((input) => input.toLowerCase()) };
}

/** The topic slugs, lower-cased; the first unknown one is a message with a suggestion and the list. */
export function resolveTopics(inputs: readonly string[], context: CommandContext): ParseResult<string[]> {
  const known = vocabularyOf(context).topics;
  for (const input of inputs) {
    if (known.includes(input.toLowerCase())) continue;
    return fail(`Unknown topic "${input}"${didYouMean(input, known)} Topics: ${known.join(', ')}.`);
  }
  return { ok: true, value: inputs.map((input) => input.toLowerCase()) };
}

/** The source ids as declared; the first unknown one is a message with a suggestion. */
export function resolveSources(inputs: readonly string[], context: CommandContext): ParseResult<string[]> {
  const resolved: string[] = [];
  for (const input of inputs) {
    const source = findSource(input, context.sources);
    if (source === undefined) return fail(unknownSourceMessage(input, context.sources));
    resolved.push(source.id);
  }
  return { ok: true, value: resolved };
}

/**
 * A terms document by id (`openai/terms-of-use`) or, when `vendor` is given, by the part after the slash
 * (`terms-of-use`).
 */
export function resolveDocument(
  input: string,
  context: CommandContext,
  vendor?: string,
): ParseResult<SourceDeclaration> {
  const documents = context.sources.filter((source) => source.kind === 'terms');
  const wanted = input.toLowerCase();
  const id = vendor !== undefined && !wanted.includes('/') ? `${vendor}/${wanted}` : wanted;
  const document = documents.find((source) => source.id.toLowerCase() === id);
  if (document !== undefined) return { ok: true, value: document };
  const candidates = documents
    .filter((source) => vendor === undefined || source.vendor === vendor)
    .map((source) => source.id);
  if (findSource(input, context.sources) !== undefined) {
    return fail(`"${input}" is a news source, not a terms document; /latest shows its news.`);
  }
  return fail(
    `Unknown document "${input}"${didYouMean(id, candidates)} /terms vendor:<vendor> lists a vendor's documents.`,
  );
}

function findSource(input: string, sources: readonly SourceDeclaration[]): SourceDeclaration | undefined {
  const wanted = input.toLowerCase();
  return sources.find((source) => source.id.toLowerCase() === wanted);
}

function unknownSourceMessage(input: string, sources: readonly SourceDeclaration[]): string {
  const ofVendor = sources.filter((source) => source.vendor === input.toLowerCase()).map((source) => source.id);
  if (ofVendor.length > 0) return `"${input}" is not a source id; its sources: ${ofVendor.join(', ')}.`;
  const ids = sources.map((source) => source.id);
  return `Unknown source "${input}"${didYouMean(input, ids)} /sources lists the watched sources.`;
}

function fail(message: string): { readonly ok: false; readonly message: string } {
  return { ok: false, message };
}
