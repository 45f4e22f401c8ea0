import { type DependencyList, useCallback, useEffect, useState } from 'react';

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: Error }
  | { readonly state: 'done'; readonly value: T };

/** Loads `fn` when `deps` change (the previous load is aborted); `reload()` loads again. */
export function useLoad<T>(fn: (signal: AbortSignal) => Promise<T>, deps: DependencyList) {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `deps` are the caller's
  useEffect(() => {
    const controller = new AbortController();
    fn(controller.signal).then(
      (value) => !controller.signal.aborted && setLoaded({ state: 'done', value }),
      (error: unknown) =>
        !controller.signal.aborted &&
        setLoaded({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => controller.abort();
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [loaded, reload] as const;
}
