import { normalizeText, priorityRank, CASE_STATES } from '../../../shared/domain';
import type { ProjectedCase, ProjectionSortKey } from '../../data';
import type { SortKeyValue } from './merge';

/** The value a merged (cross-account) list compares for a sort column; mirrors the projection's order. */
export function sortKeyOf(row: ProjectedCase, key: ProjectionSortKey, slaKeyOf?: (row: ProjectedCase) => number): SortKeyValue {
  switch (key) {
    case 'updateTime':
      return row.updateTimeMs;
    case 'createTime':
      return row.createTimeMs;
    case 'priority':
      return priorityRank(row.priority);
    case 'state':
      return CASE_STATES.indexOf(row.state);
    case 'caseNumber': {
      const n = Number(row.caseNumber);
      return Number.isFinite(n) && row.caseNumber !== '' ? n : row.caseNumber;
    }
    case 'title':
      return normalizeText(row.title);
    case 'customer':
      return normalizeText(row.customerName);
    case 'sla':
      return slaKeyOf?.(row) ?? Number.POSITIVE_INFINITY;
  }
}
