import { nonNegativeRule } from './_keyword-bounds.ts';

export default nonNegativeRule(
  'min-items-must-be-greater-than-or-equal-to-zero',
  'MinItemsMustBeGreaterThanOrEqualToZero',
  'minItems',
);
