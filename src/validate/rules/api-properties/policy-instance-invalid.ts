import { policyCompile } from '../../policy-compile-lazy.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'policy-instance-invalid',
  description:
    "A policy's parameters must be what its template takes: expressions that parse, values of the kinds it accepts, a section it runs in.",
  category: 'api-properties',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Correct the parameter as the message says; the policy template reference lists what each takes.',
  visit: {
    // The runtime's own reading of the instance, as `flowport run` compiles it: what it refuses there
    // makes the policy fail or be left out. Unknown templates and absent required parameters have
    // rules of their own (`policy-template-unknown`, `policy-template-parameters`).
    policy(policy, ctx) {
      for (const d of policyCompile().policyProblems(policy))
        ctx.report({ message: d.message, at: { file: 'apiProperties', pointer: d.pointer } });
    },
  },
});
