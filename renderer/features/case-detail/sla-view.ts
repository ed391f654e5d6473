import { actionRequiredClock, firstResponseClock, isOpenState, type SlaClock, type SupportTier } from '../../../shared/domain';
import type { CommentRecord, ViewCase } from '../../data';

/** The clocks worth showing for a case: first response always (stopped once met), the agent's reply clock while it applies. */
export function slaClocksOf(view: ViewCase, comments: readonly CommentRecord[], tier: SupportTier, now: number): SlaClock[] {
  const input = {
    createTime: view.createTime,
    updateTime: view.updateTime,
    priority: view.priority,
    state: view.state,
    timeZone: view.timeZone,
  };
  const slaComments = comments.map((c) => ({ createTime: c.createTime, creator: { googleSupport: c.googleSupport } }));
  const opts = { tier, now };
  const clocks: SlaClock[] = [firstResponseClock(input, slaComments, opts)];
  const action = actionRequiredClock(input, slaComments, opts);
  if (action) clocks.push(action);
  // A closed case's running clocks mean nothing: only show the stopped ones.
  return isOpenState(view.state) ? clocks : clocks.filter((c) => !c.running);
}
