export * from './agency-client';
export * from './agency-client.errors';
