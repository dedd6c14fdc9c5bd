import type { Significance } from '../domain/terms-diff.ts';

/** Brand colours of the vendors clausewatch watches, so a channel can tell alerts apart at a glance. */
export const VENDOR_COLORS: Readonly<Record<string, number>> = {
  anthropic: 0xd97757,
  openai: 0x10a37f,
  google: 0x4285f4,
  xai: 0x000000,
  meta: 0x0866ff,
  mistral: 0xfa520f,
  cursor: 0x000000,
  github: 0x24292f,
};

/** Colours for alerts about vendors without a brand colour, by significance; `null` is news without one. */
export const SIGNIFICANCE_COLORS: Readonly<Record<Significance | 'none', number>> = {
  high: 0xe74c3c,
  medium: 0xf1c40f,
  low: 0x95a5a6,
  none: 0x5865f2,
};

/** Colour of alerts about a source that cannot be checked; the same for every vendor, because it is about us. */
export const ERROR_COLOR = 0xed4245;

/** The vendor's brand colour, else the colour of the significance. */
export function alertColor(vendor: string | null, significance: Significance | null): number {
  const brand = vendor === null ? undefined : VENDOR_COLORS[vendor];
  return brand ?? SIGNIFICANCE_COLORS[significance ?? 'none'];
}
