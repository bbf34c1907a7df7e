import { createBusValidator } from '@icb/contracts';

/** The compiled (ajv) validators of every message envelope, built once per application. */
export const BUS_VALIDATOR = Symbol('BUS_VALIDATOR');
export type BusValidator = ReturnType<typeof createBusValidator>;

export const busValidatorProvider = {
  provide: BUS_VALIDATOR,
  useFactory: (): BusValidator => createBusValidator(),
};
