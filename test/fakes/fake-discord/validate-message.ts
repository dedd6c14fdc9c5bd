// The message checks Discord makes before it accepts a message: the limits the renderer must keep.
import type { Json } from './fake-state.ts';

const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
  rows: 5,
  perRow: 5,
  customId: 100,
  label: 80,
  nonce: 25,
} as const;

interface Embed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
}

interface Row {
  components?: { custom_id?: string; label?: string }[];
}

/** The first broken rule as `path: reason` (the `errors` of a 50035 answer), or null when the body is valid. */
export function invalidMessage(body: Json): string | null {
  const content = typeof body.content === 'string' ? body.content : '';
  const embeds = Array.isArray(body.embeds) ? (body.embeds as Embed[]) : [];
  const rows = Array.isArray(body.components) ? (body.components as Row[]) : [];
  if (content.length > LIMITS.content) return `content: must be ${LIMITS.content} or fewer in length`;
  const nonce = body.nonce;
  if (typeof nonce === 'string' && nonce.length > LIMITS.nonce) return 'nonce: must be 25 or fewer in length';
  if (embeds.length > LIMITS.embeds) return 'embeds: must be 10 or fewer in length';
  let total = 0;
  for (const [index, embed] of embeds.entries()) {
    const problem = invalidEmbed(embed);
    if (problem !== null) return `embeds.${index}.${problem}`;
    total += embedLength(embed);
  }
  if (total > LIMITS.total) return 'embeds: embed size exceeds maximum size of 6000';
  if (rows.length > LIMITS.rows) return 'components: must be 5 or fewer in length';
  for (const [index, row] of rows.entries()) {
    const buttons = row.components ?? [];
    if (buttons.length === 0 || buttons.length > LIMITS.perRow) return `components.${index}.components: 1 to 5 items`;
    for (const button of buttons) {
      if ((button.custom_id?.length ?? 0) > LIMITS.customId) return `components.${index}: custom_id over 100`;
      if ((button.label?.length ?? 0) > LIMITS.label) return `components.${index}: label over 80`;
    }
  }
  return null;
}

function invalidEmbed(embed: Embed): string | null {
  if ((embed.title?.length ?? 0) > LIMITS.title) return 'title: must be 256 or fewer in length';
  if ((embed.description?.length ?? 0) > LIMITS.description) return 'description: must be 4096 or fewer in length';
  if ((embed.footer?.text.length ?? 0) > LIMITS.footer) return 'footer.text: must be 2048 or fewer in length';
  if ((embed.author?.name.length ?? 0) > LIMITS.author) return 'author.name: must be 256 or fewer in length';
  const fields = embed.fields ?? [];
  if (fields.length > LIMITS.fields) return 'fields: must be 25 or fewer in length';
  for (const [index, field] of fields.entries()) {
    if (field.name.length === 0 || field.name.length > LIMITS.fieldName) return `fields.${index}.name: 1 to 256`;
    if (field.value.length === 0 || field.value.length > LIMITS.fieldValue) return `fields.${index}.value: 1 to 1024`;
  }
  return null;
}

function embedLength(embed: Embed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** Whether the body would post nothing at all (Discord's 50006). */
export function isEmptyMessage(body: Json): boolean {
  const content = typeof body.content === 'string' ? body.content : '';
  const embeds = Array.isArray(body.embeds) ? body.embeds : [];
  return content === '' && embeds.length === 0;
}
