import { eventContract, type EventChannel, type PayloadOf } from '../../shared/ipc';
import type { Logger } from '../ports';

export type EventListener = (event: EventChannel, payload: unknown) => void;

/** Events from main to every trusted page; the host (shell or harness) subscribes once and forwards. */
export interface EventBus {
  publish<E extends EventChannel>(event: E, payload: PayloadOf<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(logger: Logger): EventBus {
  const listeners = new Set<EventListener>();
  return {
    publish(event, payload) {
      // Validate outgoing payloads: a bug in main must not feed bad data to the page — nor throw
      // into the sync loop or the outbox that published it. The event is dropped and logged.
      const checked = eventContract[event].safeParse(payload);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        logger.error('events: dropped a payload outside its schema', {
          event,
          issue: issue ? `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}` : 'unknown',
        });
        return;
      }
      for (const listener of listeners) {
        try {
          listener(event, checked.data);
        } catch (error) {
          logger.error('events: a listener threw', { event, error: error instanceof Error ? error.message : String(error) });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
