export * from './proto-json';
export * from './errors';
export * from './cloud-support';
export * from './reseller';
export * from './resource-manager';
export * from './status-feed';
export * from './oidc';
export * from './capabilities';
