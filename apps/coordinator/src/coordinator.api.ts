import type { ServiceDescription } from '@icb/runtime';
import swaggerMetadata from './swagger.metadata';

/** How the coordinator describes itself in its OpenAPI document (served at /docs and checked in). */
export const COORDINATOR_API: ServiceDescription = {
  title: 'Coordinator',
  description:
    'Tracks every interagency consultation: who must clear it, sign-offs, statutory clocks, escalations, decisions and congressional notification.\n\n' +
    'Every operation needs a signed-in operator except the health checks and sign-in: `POST /auth/login` answers a session token ' +
    '(send `Authorization: Bearer <token>`; browsers get the `icb_session` cookie), or send HTTP Basic with the username and password, ' +
    'or an API token as Bearer. Roles: `viewer` reads; `action-officer` also replays and discards dead letters and moves the development clock. ' +
    "Content marked above the operator's clearance is withheld (`withheld: true`).",
  signIn: {
    publicPaths: ['/health', '/health/live', '/auth/login', '/auth/logout'],
    cookie: 'icb_session',
  },
  pluginMetadata: [swaggerMetadata],
};
