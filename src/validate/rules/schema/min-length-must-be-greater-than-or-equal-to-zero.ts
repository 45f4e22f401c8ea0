import { nonNegativeRule } from './_keyword-bounds.ts';

export default nonNegativeRule(
  'min-length-must-be-greater-than-or-equal-to-zero',
  'MinLengthMustBeGreaterThanOrEqualToZero',
  'minLength',
);
