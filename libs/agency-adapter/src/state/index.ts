export * from './adapter-bucket';
export * from './adapter-state.module';
