export { refreshStatus, useStatusFeedRefresh, useStatusStore } from './status-store';
export { StatusTab } from './status-tab';
export { StatusView } from './status-view';
