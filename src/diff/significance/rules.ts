// Placeholder: the significance rule set (replaced by the real rules).
export interface SignificanceRule {
  readonly topic: string;
}

export const defaultRules: readonly SignificanceRule[] = [];
