export { type OpenStoreOptions, openStore, SQLITE_FILE } from './open.ts';
export { createSealer, keyIdOf, type Sealer } from './seal.ts';
export {
  formatSecretKey,
  generateSecretKey,
  loadSecretKey,
  parseSecretKey,
  rotateSecretKey,
  SECRET_KEY_FILE,
  type SecretKeySource,
} from './secret-key.ts';
export type * from './types.ts';
