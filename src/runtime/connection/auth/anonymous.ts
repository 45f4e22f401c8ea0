import type { AuthScheme } from './scheme.ts';

/** No credentials from the platform: the connector authenticates with policies or not at all. */
export const anonymous: AuthScheme = {
  kind: 'none',
  matches: () => true,
  create() {
    return {
      warnings: [],
      apply: function applyNothing() {
        return undefined;
      },
    };
  },
};
