import { adapterSecuritySchemes, agencyAdapterSwaggerMetadata } from '@icb/agency-adapter';
import type { ServiceDescription } from '@icb/runtime';
import swaggerMetadata from './swagger.metadata';

/** How the State/PM adapter describes itself in its OpenAPI document (served at /docs and checked in). */
export const STATE_PM_ADAPTER_API: ServiceDescription = {
  title: 'State/PM adapter',
  description:
    'Bureau of Political-Military Affairs: opens consultations for every line of business and runs congressional notification.',
  securitySchemes: adapterSecuritySchemes('state-pm'),
  pluginMetadata: [agencyAdapterSwaggerMetadata, swaggerMetadata],
};
