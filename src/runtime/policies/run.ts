import { FlowportError, isFlowportError } from '../../errors.ts';
import type { CompiledPolicy, PolicyContext, RuntimeRequest, RuntimeResponse } from '../types.ts';
import { policyLabel } from './parameters.ts';

/**
 * `strict` (default): a failing policy fails the call. `lenient`: a policy that fails with
 * `POLICY_FAILED` is skipped with a warning (DECIDE 5); other errors still fail the call.
 */
export interface RunOptions {
  readonly mode?: 'strict' | 'lenient';
  /** Called before each policy that runs (for `flowport run --verbose`). */
  readonly onApply?: (policy: CompiledPolicy) => void;
}

async function runOne(
  policy: CompiledPolicy,
  ctx: PolicyContext,
  options: RunOptions,
  step: () => void | Promise<void>,
): Promise<void> {
  try {
    await step();
  } catch (error) {
    const label = policyLabel(policy.instance);
    if (isFlowportError(error)) {
      if (options.mode === 'lenient' && error.code === 'POLICY_FAILED') {
        ctx.warn(`${error.message.replace(/\.$/, '')}; the policy was skipped.`);
        return;
      }
      if (error.message.includes(label)) throw error;
      throw new FlowportError(error.code, `${label} failed: ${error.message}`, { cause: error });
    }
    // The message of a foreign error may quote the values involved (secrets), so only its kind is named.
    const kind = error instanceof Error ? error.name : typeof error;
    const failure = new FlowportError(
      'POLICY_FAILED',
      `${label} at \`${policy.instance.pointer}\` failed with ${kind}; check its parameters and the values they read.`,
      { cause: error },
    );
    if (options.mode === 'lenient') {
      ctx.warn(`${failure.message.replace(/\.$/, '')}; the policy was skipped.`);
      return;
    }
    throw failure;
  }
}

/** The policies that apply to the call's operation, in declared order (DECIDE 2). */
function applicable(policies: readonly CompiledPolicy[], ctx: PolicyContext): CompiledPolicy[] {
  return policies.filter((p) => p.appliesTo(ctx.operation.id));
}

/**
 * Runs the Request-section policies that apply to `ctx.operation` on `request`, one after the other;
 * each sees the changes of the ones before (Cradl AI's ordered chain).
 */
export async function runRequestPolicies(
  policies: readonly CompiledPolicy[],
  request: RuntimeRequest,
  ctx: PolicyContext,
  options: RunOptions = {},
): Promise<void> {
  for (const policy of applicable(policies, ctx)) {
    const hook = policy.request;
    if (policy.section !== 'request' || !hook) continue;
    options.onApply?.(policy);
    await runOne(policy, ctx, options, () => hook.call(policy, request, ctx));
  }
}

/**
 * Runs the Response- or Failure-section policies that apply to `ctx.operation` on `response`. The
 * caller runs `response` for every backend answer and `failure` in addition for failed ones.
 */
export async function runResponsePolicies(
  policies: readonly CompiledPolicy[],
  response: RuntimeResponse,
  ctx: PolicyContext,
  section: 'response' | 'failure',
  options: RunOptions = {},
): Promise<void> {
  for (const policy of applicable(policies, ctx)) {
    const hook = policy.response;
    if (policy.section !== section || !hook) continue;
    options.onApply?.(policy);
    await runOne(policy, ctx, options, () => hook.call(policy, response, ctx));
  }
}
