export * from './errors.js';
export * from './parse.js';
export * from './password-policy.js';
export * from './protocol.js';
export * from './bridge.js';
export * from './values.js';
