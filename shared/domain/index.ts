// Pure domain rules shared by the main process, the renderer and the sandbox: standard
// ECMAScript + Intl only (no Node, no DOM), so every layer applies the same rules.
export * from './case-model';
export * from './time';
export * from './zoned-time';
export * from './reopen-window';
export * from './search-tokens';
export * from './pii-checksums';
export * from './pii-scan';
export * from './sla';
export * from './sla-plans';
export * from './limits';
export * from './validation';
export * from './case-access';
export * from './search-highlight';
export * from './category-match';
export * from './contact-header';
export * from './incidents';
export * from './stopwords';
