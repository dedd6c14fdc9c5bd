import { createHash } from 'node:crypto';
import { ExtractError } from '../domain/errors.ts';
import type { SourceDeclaration } from '../domain/source.ts';
import { extractTerms } from '../sources/extract-terms.ts';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml', '']);
const TEXT_TYPES = new Set(['text/plain', 'text/markdown', 'text/x-markdown']);

/** The document text a terms page yields: Markdown from HTML, Markdown and plain text as they are. */
export function documentText(
  source: Pick<SourceDeclaration, 'select' | 'remove'>,
  page: { readonly mediaType: string; readonly text: string },
): string {
  if (HTML_TYPES.has(page.mediaType)) return extractTerms(page.text, source);
  if (TEXT_TYPES.has(page.mediaType)) {
    const text = page.text.replace(/\r\n?/g, '\n').trim();
    if (text === '') throw new ExtractError('empty_document', 'the document is empty');
    return text;
  }
  throw new ExtractError('unsupported_media_type', `cannot extract terms from a ${page.mediaType} response`);
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
