export * from './canonical';
export * from './envelope-signature';
export * from './key-registry';
