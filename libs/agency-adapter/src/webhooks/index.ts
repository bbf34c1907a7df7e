export * from './webhook.errors';
export * from './webhook-signature';
export * from './webhook-subscription';
export * from './webhook-delivery-log';
export * from './webhook-delivery';
