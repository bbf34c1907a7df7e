/* eslint-disable @typescript-eslint/no-require-imports */
const stackServers = require('./lib/stack-servers.js') as {
  leafAgenciesOf(argv: string[]): string[];
  leafPorts(agency: string): { port: number; monitorPort: number };
  serverPorts(p: { cluster: boolean; leafAgencies?: string[] }): [number, string][];
  leafServiceEnv(
    out: { leaves?: { agency: string; url: string; monitorUrl: string }[] },
    name: string,
  ): Record<string, string | undefined>;
};
const natsAuth = require('./lib/nats-auth.js') as {
  generatePasswords(leafAgencies?: string[]): Record<string, string>;
  generateAuthConfig(o: { passwords: Record<string, string>; leafAgencies?: string[] }): string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

describe('npm start -- --leaf (ADR 21, scripts/lib/stack-servers.js)', () => {
  it('reads the agencies of --leaf dod, --leaf=dod,cia and repeated flags, once each', () => {
    expect(stackServers.leafAgenciesOf(['node', 'stack.js'])).toEqual([]);
    expect(stackServers.leafAgenciesOf(['--leaf', 'dod'])).toEqual(['dod']);
    expect(stackServers.leafAgenciesOf(['--leaf=dod,cia', '--leaf', 'dod'])).toEqual([
      'dod',
      'cia',
    ]);
    expect(() => stackServers.leafAgenciesOf(['--leaf'])).toThrow(/needs agencies/);
    expect(() => stackServers.leafAgenciesOf(['--leaf', '--cluster'])).toThrow(/needs agencies/);
    expect(() => stackServers.leafAgenciesOf(['--leaf=dod,mi6'])).toThrow(/unknown agency "mi6"/);
  });

  it("checks the hub's leafnodes port and each leaf's ports only when leaf nodes are asked for", () => {
    // NATS_URL set means no local NATS server, so no NATS port to check.
    const shared = process.env.NATS_URL;
    delete process.env.NATS_URL;
    try {
      const plain = stackServers.serverPorts({ cluster: false }).map(([p]) => p);
      expect(plain).not.toContain(7422);
      const ports = stackServers.serverPorts({ cluster: false, leafAgencies: ['dod', 'cia'] });
      expect(ports.map(([p]) => p)).toEqual(expect.arrayContaining([7422, 4242, 8242, 4244, 8244]));
      expect(stackServers.leafPorts('state-pm')).toEqual({ port: 4241, monitorPort: 8241 });
    } finally {
      if (shared !== undefined) process.env.NATS_URL = shared;
    }
  });

  it("points an agency's adapter at its leaf, tells the coordinator which leaves to source, and leaves the others alone", () => {
    const out = {
      leaves: [{ agency: 'dod', url: 'nats://127.0.0.1:4242', monitorUrl: 'http://x' }],
    };
    expect(stackServers.leafServiceEnv(out, 'dod-adapter')).toEqual({
      NATS_URL: 'nats://127.0.0.1:4242',
      NATS_LEAF_DOMAIN: 'dod',
      NATS_REPLICAS: '1',
      NATS_TLS_CA_FILE: undefined,
    });
    expect(stackServers.leafServiceEnv(out, 'coordinator')).toEqual({ NATS_LEAF_AGENCIES: 'dod' });
    expect(stackServers.leafServiceEnv(out, 'cia-adapter')).toEqual({});
    expect(stackServers.leafServiceEnv({}, 'coordinator')).toEqual({});
  });

  it("adds each leaf's user to the hub's users, allowed to join only as a leaf node", () => {
    const passwords = natsAuth.generatePasswords(['dod']);
    expect(passwords['leaf-dod']).toMatch(/^[\w-]{32}$/);
    const config = natsAuth.generateAuthConfig({ passwords, leafAgencies: ['dod'] });
    const leafUser = config.slice(config.indexOf('user: "leaf-dod"'));
    expect(leafUser).toContain('allowed_connection_types: ["LEAFNODE"]');
    expect(leafUser).toContain('"$JS.hub.API.CONSUMER.CREATE.ICB_EVENTS.*.icb.evt.*.*.*.*.dod"');
    expect(natsAuth.generateAuthConfig({ passwords })).not.toContain('leaf-dod');
    expect(() => natsAuth.generateAuthConfig({ passwords, leafAgencies: ['cia'] })).toThrow(
      /no password .* "leaf-cia"/,
    );
  });
});
