import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import TurndownService from 'turndown';
import { ExtractError } from '../domain/errors.ts';
import { detectChallengePage } from './challenge-page.ts';

/** Selectors applied to a terms page when its declaration gives none. */
export interface ExtractOptions {
  /** CSS selectors of the document body; matches are joined in document order. Empty: main, article, body. */
  readonly select: readonly string[];
  /** CSS selectors removed before extraction, on top of the defaults. */
  readonly remove: readonly string[];
}

const DEFAULT_BODY_SELECTORS = ['main', '[role="main"]', 'article', 'body'];

/** Page furniture that is never part of a terms document. */
const ALWAYS_REMOVED = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'canvas',
  'form',
  'button',
  'nav',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  'body > header',
  'body > footer',
  'main header nav',
  '[hidden]',
  '#onetrust-consent-sdk',
  '#onetrust-banner-sdk',
  '#CybotCookiebotDialog',
  '.cc-window',
  '[id*="cookie-banner" i]',
  '[class*="cookie-banner" i]',
  '[id*="cookie-consent" i]',
  '[class*="cookie-consent" i]',
  '[id*="cookieconsent" i]',
  '[class*="cookieconsent" i]',
  '[aria-label*="cookie" i][role="dialog"]',
  '[class*="skip-link" i]',
  '[class*="breadcrumb" i]',
];

/** Fewer characters than this after extraction is an error page or an empty shell, not a document. */
const MIN_DOCUMENT_CHARS = 40;

/**
 * Turns a terms page into Markdown that keeps its structure: headings, numbered paragraphs, nested lists,
 * definition lists (`**term**: definition`) and tables (`| a | b |` rows). Throws `ExtractError` when the page is a
 * challenge page, the selectors match nothing, or nothing meaningful is left.
 */
export function extractTerms(html: string, options: ExtractOptions): string {
  const $ = cheerio.load(html);
  const challenge = detectChallengePage($);
  if (challenge !== null)
    throw new ExtractError('challenge_page', `challenge page instead of the document: ${challenge}`);
  const bodies = selectBodies($, options.select);
  const fragment = bodies.map((body) => cleanedHtml($, body, options.remove)).join('\n');
  const markdown = tidyMarkdown(markdownConverter().turndown(fragment));
  if (markdown.length < MIN_DOCUMENT_CHARS) {
    throw new ExtractError('empty_document', `the document is empty after extraction (${markdown.length} characters)`);
  }
  return markdown;
}

function selectBodies($: cheerio.CheerioAPI, select: readonly string[]): AnyNode[] {
  if (select.length > 0) {
    const found = $(select.join(', ')).toArray();
    if (found.length === 0) {
      throw new ExtractError('selector_not_found', `selector ${select.join(', ')} matches nothing on the page`);
    }
    // Nested matches would duplicate text: keep only outermost ones.
    return found.filter((node) => !found.some((other) => other !== node && $(other).find(node as never).length > 0));
  }
  for (const selector of DEFAULT_BODY_SELECTORS) {
    const first = $(selector).first();
    if (first.length > 0) return first.toArray();
  }
  return $.root().toArray();
}

function cleanedHtml($: cheerio.CheerioAPI, body: AnyNode, remove: readonly string[]): string {
  const copy = $(body).clone();
  copy.find([...ALWAYS_REMOVED, ...remove].join(', ')).remove();
  copy.find('[style*="display:none" i], [style*="display: none" i]').remove();
  return $.html(copy);
}

let converter: TurndownService | undefined;

function markdownConverter(): TurndownService {
  if (converter !== undefined) return converter;
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '_',
    strongDelimiter: '**',
  });
  // Terms text is read by people and parsed into clauses, not re-rendered: no Markdown escapes like "3\.".
  service.escape = (text: string) => text;
  service.addRule('definition-term', {
    filter: ['dt'],
    replacement: (content) => `\n\n**${content.trim()}**: `,
  });
  service.addRule('definition-description', {
    filter: ['dd'],
    replacement: (content) => `${content.trim()}\n\n`,
  });
  service.addRule('table-cell', {
    filter: ['th', 'td'],
    replacement: (content) => ` ${content.replace(/\s+/g, ' ').trim()} |`,
  });
  service.addRule('table-row', {
    filter: ['tr'],
    replacement: (content) => `\n|${content}`,
  });
  service.addRule('table', {
    filter: ['table'],
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  });
  service.addRule('table-sections', {
    filter: ['thead', 'tbody', 'tfoot', 'caption'],
    replacement: (content) => content,
  });
  converter = service;
  return service;
}

function tidyMarkdown(markdown: string): string {
  return markdown
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
