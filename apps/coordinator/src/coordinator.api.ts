import type { ServiceDescription } from '@icb/runtime';

/** How the coordinator describes itself in its OpenAPI document (served at /docs and checked in). */
export const COORDINATOR_API: ServiceDescription = {
  title: 'Coordinator',
  description:
    'Tracks every interagency consultation: who must clear it, sign-offs, statutory clocks, escalations, decisions and congressional notification.',
};
