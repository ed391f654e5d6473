export * from './contract';
export * from './errors';
export * from './bridge';
export * from './replica';
export * from './outbox';
export * from './accounts';
export * from './agency';
export * from './managed';
