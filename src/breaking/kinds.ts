import type { Severity } from '../validate/rule.ts';

/** Where a change is: an operation, one of its parameters, an input or output field, or the connector. */
export type ChangeArea = 'operation' | 'parameter' | 'input' | 'output' | 'connector';

export interface ChangeKind {
  readonly id: string;
  readonly severity: Severity;
  readonly area: ChangeArea;
  /**
   * The sentence Microsoft's Breaking Change Detector prints for it, word for word where it was seen
   * in pipeline output (`observed`), else flowport's own in the same style.
   */
  readonly message: string;
  readonly observed: boolean;
  /** What to do instead, for the report and the docs. */
  readonly fix: string;
}

const VERSIONING =
  'If existing flows must keep working, keep the old shape and add the new one beside it (a new operation, or a new `x-ms-api-annotation` revision), and deprecate the old one.';

/**
 * Every change `flowport breaking` reports, as data: the registry, the docs and the reporters read it.
 * Microsoft's detector runs in the pull-request pipeline and fails it on errors; reviewers accept
 * them only when the connector has no users yet (spec: ../shared/spec/certification.md §3).
 */
export const CHANGE_KINDS = [
  {
    id: 'operation-deleted',
    severity: 'error',
    area: 'operation',
    message: 'The operation has been deleted. This change breaks existing flows.',
    observed: true,
    fix: 'Keep the operation (operations are matched by `operationId`, so a rename counts as a deletion); to retire it, set `deprecated: true` and `x-ms-visibility: internal` instead.',
  },
  {
    id: 'operation-hidden',
    severity: 'error',
    area: 'operation',
    message: 'The operation has been hidden.',
    observed: true,
    fix: 'Leave the visibility as it was; to retire the operation, mark it `deprecated: true` first.',
  },
  {
    id: 'operation-path-changed',
    severity: 'error',
    area: 'operation',
    message: 'The path template has been changed for the operation.',
    observed: true,
    fix: `Keep the path template of an existing operation. ${VERSIONING}`,
  },
  {
    id: 'operation-method-changed',
    severity: 'error',
    area: 'operation',
    message: 'The HTTP method has been changed for the operation.',
    observed: false,
    fix: `Keep the HTTP method of an existing operation. ${VERSIONING}`,
  },
  {
    id: 'trigger-kind-changed',
    severity: 'error',
    area: 'operation',
    message: 'The trigger type has been changed for the operation.',
    observed: false,
    fix: 'Keep an operation an action, a polling trigger or a webhook trigger, and keep its `x-ms-trigger` (`single` or `batch`); add a new operation for the other kind.',
  },
  {
    id: 'operation-deprecated',
    severity: 'info',
    area: 'operation',
    message: 'The operation has been deprecated.',
    observed: false,
    fix: 'Nothing to do: deprecating is the approved way to retire an operation; existing flows keep working and the designer stops offering it.',
  },
  {
    id: 'parameter-required-added',
    severity: 'error',
    area: 'parameter',
    message: 'The required parameter has been added.',
    observed: true,
    fix: 'Make the new parameter optional (`required: false`); if the API needs it, send it with a policy (`setqueryparameter`, `setheader`) or custom code. Microsoft flags a new required parameter even when it has a default.',
  },
  {
    id: 'parameter-location-changed',
    severity: 'error',
    area: 'parameter',
    message: 'The location has been changed for the parameter.',
    observed: true,
    fix: 'Keep the parameter where it was (`in`); if the API moved it, send it from its old place with a policy (`setheader`, `setqueryparameter`) or custom code.',
  },
  {
    id: 'parameter-deleted',
    severity: 'warning',
    area: 'parameter',
    message: 'The parameter has been deleted.',
    observed: false,
    fix: 'Keep the parameter (as `x-ms-visibility: internal` if users should no longer set it); existing flows still send it. A required parameter removed is an error.',
  },
  {
    id: 'input-required-field-added',
    severity: 'error',
    area: 'input',
    message: 'The required input field has been added.',
    observed: true,
    fix: 'Add the field as optional (not in `required`), with a `default` if the API needs a value; Microsoft flags a new required field even when it has a default.',
  },
  {
    id: 'input-optional-to-required',
    severity: 'error',
    area: 'input',
    message: 'The input field has been changed from optional to required.',
    observed: true,
    fix: 'Keep the field optional; fill it in from a `default` or a policy when the API now needs it.',
  },
  {
    id: 'input-type-changed',
    severity: 'error',
    area: 'input',
    message: 'The type has been changed for the input field.',
    observed: true,
    fix: `Keep the field's \`type\`. ${VERSIONING}`,
  },
  {
    id: 'input-format-changed',
    severity: 'error',
    area: 'input',
    message: 'The type format has been changed for the input field.',
    observed: false,
    fix: `Keep the field's \`format\`. ${VERSIONING}`,
  },
  {
    id: 'input-enum-value-removed',
    severity: 'error',
    area: 'input',
    message: 'An enum value has been removed from the input field.',
    observed: true,
    fix: 'Keep every value existing flows may send; values may be added.',
  },
  {
    id: 'input-enum-added',
    severity: 'error',
    area: 'input',
    message: 'The list of enum values has been added to the input field.',
    observed: true,
    fix: 'Leave the field free; offer the values with `x-ms-enum-values` display names or dynamic values without restricting it.',
  },
  {
    id: 'input-hidden',
    severity: 'error',
    area: 'input',
    message: 'The input field has been hidden without a default value.',
    observed: false,
    fix: 'Give the field a `default` when making it `x-ms-visibility: internal`, so existing flows still send a value.',
  },
  {
    id: 'output-field-deleted',
    severity: 'error',
    area: 'output',
    message: 'The output field has been deleted.',
    observed: true,
    fix: 'Keep the field in the response schema; flows that use it would break. Mark it `x-ms-visibility: internal` to hide it from new flows.',
  },
  {
    id: 'output-type-changed',
    severity: 'error',
    area: 'output',
    message: 'The type has been changed for the output field.',
    observed: true,
    fix: `Keep the field's \`type\`. ${VERSIONING}`,
  },
  {
    id: 'output-format-changed',
    severity: 'error',
    area: 'output',
    message: 'The type format has been changed for the output field.',
    observed: true,
    fix: `Keep the field's \`format\`. ${VERSIONING}`,
  },
  {
    id: 'output-schema-removed',
    severity: 'error',
    area: 'output',
    message: 'The response schema has been removed.',
    observed: false,
    fix: 'Keep the response schema of a success response; flows use its fields.',
  },
  {
    id: 'output-status-changed',
    severity: 'warning',
    area: 'output',
    message: 'The success status code has been changed for the operation.',
    observed: false,
    fix: 'Keep describing the old success status code (the API may still send it), beside the new one.',
  },
  {
    id: 'output-hidden',
    severity: 'warning',
    area: 'output',
    message: 'The output field has been hidden.',
    observed: false,
    fix: 'Flows that already use the field keep working, but it no longer shows in the designer; keep it visible unless that is intended.',
  },
  {
    id: 'pageable-changed',
    severity: 'warning',
    area: 'operation',
    message: 'The paging of the operation has been changed.',
    observed: false,
    fix: 'Keep `x-ms-pageable` and its `nextLinkName`: flows with pagination turned on follow the next link by that name.',
  },
  {
    id: 'dynamic-source-changed',
    severity: 'warning',
    area: 'parameter',
    message: 'The source of the dynamic values has been changed for the parameter.',
    observed: false,
    fix: 'Keep the operation and parameters that `x-ms-dynamic-values` (or `-list`, `-schema`, `-properties`) call, or make sure the new source returns the same values: flows saved the old ones.',
  },
  {
    id: 'connection-parameter-added',
    severity: 'error',
    area: 'connector',
    message: 'The required connection parameter has been added.',
    observed: false,
    fix: 'Make the new connection parameter optional: existing connections have no value for it, and their users would have to create them again.',
  },
  {
    id: 'connection-parameter-deleted',
    severity: 'error',
    area: 'connector',
    message: 'The connection parameter has been deleted.',
    observed: false,
    fix: 'Keep the connection parameter (hidden if it is no longer used): existing connections hold a value for it, and policies may read it.',
  },
  {
    id: 'connection-parameter-type-changed',
    severity: 'error',
    area: 'connector',
    message: 'The type has been changed for the connection parameter.',
    observed: false,
    fix: 'Keep the type of a connection parameter; existing connections hold a value of the old type.',
  },
  {
    id: 'identity-provider-changed',
    severity: 'error',
    area: 'connector',
    message: 'The identity provider has been changed.',
    observed: false,
    fix: 'Keep the OAuth identity provider: existing connections were signed in with the old one. Publish a new connector instead.',
  },
  {
    id: 'security-type-changed',
    severity: 'error',
    area: 'connector',
    message: 'The authentication type has been changed.',
    observed: false,
    fix: 'Changing the authentication type of a published connector is not allowed: every existing connection would stop working. Publish a new connector instead.',
  },
  {
    id: 'host-changed',
    severity: 'warning',
    area: 'connector',
    message: 'The host or base path has been changed.',
    observed: false,
    fix: 'Make sure the old address keeps answering, or that every existing connection can reach the new one.',
  },
] as const satisfies readonly ChangeKind[];

export type ChangeKindId = (typeof CHANGE_KINDS)[number]['id'];

const BY_ID = new Map<string, ChangeKind>(CHANGE_KINDS.map((k) => [k.id, k]));

export function changeKind(id: ChangeKindId): ChangeKind {
  return BY_ID.get(id) as ChangeKind;
}
