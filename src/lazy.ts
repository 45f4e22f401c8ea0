import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Loads a dependency on first use, synchronously. Keeps `flowport validate` quick to start: zip,
 * PNG, Markdown and progress-bar libraries are only loaded when a connector or option needs them.
 */
export function lazy<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(id) as T;
    return loaded;
  };
}
