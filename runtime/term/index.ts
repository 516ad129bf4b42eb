export * from './atom.js';
export * from './binary.js';
export * from './float.js';
export * from './fun.js';
export * from './identity.js';
export * from './list.js';
export * from './map.js';
export * from './term.js';
