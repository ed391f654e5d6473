export { CaseDetail } from './case-detail';
