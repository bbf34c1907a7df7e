export * from './agency-adapter.module';
export * from './intel';
export * from './reviews';
export * from './webhooks';
export * from './webhooks/webhooks.module';
export * from './webhooks/review-intake.handlers';
export * from './webhooks/webhook-subscriptions.service';
export * from './reviews/reviews.filter';
