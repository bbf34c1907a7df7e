export * from './bootstrap';
export * from './openapi-exact';
