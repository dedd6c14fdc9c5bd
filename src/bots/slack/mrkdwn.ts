/**
 * Slack mrkdwn for text we do not control (page text, news titles, user input): Slack parses `<…>` as links
 * and mentions and `&…;` as entities, so page text could ping a channel (`<!channel>`) or a user
 * (`<@U123>`). Escaping `&`, `<`, `>` makes those plain text; mentions only ever come from
 * {@link slackMention}.
 */
import { truncateText } from '../../alerts/fit-text.ts';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Zero-width space: breaks a pattern Slack would act on without changing what the reader sees. */
const ZWSP = '\u200b';

/**
 * Page or user text as mrkdwn that shows it literally: `&`, `<`, `>` escaped, and the bare `@channel`,
 * `@here`, `@everyone` words broken so no client setting (`link_names`) turns them into pings.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/[&<>]/gu, (character) => ENTITIES[character] ?? character)
    .replace(/@(channel|here|everyone)\b/giu, `@${ZWSP}$1`);
}

/**
 * Text for inside a ``` block: escaped as {@link escapeMrkdwn}, and runs of backticks broken up so page
 * text cannot close the block early and have the rest parsed as mrkdwn.
 */
export function escapeCode(text: string): string {
  return escapeMrkdwn(text).replace(/`{3,}/gu, (run) => Array.from({ length: run.length }, () => '`').join(ZWSP));
}

/** A link `<url|label>`: the URL escaped (and `|` encoded, which would end it), the label escaped. */
export function slackLink(url: string, label: string): string {
  const safeUrl = escapeMrkdwn(url).replaceAll('|', '%7C');
  const safeLabel = escapeMrkdwn(label).replaceAll('|', '¦');
  return safeLabel === '' ? `<${safeUrl}>` : `<${safeUrl}|${safeLabel}>`;
}

/** Mentions as Slack writes them: `<@U123>`, `<!here>`, `<!subteam^S123>`, `<#C123>`. */
const SLACK_MENTION =
  /^<(?:@[UW][A-Z0-9]{1,30}|!(?:here|channel|everyone)|!subteam\^[A-Z0-9]{1,30})(?:\|[^<>]{0,80})?>$/u;
const MENTION_WORDS: Readonly<Record<string, string>> = {
  '@here': '<!here>',
  '@channel': '<!channel>',
  '@everyone': '<!everyone>',
};

/**
 * The subscription's mention as Slack markup, or null when it is not a Slack mention (a Discord role
 * `<@&123>` stored by mistake must not turn into text that looks like a ping, or into one).
 */
export function slackMention(mention: string | null): string | null {
  if (mention === null) return null;
  const trimmed = mention.trim();
  const word = MENTION_WORDS[trimmed.toLowerCase()];
  if (word !== undefined) return word;
  return SLACK_MENTION.test(trimmed) ? trimmed : null;
}

/**
 * Cuts already-rendered mrkdwn to `max` characters without leaving broken markup: no half entity
 * (`&am`), no unclosed `<link`, and an opened ``` block closed again.
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const closing = '\n```';
  let cut = truncateText(text, Math.max(0, max - closing.length));
  // Drop a trailing half entity or half link before the ellipsis that truncateText added.
  const body = cut.endsWith('…') ? cut.slice(0, -1) : cut;
  const repaired = body.replace(/&[a-z]{0,3}$/u, '').replace(/<[^<>]*$/u, '');
  cut = repaired === body ? cut : `${repaired}…`;
  const fences = cut.split('```').length - 1;
  return fences % 2 === 1 ? `${cut}${closing}` : cut;
}

/** Plain text (headers, button labels) cut to `max`; Slack renders it literally, so no escaping. */
export function truncatePlain(text: string, max: number): string {
  return truncateText(text, max);
}
