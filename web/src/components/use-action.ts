import { useCallback, useState } from 'react';

export interface ActionOptions {
  /** Names the action while it runs, for `running` (several buttons share one `useAction`). */
  readonly name?: string;
  /** Reacts to a failure and returns the error to keep: the thrown one, or one that says more. */
  readonly onError?: (error: Error) => Error;
}

/**
 * A form's or button's async action: `run(action)` clears the last `error`, sets `busy` until the
 * action settles, and keeps what it throws as `error` (an `Error`). `running` is the running
 * action's `name` (`''` when it has none).
 * @example
 * const { busy, error, run } = useAction();
 * const revoke = () => run(() => api.revokeToken(id), { name: id });
 */
export function useAction() {
  const [running, setRunning] = useState<string | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const run = useCallback(async (action: () => Promise<unknown>, options: ActionOptions = {}) => {
    setRunning(options.name ?? '');
    setError(undefined);
    try {
      await action();
    } catch (e) {
      const thrown = e instanceof Error ? e : new Error(String(e));
      setError(options.onError ? options.onError(thrown) : thrown);
    } finally {
      setRunning(undefined);
    }
  }, []);
  return { busy: running !== undefined, running, error, run };
}
