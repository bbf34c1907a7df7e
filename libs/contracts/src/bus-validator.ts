import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { MESSAGES, MESSAGE_NAMES, type MessageName, type PayloadOf } from './catalog';
import { isValidMarking, MARKING_FORMAT } from './classification';
import type { MessageDefinition } from './define';
import type { Envelope } from './envelope';
import { buildClassSchemas, envelopeSchema, payloadSchema } from './json-schema';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };
export type EnvelopeValidationResult<N extends MessageName> =
  | { ok: true; envelope: Envelope<PayloadOf<N>> }
  | { ok: false; errors: string[] };
export type PayloadValidationResult<N extends MessageName> =
  | { ok: true; payload: PayloadOf<N> }
  | { ok: false; errors: string[] };

/** Most error strings reported for one message. */
export const MAX_REPORTED_ERRORS = 20;

/** The options every boundary validates payloads with (Nest's ValidationPipe turns the last one off by default). */
export const CLASS_VALIDATOR_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
} as const;

function formatAjvError(e: ErrorObject): string {
  const path = e.instancePath === '' ? '(root)' : e.instancePath;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `${path} must NOT have additional property '${String(params.additionalProperty)}'`;
    case 'enum':
      return `${path} must be one of: ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'const':
      return `${path} must be ${JSON.stringify(params.allowedValue)}`;
    default:
      return `${path} ${e.message ?? e.keyword}`;
  }
}

function ajvErrors(errors: ErrorObject[] | null | undefined): string[] {
  // if/then failures repeat as "must match \"then\" schema" next to the real cause.
  const useful = (errors ?? []).filter((e) => e.keyword !== 'if');
  return useful.slice(0, MAX_REPORTED_ERRORS).map(formatAjvError);
}

/** A fresh ajv configured for the bus's schemas (formats, the marking format). */
export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  addFormats(ajv, { mode: 'full', formats: ['date-time', 'date'] });
  ajv.addFormat(MARKING_FORMAT, { type: 'string', validate: isValidMarking });
  return ajv;
}

export interface BusValidator {
  /**
   * Validates a whole event (already parsed from JSON) against the envelope
   * schema of `name`, and its `subject` against the payload. The returned
   * envelope is the input, typed.
   */
  validateEnvelope<N extends MessageName>(name: N, value: unknown): EnvelopeValidationResult<N>;
  /** Validates a payload alone with the same (ajv) schemas. */
  validatePayload<N extends MessageName>(name: N, value: unknown): PayloadValidationResult<N>;
}

/**
 * Compiles one ajv validator per message (envelope and payload) from the
 * generated schemas. Build it once per process: compiling takes a while,
 * validating a message takes microseconds.
 */
export function createBusValidator(): BusValidator {
  const ajv = createAjv();
  const schemas = buildClassSchemas();
  const envelopes = new Map<MessageName, ValidateFunction>();
  const payloads = new Map<MessageName, ValidateFunction>();
  for (const name of MESSAGE_NAMES) envelopes.set(name, ajv.compile(envelopeSchema(schemas, name)));
  // Payload-only validators serve tests and tools: compiled on first use, then kept.
  const payloadValidator = (name: MessageName): ValidateFunction | undefined => {
    if (!envelopes.has(name)) return undefined;
    let check = payloads.get(name);
    if (!check) {
      check = ajv.compile(payloadSchema(schemas, name));
      payloads.set(name, check);
    }
    return check;
  };

  const unknownMessage = (name: string): { ok: false; errors: string[] } => ({
    ok: false,
    errors: [`(root) unknown message "${name}"`],
  });

  return {
    validateEnvelope<N extends MessageName>(name: N, value: unknown): EnvelopeValidationResult<N> {
      const check = envelopes.get(name);
      if (!check) return unknownMessage(name);
      if (!check(value)) return { ok: false, errors: ajvErrors(check.errors) };
      const envelope = value as Envelope<PayloadOf<N>>;
      const def = MESSAGES[name] as unknown as MessageDefinition<PayloadOf<N>>;
      const expected = def.subjectOf(envelope.data);
      if (envelope.subject !== expected) {
        return {
          ok: false,
          errors: [`/subject must be "${expected}", the matter the data is about`],
        };
      }
      return { ok: true, envelope };
    },
    validatePayload<N extends MessageName>(name: N, value: unknown): PayloadValidationResult<N> {
      const check = payloadValidator(name);
      if (!check) return unknownMessage(name);
      if (!check(value)) return { ok: false, errors: ajvErrors(check.errors) };
      return { ok: true, payload: value as PayloadOf<N> };
    },
  };
}

function flattenClassValidatorErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = `${parent}/${e.property}`;
    const own = Object.values(e.constraints ?? {}).map((m) => `${path} ${m}`);
    return [...own, ...flattenClassValidatorErrors(e.children ?? [], path)];
  });
}

/**
 * Validates a payload with class-transformer and class-validator (whitelist,
 * forbidNonWhitelisted, forbidUnknownValues): for the HTTP and CLI edges,
 * which want an instance of the payload class. Same result shape as the bus.
 * Synchronous: no payload class has an async rule.
 */
export function validatePayloadWithClassValidator<N extends MessageName>(
  name: N,
  data: unknown,
): PayloadValidationResult<N> {
  if (!Object.prototype.hasOwnProperty.call(MESSAGES, name)) {
    return { ok: false, errors: [`(root) unknown message "${name}"`] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, errors: ['(root) must be object'] };
  }
  const cls = MESSAGES[name].payload as unknown as new () => PayloadOf<N>;
  const instance = plainToInstance(cls, data);
  const errors = validateSync(instance as object, CLASS_VALIDATOR_OPTIONS);
  if (errors.length > 0) {
    return { ok: false, errors: flattenClassValidatorErrors(errors).slice(0, MAX_REPORTED_ERRORS) };
  }
  return { ok: true, payload: instance };
}
