/** How vendors spell their own names, for headlines ("OpenAI", not "openai"). */
const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  anthropic: 'Anthropic',
  openai: 'OpenAI',
  google: 'Google',
  xai: 'xAI',
  mistral: 'Mistral AI',
  meta: 'Meta',
  cursor: 'Cursor',
  windsurf: 'Windsurf',
  github: 'GitHub',
  microsoft: 'Microsoft',
  deepseek: 'DeepSeek',
  perplexity: 'Perplexity',
  huggingface: 'Hugging Face',
  amazon: 'Amazon',
};

/** The vendor's display name; unknown slugs are capitalised word by word (`acme-labs` → `Acme Labs`). */
export function vendorDisplayName(slug: string): string {
  return (
    DISPLAY_NAMES[slug] ??
    slug
      .split(/[-_\s]+/)
      .filter((word) => word !== '')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(' ')
  );
}
