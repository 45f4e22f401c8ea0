import { minMaxRule } from './_keyword-bounds.ts';

export default minMaxRule(
  'min-length-should-be-less-than-or-equal-to-max-length',
  'MinLengthShouldBeLessThanOrEqualToMaxLength',
  'minLength',
  'maxLength',
);
