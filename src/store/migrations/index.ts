import type { Migration } from '../migrate.ts';
import { migration as initial } from './001-initial.ts';
import { migration as triggers } from './002-triggers.ts';
import { migration as userDisabled } from './003-user-disabled.ts';
import { migration as tokenExpiry } from './004-token-expiry.ts';

/** Every migration, in version order; a test checks that each file of this folder is listed. */
export const migrations: readonly Migration[] = [initial, triggers, userDisabled, tokenExpiry];
