import { adapterSecuritySchemes, agencyAdapterSwaggerMetadata } from '@icb/agency-adapter';
import type { ServiceDescription } from '@icb/runtime';
import swaggerMetadata from './swagger.metadata';

/** How the CIA adapter describes itself in its OpenAPI document (served at /docs and checked in). */
export const CIA_ADAPTER_API: ServiceDescription = {
  title: 'CIA adapter',
  description:
    'Central Intelligence Agency: intelligence assessments with classification and dissemination controls.',
  securitySchemes: adapterSecuritySchemes('cia'),
  pluginMetadata: [agencyAdapterSwaggerMetadata, swaggerMetadata],
};
