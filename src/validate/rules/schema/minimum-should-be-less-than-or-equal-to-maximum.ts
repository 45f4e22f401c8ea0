import { minMaxRule } from './_keyword-bounds.ts';

export default minMaxRule(
  'minimum-should-be-less-than-or-equal-to-maximum',
  'MinimumShouldBeLessThanOrEqualToMaximum',
  'minimum',
  'maximum',
);
