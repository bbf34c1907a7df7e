import type { Agency } from '@icb/contracts';
import type { SignOffRule } from './sign-off-rule';

export const AGENCY_ADAPTER_OPTIONS = Symbol('AGENCY_ADAPTER_OPTIONS');

export interface AgencyAdapterOptions {
  agency: Agency;
  /** Default HTTP port of this adapter (the HTTP_PORT variable overrides it). */
  httpPort: number;
  /** The environment to read (tests pass their own); `process.env` when omitted. */
  env?: Record<string, string | undefined>;
  /** The agency's own rule on sign-offs posted to `/reviews/{id}/sign-off` (DoD: none while held). */
  signOffRule?: SignOffRule;
}

export function adapterServiceName(agency: Agency): string {
  return `${agency}-adapter`;
}

/** The adapter's agency: the party it publishes as and whose reviews it serves. */
export const ADAPTER_AGENCY = Symbol('ADAPTER_AGENCY');
