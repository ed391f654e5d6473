export { PendingView } from './pending-view';
