import { caseSla, isOpenState, type SlaClock, type SlaPlan } from '../../../shared/domain';
import type { CaseFacts, CommentRecord, ViewCase } from '../../data';
import { slaInputOf, threadOf } from '../sla-plans';

export interface DetailClocks {
  readonly clocks: SlaClock[];
  /** The clock the case list shows for this case (the running one), if any. */
  readonly current: SlaClock | null;
}

/**
 * The clocks worth showing for a case under the customer's plan: first response always
 * (stopped once met), the update clock while it applies. The same caseSla() call as the
 * list's, on the same thread: the live comment list once it has anything, else what the
 * replica knows of the thread.
 */
export function slaClocksOf(
  view: ViewCase,
  comments: readonly CommentRecord[] | undefined,
  facts: CaseFacts | undefined,
  plan: SlaPlan,
  now: number,
): DetailClocks {
  const thread = comments && (comments.length > 0 || facts?.thread !== undefined) ? threadOf(comments) : facts?.thread;
  const sla = caseSla(slaInputOf(view, { timeZone: view.timeZone, thread }), plan, now);
  const clocks: SlaClock[] = [sla.firstResponse];
  if (sla.update) clocks.push(sla.update);
  // A closed case's running clocks mean nothing: only show the stopped ones.
  return { clocks: isOpenState(view.state) ? clocks : clocks.filter((c) => !c.running), current: sla.current };
}
