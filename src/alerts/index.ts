/** The pure core of alerting: the neutral message, cutting it to a platform, matching, digest schedules. */
export * from './message.ts';
export { alertColor, ERROR_COLOR, SIGNIFICANCE_COLORS, VENDOR_COLORS } from './colors.ts';
export {
  CONSOLE_LIMITS,
  DISCORD_LIMITS,
  fitMessage,
  measureMessage,
  SLACK_LIMITS,
  type MessageLimits,
} from './fit-message.ts';
export { clauseChangeLength, itemLength, truncateText } from './fit-text.ts';
export { matchesSubscription, matchingSubscriptions, matchNewsItems, relevantChanges } from './match.ts';
export {
  digestCron,
  isValidTimezone,
  parseDigestSchedule,
  parseTime,
  parseTimezone,
  type ParsedDigestSchedule,
  type ParseResult,
  type TimeOfDay,
} from './digest.ts';
