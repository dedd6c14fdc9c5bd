/** Delivery of the outbox: the Notifier port adapters implement, its failure kinds, and the worker. */
export {
  createNotifierRegistry,
  type Notifier,
  type NotifierRegistry,
  type SendOptions,
  type SendResult,
} from './notifier.ts';
export {
  classifyFailure,
  DeliveryFailure,
  type ClassifiedFailure,
  type DeliveryFailureDetails,
  type DeliveryFailureKind,
} from './delivery-failure.ts';
export { DEFAULT_DELIVERY_POLICY, retryDelayMs, type DeliveryRetryPolicy } from './retry-policy.ts';
export {
  createDeliveryWorker,
  type DeliveryRunResult,
  type DeliveryWorker,
  type DeliveryWorkerOptions,
} from './delivery-worker.ts';
