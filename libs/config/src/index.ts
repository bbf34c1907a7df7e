export * from './app-config';
export * from './load-config';
export * from './leaf-config';
export * from './config.module';
