import { nonNegativeRule } from './_keyword-bounds.ts';

export default nonNegativeRule(
  'min-properties-must-be-greater-than-or-equal-to-zero',
  'MinPropertiesMustBeGreaterThanOrEqualToZero',
  'minProperties',
);
