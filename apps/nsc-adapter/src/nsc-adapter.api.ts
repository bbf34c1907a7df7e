import { adapterSecuritySchemes, agencyAdapterSwaggerMetadata } from '@icb/agency-adapter';
import type { ServiceDescription } from '@icb/runtime';
import swaggerMetadata from './swagger.metadata';

/** How the NSC adapter describes itself in its OpenAPI document (served at /docs and checked in). */
export const NSC_ADAPTER_API: ServiceDescription = {
  title: 'NSC adapter',
  description:
    'National Security Council: policy review; chairs the escalation ladder and records its decisions.',
  securitySchemes: adapterSecuritySchemes('nsc'),
  pluginMetadata: [agencyAdapterSwaggerMetadata, swaggerMetadata],
};
