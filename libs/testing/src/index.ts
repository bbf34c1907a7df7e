export * from './test-env';
export * from './agency-tokens';
export * from './test-keys';
export * from './wait-for';
export * from './test-bus';
export * from './http-service';
export * from './operators';
export * from './own-nats';
