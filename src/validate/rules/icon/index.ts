import type { Rule } from '../../rule.ts';
import iconBackgroundColor from './icon-background-color.ts';
import iconBackgroundMatch from './icon-background-match.ts';
import iconBackgroundNearWhite from './icon-background-near-white.ts';
import iconBackgroundOpaque from './icon-background-opaque.ts';
import iconFormat from './icon-format.ts';
import iconIndependentPublisher from './icon-independent-publisher.ts';
import iconMissing from './icon-missing.ts';
import iconSize from './icon-size.ts';
import iconSizeRecommended from './icon-size-recommended.ts';

export default [
  iconBackgroundColor,
  iconBackgroundMatch,
  iconBackgroundNearWhite,
  iconBackgroundOpaque,
  iconFormat,
  iconIndependentPublisher,
  iconMissing,
  iconSize,
  iconSizeRecommended,
] satisfies Rule[] as Rule[];
