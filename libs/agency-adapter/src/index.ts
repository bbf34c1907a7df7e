export * from './agency-adapter.module';
export * from './webhooks';
