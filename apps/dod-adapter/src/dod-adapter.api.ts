import { adapterSecuritySchemes, agencyAdapterSwaggerMetadata } from '@icb/agency-adapter';
import type { ServiceDescription } from '@icb/runtime';
import swaggerMetadata from './swagger.metadata';

/** How the DoD adapter describes itself in its OpenAPI document (served at /docs and checked in). */
export const DOD_ADAPTER_API: ServiceDescription = {
  title: 'DoD adapter',
  description:
    'Department of Defense (DSCA, DTSA): technical and releasability review, concurrence with security conditions, and a hold while its review is incomplete.',
  securitySchemes: adapterSecuritySchemes('dod'),
  pluginMetadata: [agencyAdapterSwaggerMetadata, swaggerMetadata],
};
