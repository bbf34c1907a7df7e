export * from './agency-client';
export * from './agency-client.errors';
export * from './adapter-api.client';
export { backoffMs, isRetryableError, type RetryInfo } from './retry';
