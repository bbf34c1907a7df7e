export * from './coordinator.client';
export * from './coordinator.types';
export * from './review.dto';
export * from './review.mapper';
export * from './reviews.errors';
export * from './reviews.module';
export * from './reviews.service';
export * from './sign-off-rule';
