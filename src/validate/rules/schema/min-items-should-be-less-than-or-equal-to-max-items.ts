import { minMaxRule } from './_keyword-bounds.ts';

export default minMaxRule(
  'min-items-should-be-less-than-or-equal-to-max-items',
  'MinItemsShouldBeLessThanOrEqualToMaxItems',
  'minItems',
  'maxItems',
);
