/**
 * Regular expressions shared by class-validator (`@Matches`) and the generated
 * JSON Schemas (`pattern`), so both validators apply the very same rule. Keep
 * them ASCII-only and free of flags: JSON Schema patterns carry none.
 */

/** Any RFC 9562 UUID in canonical text form (versions 1-8, nil and max), either case. */
export const UUID_PATTERN =
  /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|[fF]{8}-[fF]{4}-[fF]{4}-[fF]{4}-[fF]{12})$/;

/** RFC 3339 date-time in UTC (`Z`), optional fraction: sorts as a string and compares across agencies. */
export const UTC_DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

/** RFC 3339 full-date, e.g. a list's version date. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** ISO 3166-1 alpha-3 country code (upper case), e.g. `GBR`. */
export const COUNTRY_PATTERN = /^[A-Z]{3}$/;

/** Office code, configured elsewhere: `PM/DS`, `PM/RSAT`. */
export const OFFICE_CODE_PATTERN = /^[A-Z]{1,8}(?:\/[A-Z0-9]{1,8}){0,3}$/;

/**
 * A short reference chosen by its issuer (condition id, hold id, rule id, OFAC
 * list entry uid): letters, digits, `-`, `_`, `.`, `:`, `/`; 1-64 characters.
 */
export const REFERENCE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;

/** USML category in Roman numerals, I to XXI. */
export const USML_CATEGORY_PATTERN =
  /^(?:XXI|XX|XIX|XVIII|XVII|XVI|XV|XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)$/;

/** DSCA transmittal number, e.g. `24-45`. */
export const TRANSMITTAL_NUMBER_PATTERN = /^\d{2}-\d{1,4}$/;

/** W3C trace context `traceparent` (version 00). */
export const TRACEPARENT_PATTERN = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;
