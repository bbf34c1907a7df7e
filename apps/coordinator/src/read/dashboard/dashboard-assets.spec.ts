import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  DASHBOARD_DIR,
  DASHBOARD_SECURITY_HEADERS,
  DashboardNotFoundError,
  findDashboardDir,
  loadDashboardFiles,
} from './dashboard-assets';

const ROOT = resolve(__dirname, '..', '..', '..', '..', '..');
const SHIPPED = join(ROOT, DASHBOARD_DIR);

describe('the dashboard’s files', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'dashboard-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('are found from the source folder (tests) and from the build output', () => {
    expect(findDashboardDir({ from: __dirname, cwd: tmp })).toBe(SHIPPED);
    const dist = join(ROOT, 'dist', 'apps', 'coordinator', 'src', 'read', 'dashboard');
    expect(findDashboardDir({ from: dist, cwd: tmp })).toBe(SHIPPED);
  });

  it('are found from the working directory, as in the image (/app)', () => {
    const app = join(tmp, 'app');
    mkdirSync(join(app, DASHBOARD_DIR), { recursive: true });
    writeFileSync(join(app, DASHBOARD_DIR, 'index.html'), '<!doctype html>');
    expect(
      findDashboardDir({ from: join(app, 'dist', 'apps', 'coordinator', 'src'), cwd: app }),
    ).toBe(join(app, DASHBOARD_DIR));
  });

  it('missing, stop the coordinator with the folders tried', () => {
    expect(() => findDashboardDir({ from: tmp, cwd: tmp })).toThrow(DashboardNotFoundError);
  });

  it('are served as the page at / and the rest under /dashboard/, scripts, styles and images only', () => {
    writeFileSync(join(tmp, 'index.html'), '<!doctype html>');
    writeFileSync(join(tmp, 'app.js'), 'export {};');
    writeFileSync(join(tmp, 'README.md'), '# not served');
    writeFileSync(join(tmp, '.secret.js'), 'hidden');
    mkdirSync(join(tmp, 'views'));
    writeFileSync(join(tmp, 'views', 'overview.js'), 'export {};');
    const files = loadDashboardFiles(tmp);
    expect(files.map((f) => [f.urlPath, f.contentType])).toEqual([
      ['/dashboard/app.js', 'text/javascript; charset=utf-8'],
      ['/', 'text/html; charset=utf-8'],
      ['/dashboard/views/overview.js', 'text/javascript; charset=utf-8'],
    ]);
    expect(new Set(files.map((f) => f.etag)).size).toBe(2);
  });

  it('include everything the page loads, from this origin only', () => {
    const files = loadDashboardFiles(SHIPPED);
    const paths = new Set(files.map((f) => f.urlPath));
    for (const f of files.filter((x) => /\.(html|js)$/.test(x.urlPath))) {
      const text = f.body.toString('utf8');
      const refs = [
        ...text.matchAll(/(?:src|href)="(\/[^"]*)"/g),
        ...text.matchAll(/from '(\.{1,2}\/[^']+)'/g),
      ].map((m) => m[1]);
      for (const ref of refs) {
        const url = ref.startsWith('/')
          ? ref
          : new URL(ref, `http://x${f.urlPath === '/' ? '/dashboard/' : f.urlPath}`).pathname;
        expect({ from: f.urlPath, ref: url, found: paths.has(url) }).toEqual({
          from: f.urlPath,
          ref: url,
          found: true,
        });
      }
      expect(text).not.toMatch(/https?:\/\//);
    }
  });

  it('are sent with a policy allowing this origin only, no inline script and no framing', () => {
    const csp = DASHBOARD_SECURITY_HEADERS['Content-Security-Policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    expect(DASHBOARD_SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});
