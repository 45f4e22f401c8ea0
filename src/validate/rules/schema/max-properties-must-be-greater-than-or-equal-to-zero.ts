import { nonNegativeRule } from './_keyword-bounds.ts';

export default nonNegativeRule(
  'max-properties-must-be-greater-than-or-equal-to-zero',
  'MaxPropertiesMustBeGreaterThanOrEqualToZero',
  'maxProperties',
);
