import type { Rule } from '../../rule.ts';
import batchTriggerWithoutArray from './batch-trigger-without-array.ts';
import notificationExtensionNotSupportedInWebhookOperation from './notification-extension-not-supported-in-webhook-operation.ts';
import notificationExtensionSupportedForTriggerOnly from './notification-extension-supported-for-trigger-only.ts';
import notificationOperationMustBeWebhook from './notification-operation-must-be-webhook.ts';
import notificationOperationNotFound from './notification-operation-not-found.ts';
import notificationUrlNotAllowedInThisPosition from './notification-url-not-allowed-in-this-position.ts';
import notificationUrlNotInternal from './notification-url-not-internal.ts';
import notificationUrlNotRequired from './notification-url-not-required.ts';
import notificationUrlNotString from './notification-url-not-string.ts';
import operationMustHaveNotificationContentExtension from './operation-must-have-notification-content-extension.ts';
import pollingTriggerSuccessResponse from './polling-trigger-success-response.ts';
import triggerHintOnAction from './trigger-hint-on-action.ts';
import triggerMetadataInvalid from './trigger-metadata-invalid.ts';
import triggerSummaryStartsWithWhen from './trigger-summary-starts-with-when.ts';
import webhookDeleteOperationMissing from './webhook-delete-operation-missing.ts';
import webhookOperationsMissingNotificationUrlProperty from './webhook-operations-missing-notification-url-property.ts';

export default [
  notificationUrlNotAllowedInThisPosition,
  notificationUrlNotInternal,
  notificationUrlNotRequired,
  notificationUrlNotString,
  webhookOperationsMissingNotificationUrlProperty,
  operationMustHaveNotificationContentExtension,
  notificationExtensionNotSupportedInWebhookOperation,
  notificationExtensionSupportedForTriggerOnly,
  notificationOperationMustBeWebhook,
  notificationOperationNotFound,
  triggerMetadataInvalid,
  webhookDeleteOperationMissing,
  batchTriggerWithoutArray,
  triggerSummaryStartsWithWhen,
  pollingTriggerSuccessResponse,
  triggerHintOnAction,
] satisfies Rule[] as Rule[];
