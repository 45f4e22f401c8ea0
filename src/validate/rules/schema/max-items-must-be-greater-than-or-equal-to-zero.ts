import { nonNegativeRule } from './_keyword-bounds.ts';

export default nonNegativeRule(
  'max-items-must-be-greater-than-or-equal-to-zero',
  'MaxItemsMustBeGreaterThanOrEqualToZero',
  'maxItems',
);
