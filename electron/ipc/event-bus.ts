import { eventContract, type EventChannel, type PayloadOf } from '../../shared/ipc';

export type EventListener = (event: EventChannel, payload: unknown) => void;

/** Events from main to every trusted page; the host (shell or harness) subscribes once and forwards. */
export interface EventBus {
  publish<E extends EventChannel>(event: E, payload: PayloadOf<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    publish(event, payload) {
      // Validate outgoing payloads: a bug in main must not feed bad data to the page.
      const checked = eventContract[event].parse(payload);
      for (const listener of listeners) listener(event, checked);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
