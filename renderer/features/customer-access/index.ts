export { AccessLabel, AccessNotice, PortalButton } from './access-notice';
export { blockText, refusalOf, type Refusal } from './reasons';
