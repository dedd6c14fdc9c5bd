import type { Insertable, Selectable } from 'kysely';
import type { AlertMessage } from '../alerts/message.ts';
import { AppError } from '../domain/errors.ts';
import type { SourceDeclaration } from '../domain/source.ts';
import type { DigestSchedule, Platform, Subscription, SubscriptionFilters, Target } from '../domain/subscription.ts';
import { targetKey } from './alert-store.ts';
import type { NewDelivery, Delivery, NewSubscription, Workspace } from './alert-store.ts';
import type { DigestsTable, OutboxTable, SubscriptionsTable, WatchedSourcesTable } from './schema.ts';

/*
 * Rows of the alerting tables (snake_case, as stored) to the alerting ports' records and back. JSON columns
 * were written here from typed values, so reading them back trusts them (as `toEventRecord` does); the
 * columns a query filters on (platform, workspace, channel, user) are checked, being the ones a hand edit or a
 * foreign writer would most likely get wrong.
 */

const PLATFORMS: readonly string[] = ['console', 'discord', 'slack'] satisfies Platform[];

function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && PLATFORMS.includes(value);
}

/** The columns every per-target table stores: the target's parts and its key. */
interface TargetColumns {
  platform: string;
  workspace_id: string;
  channel_id: string | null;
  user_id: string | null;
}

export function targetColumns(target: Target): TargetColumns & { target_key: string } {
  return {
    platform: target.platform,
    workspace_id: target.workspaceId,
    channel_id: target.channelId,
    user_id: target.userId,
    target_key: targetKey(target),
  };
}

export function toTarget(row: TargetColumns): Target {
  return { ...toWorkspace(row), channelId: row.channel_id, userId: row.user_id };
}

export function toWorkspace(row: Pick<TargetColumns, 'platform' | 'workspace_id'>): Workspace {
  if (!isPlatform(row.platform)) {
    throw new AppError('storage_corrupt', `unknown platform ${JSON.stringify(row.platform)} in a stored workspace`);
  }
  return { platform: row.platform, workspaceId: row.workspace_id };
}

/** A target stored as JSON, strictly checked; undefined when `text` is not one (for migrations). */
export function parseTarget(text: string): Target | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { platform, workspaceId, channelId, userId } = value as Record<string, unknown>;
  const idOrNull = (id: unknown): id is string | null => id === null || typeof id === 'string';
  if (!isPlatform(platform) || typeof workspaceId !== 'string' || !idOrNull(channelId) || !idOrNull(userId)) {
    return undefined;
  }
  return { platform, workspaceId, channelId, userId };
}

/** The target as stored in `outbox.target`: fixed key order, so equal targets are equal text. */
export function targetJson(target: Target): string {
  const { platform, workspaceId, channelId, userId } = target;
  return JSON.stringify({ platform, workspaceId, channelId, userId });
}

export function subscriptionRow(subscription: NewSubscription): Insertable<SubscriptionsTable> {
  return {
    ...targetColumns(subscription.target),
    filters: JSON.stringify(subscription.filters),
    mention: subscription.mention,
    created_by: subscription.createdBy,
    created_at: subscription.createdAt,
  };
}

export function toSubscription(row: Selectable<SubscriptionsTable>): Subscription {
  return {
    id: row.id,
    target: toTarget(row),
    filters: JSON.parse(row.filters) as SubscriptionFilters,
    mention: row.mention,
    createdBy: row.created_by,
    createdAt: row.created_at,
    paused: row.paused !== 0,
  };
}

export function digestRow(schedule: DigestSchedule): Insertable<DigestsTable> {
  return {
    ...targetColumns(schedule.target),
    cron: schedule.cron,
    timezone: schedule.timezone,
    last_sent_at: schedule.lastSentAt,
  };
}

export function toDigestSchedule(row: Selectable<DigestsTable>): DigestSchedule {
  return { target: toTarget(row), cron: row.cron, timezone: row.timezone, lastSentAt: row.last_sent_at };
}

export function deliveryRow(delivery: NewDelivery): Insertable<OutboxTable> {
  return {
    idempotency_key: delivery.idempotencyKey,
    platform: delivery.target.platform,
    target: targetJson(delivery.target),
    target_key: targetKey(delivery.target),
    payload: JSON.stringify(delivery.message),
    status: 'pending',
    created_at: delivery.createdAt,
  };
}

export function toDelivery(row: Selectable<OutboxTable>): Delivery {
  const target = parseTarget(row.target);
  if (target === undefined) {
    throw new AppError('storage_corrupt', `outbox row ${String(row.id)}: target is not a stored target: ${row.target}`);
  }
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    target,
    message: JSON.parse(row.payload) as AlertMessage,
    createdAt: row.created_at,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    platformMessageId: row.platform_message_id,
    lastError: row.last_error,
    sentAt: row.sent_at,
  };
}

export function watchedSourceRow(
  declaration: SourceDeclaration,
  addedBy: string,
  workspace: Workspace,
  at: string,
): Insertable<WatchedSourcesTable> {
  return {
    id: declaration.id,
    declaration: JSON.stringify(declaration),
    added_by: addedBy,
    platform: workspace.platform,
    workspace_id: workspace.workspaceId,
    added_at: at,
  };
}

export function toSourceDeclaration(row: Pick<Selectable<WatchedSourcesTable>, 'declaration'>): SourceDeclaration {
  return JSON.parse(row.declaration) as SourceDeclaration;
}
