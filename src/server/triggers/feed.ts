/**
 * In-process news of stored events, per subscription: the event stream route wakes on it instead
 * of waiting for its next store read. Other nodes' events are found by that periodic read.
 */
import { EventEmitter } from 'node:events';

export class EventFeed {
  readonly #emitter = new EventEmitter();

  constructor() {
    // One listener per open stream.
    this.#emitter.setMaxListeners(0);
  }

  /** Says that `subscriptionId` has new events. */
  notify(subscriptionId: string): void {
    this.#emitter.emit(subscriptionId);
  }

  /** Calls `listener` on news of `subscriptionId`; returns the function that stops it. */
  listen(subscriptionId: string, listener: () => void): () => void {
    this.#emitter.on(subscriptionId, listener);
    return () => this.#emitter.off(subscriptionId, listener);
  }
}
