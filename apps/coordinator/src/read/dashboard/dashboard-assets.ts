import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';

/** Where the dashboard's files live, relative to the repository root (and to /app in the image). */
export const DASHBOARD_DIR = join('apps', 'coordinator', 'dashboard');

/** The page itself, served at `/`. */
export const DASHBOARD_PAGE = 'index.html';

/** Where every other file of the folder is served: `/dashboard/<path in the folder>`. */
export const DASHBOARD_ASSET_PREFIX = '/dashboard/';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Sent with every file of the dashboard. Everything comes from this origin
 * (no CDN, no inline script or style, no framing); the API and `/events` are
 * the only connections the page makes.
 */
export const DASHBOARD_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  // Revalidate every time (cheap with the ETag): a new release is seen at once.
  'Cache-Control': 'no-cache',
};

/** One file, read once at start-up. */
export interface DashboardFile {
  /** URL path it is served at. */
  urlPath: string;
  contentType: string;
  body: Buffer;
  etag: string;
}

export class DashboardNotFoundError extends Error {
  readonly code = 'DASHBOARD_NOT_FOUND';
  constructor(readonly tried: string[]) {
    super(
      `the dashboard's files (${DASHBOARD_DIR}/${DASHBOARD_PAGE}) were not found in ${tried.join(', ')}`,
    );
    this.name = 'DashboardNotFoundError';
  }
}

/**
 * The dashboard folder, found by walking up from `from` (this file's folder:
 * `apps/coordinator/src/read/dashboard` under Jest, `dist/apps/coordinator/src/read/dashboard`
 * after a build) and then from the working directory (`/app` in the image).
 */
export function findDashboardDir(opts: { from?: string; cwd?: string } = {}): string {
  const tried: string[] = [];
  for (const start of [opts.from ?? __dirname, opts.cwd ?? process.cwd()]) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      const candidate = join(dir, DASHBOARD_DIR);
      if (existsSync(join(candidate, DASHBOARD_PAGE))) return candidate;
      tried.push(candidate);
      if (dirname(dir) === dir) break;
    }
  }
  throw new DashboardNotFoundError(tried);
}

/**
 * Every servable file of the folder (by extension; anything else, such as a
 * README, is not served): the page at `/`, the rest under `/dashboard/`.
 */
export function loadDashboardFiles(dir: string): DashboardFile[] {
  const files: DashboardFile[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const contentType = CONTENT_TYPES[extname(name)];
      if (!contentType) continue;
      const rel = relative(dir, path).split(sep).join('/');
      const body = readFileSync(path);
      files.push({
        urlPath: rel === DASHBOARD_PAGE ? '/' : `${DASHBOARD_ASSET_PREFIX}${rel}`,
        contentType,
        body,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      });
    }
  };
  walk(dir);
  return files;
}
