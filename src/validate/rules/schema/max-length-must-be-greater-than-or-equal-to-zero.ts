import { nonNegativeRule } from './_keyword-bounds.ts';

export default nonNegativeRule(
  'max-length-must-be-greater-than-or-equal-to-zero',
  'MaxLengthMustBeGreaterThanOrEqualToZero',
  'maxLength',
);
