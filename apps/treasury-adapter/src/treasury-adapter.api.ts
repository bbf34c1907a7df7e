import { adapterSecuritySchemes, agencyAdapterSwaggerMetadata } from '@icb/agency-adapter';
import type { ServiceDescription } from '@icb/runtime';
import swaggerMetadata from './swagger.metadata';

/** How the Treasury adapter describes itself in its OpenAPI document (served at /docs and checked in). */
export const TREASURY_ADAPTER_API: ServiceDescription = {
  title: 'Treasury adapter',
  description: 'Treasury (OFAC): sanctions screening of every party, with the 50% ownership rule.',
  securitySchemes: adapterSecuritySchemes('treasury'),
  pluginMetadata: [agencyAdapterSwaggerMetadata, swaggerMetadata],
};
