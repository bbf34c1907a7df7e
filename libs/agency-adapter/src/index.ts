export * from './agency-adapter.module';
