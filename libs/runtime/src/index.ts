export * from './bootstrap';
export * from './openapi-exact';
export * from './query-integer';
export * from './rate-limit';
export * from './http';
