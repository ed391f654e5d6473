import { describe, expect, it } from 'vitest';
import {
  CASE_STATES,
  PRIORITY_DEFINITIONS,
  SELECTABLE_CASE_STATES,
  SELECTABLE_PRIORITIES,
  canEscalate,
  canManageCases,
  isAgentsTurn,
  isCaseState,
  isOpenState,
  isPriority,
  priorityRank,
} from '../../../../shared/domain';

describe('case vocabulary', () => {
  it('treats every state but CLOSED as open, like the API filter state=OPEN', () => {
    const open = CASE_STATES.filter(isOpenState);
    expect(open).toEqual(['STATE_UNSPECIFIED', 'NEW', 'IN_PROGRESS_GOOGLE_SUPPORT', 'ACTION_REQUIRED', 'SOLUTION_PROVIDED']);
    expect(isOpenState('CLOSED')).toBe(false);
  });

  it('never offers STATE_UNSPECIFIED as a filter choice', () => {
    expect(SELECTABLE_CASE_STATES).not.toContain('STATE_UNSPECIFIED');
    expect(SELECTABLE_CASE_STATES).toHaveLength(5);
  });

  it('marks only ACTION_REQUIRED as the agent’s turn', () => {
    expect(CASE_STATES.filter(isAgentsTurn)).toEqual(['ACTION_REQUIRED']);
  });

  it('guards wire strings', () => {
    expect(isCaseState('NEW')).toBe(true);
    expect(isCaseState('OPEN')).toBe(false); // filter-only pseudo value
    expect(isPriority('P0')).toBe(true);
    expect(isPriority('PRIORITY_UNSPECIFIED')).toBe(false);
    expect(isPriority('S1')).toBe(false);
  });

  it('orders priorities from most to least urgent', () => {
    expect(priorityRank('P0')).toBeLessThan(priorityRank('P1'));
    expect(priorityRank('P3')).toBeLessThan(priorityRank('P4'));
  });

  it('exposes stable i18n ids for P1–P4 definitions and examples', () => {
    expect(SELECTABLE_PRIORITIES).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(PRIORITY_DEFINITIONS.P1.meaningKey).toBe('priority.P1.meaning');
    expect(PRIORITY_DEFINITIONS.P3.exampleKey).toBe('priority.P3.example');
    expect(PRIORITY_DEFINITIONS.P3.workaround).toBe('exists');
    expect(PRIORITY_DEFINITIONS.P4.workaround).toBe('not_needed');
  });

  it('lets only authorised customers have cases managed, and only premium open cases escalate', () => {
    expect(canManageCases('authorized')).toBe(true);
    expect(canManageCases('not_authorized')).toBe(false);
    expect(canManageCases('transferred')).toBe(false);
    expect(canEscalate('premium', 'IN_PROGRESS_GOOGLE_SUPPORT')).toBe(true);
    expect(canEscalate('standard', 'IN_PROGRESS_GOOGLE_SUPPORT')).toBe(false);
    expect(canEscalate('premium', 'CLOSED')).toBe(false);
  });
});
