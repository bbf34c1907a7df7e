import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  DASHBOARD_SECURITY_HEADERS,
  DashboardFile,
  findDashboardDir,
  loadDashboardFiles,
} from './dashboard-assets';

/** Answers one request for a dashboard file, with a 304 when the browser has it already. */
export function serveDashboardFile(
  file: DashboardFile,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  for (const [name, value] of Object.entries(DASHBOARD_SECURITY_HEADERS)) {
    res.setHeader(name, value);
  }
  res.setHeader('ETag', file.etag);
  if (req.headers['if-none-match'] === file.etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', file.body.length);
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

/**
 * The operators' dashboard (apps/coordinator/dashboard: plain ES modules and
 * CSS, no build step): the page at `/`, its scripts and styles under
 * `/dashboard/`.
 *
 * The files are read once at start-up and registered as plain routes on the
 * HTTP server, one exact path per file, after the API's routes: no path is
 * derived from the request (nothing to traverse), the security headers are
 * ours, and no guard or interceptor of the API applies, since the page and its
 * scripts are public (signing in happens in the page). @nestjs/serve-static
 * would add a catch-all route answering the page for any unknown path.
 * Without an HTTP server (a test module that is only initialised) it does nothing.
 */
@Module({})
export class DashboardModule implements OnModuleInit {
  private readonly logger = new Logger('Dashboard');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!http) return;
    const dir = findDashboardDir();
    const files = loadDashboardFiles(dir);
    for (const file of files) {
      http.get(file.urlPath, (req: IncomingMessage, res: ServerResponse) =>
        serveDashboardFile(file, req, res),
      );
    }
    this.logger.log(`dashboard at / (${files.length} files from ${dir})`);
  }
}
