/** HTTP response shapes the coordinator and the agency adapters share. */
export * from './review-clock.dto';
export * from './verdict-consultation.dto';
