export { NewCaseView } from './new-case-view';
