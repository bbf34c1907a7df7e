interface Cycle {
  nodes: string[];
  imports: string[];
}
interface Allowed {
  from: string;
  to: string;
  reason: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const checker = require('./check-folder-cycles.js') as {
  cycles(graph: Map<string, Set<string>>): string[][];
  analyse(
    files: string[],
    read: (rel: string) => string,
    allowed?: Allowed[],
  ): {
    folders: Cycle[];
    packages: Cycle[];
    sides: { from: string; to: string; specifier: string }[];
    stale: Allowed[];
  };
};

/** Analyses an in-memory repository: path → source. */
function analyse(tree: Record<string, string>, allowed: Allowed[] = []) {
  return checker.analyse(Object.keys(tree), (rel) => tree[rel], allowed);
}

const graph = (edges: Record<string, string[]>) =>
  new Map(Object.entries(edges).map(([from, to]) => [from, new Set(to)]));

describe('the folder cycle check', () => {
  it('finds two folders that import each other, and a cycle through a third', () => {
    expect(checker.cycles(graph({ a: ['b'], b: ['a'] }))).toEqual([['a', 'b']]);
    expect(checker.cycles(graph({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] }))).toEqual([
      ['a', 'b', 'c'],
    ]);
  });

  it('finds no cycle where dependencies point one way', () => {
    expect(checker.cycles(graph({ a: ['b', 'c'], b: ['c'], d: ['a', 'c'] }))).toEqual([]);
  });

  it('reports a feature folder that imports one which imports it back, with the imports that close it', () => {
    const { folders } = analyse({
      'apps/x/src/consultations/consultations.module.ts':
        "import { ClockScheduler } from '../clocks/clock-scheduler';",
      'apps/x/src/clocks/clock-scheduler.ts':
        "import type { Consultation } from '../consultations/consultation.model';",
      'apps/x/src/consultations/consultation.model.ts': 'export interface Consultation {}',
    });
    expect(folders.map((c) => c.nodes)).toEqual([
      ['apps/x/src/clocks', 'apps/x/src/consultations'],
    ]);
    expect(folders[0].imports).toEqual([
      "apps/x/src/clocks/clock-scheduler.ts imports '../consultations/consultation.model' (apps/x/src/consultations)",
      "apps/x/src/consultations/consultations.module.ts imports '../clocks/clock-scheduler' (apps/x/src/clocks)",
    ]);
  });

  it('counts a subfolder as part of its feature, and require() and export-from as imports', () => {
    const { folders } = analyse({
      'apps/x/src/consultations/decide/open.decider.ts': "export * from '../../auth/withholding';",
      'apps/x/src/auth/withholding.ts': "const dto = require('../consultations/consultation.dto');",
      'apps/x/src/consultations/consultation.dto.ts': 'export {};',
    });
    expect(folders.map((c) => c.nodes)).toEqual([['apps/x/src/auth', 'apps/x/src/consultations']]);
  });

  it('lets a composition root import every feature that imports its shared files', () => {
    const { folders, packages } = analyse({
      'apps/x/src/app.module.ts':
        "import { A } from './a/a.module';\nimport { B } from './b/b.module';",
      'apps/x/src/a/a.module.ts': "import { OPTIONS } from '../x.options';",
      'apps/x/src/b/b.module.ts': "import { A } from '../a/a.module';",
      'apps/x/src/x.options.ts': 'export const OPTIONS = 1;',
    });
    expect(folders).toEqual([]);
    expect(packages).toEqual([]);
  });

  it('reports two libraries that import each other through their aliases', () => {
    const { packages } = analyse({
      'libs/messaging/src/index.ts':
        "import type { Bucket } from '@icb/agency-adapter/state/bucket';",
      'libs/agency-adapter/src/state/bucket.ts': "import { publish } from '@icb/messaging';",
    });
    expect(packages.map((c) => c.nodes)).toEqual([['libs/agency-adapter', 'libs/messaging']]);
  });

  it('reports a script and the library it uses that requires it back', () => {
    const { folders, packages } = analyse({
      'scripts/infra.js': "const infra = require('./lib/infra.js');",
      'scripts/lib/infra.js': "require('../infra.js');",
    });
    expect(folders.map((c) => c.nodes)).toEqual([['scripts/infra.js', 'scripts/lib']]);
    expect(packages.map((c) => c.nodes)).toEqual([['scripts', 'scripts/lib']]);
  });

  it('leaves an allowed import out, and reports an allowance whose import is gone', () => {
    const tree = {
      'apps/x/src/a/a.ts': "import '../b/b';",
      'apps/x/src/b/b.ts': "import '../a/a';",
    };
    const allowed = { from: 'apps/x/src/b/b.ts', to: 'apps/x/src/a/a.ts', reason: 'for now' };
    expect(analyse(tree, [allowed])).toMatchObject({ folders: [], stale: [] });
    const gone = { from: 'apps/x/src/b/b.ts', to: 'apps/x/src/c/c.ts', reason: 'done' };
    expect(analyse(tree, [gone]).stale).toEqual([gone]);
    expect(analyse(tree, [gone]).folders).toHaveLength(1);
  });

  it('refuses the write side importing the read side, and a shared folder importing either side', () => {
    const { sides, folders } = analyse({
      'apps/x/src/write/consultations/consultations.service.ts':
        "import { ConsultationDto } from '../../read/consultations/consultation.dto';",
      'apps/x/src/read/consultations/consultation.dto.ts':
        "import type { Consultation } from '../../write/consultations/consultation.model';",
      'apps/x/src/write/consultations/consultation.model.ts': 'export interface Consultation {}',
      'apps/x/src/auth/clearance.ts':
        "import { markingRank } from '../read/withholding/withholding';",
      'apps/x/src/read/withholding/withholding.ts': 'export const markingRank = 1;',
      'apps/x/src/app.module.ts':
        "import '../src/write/consultations/consultations.service';\nimport './read/consultations/consultation.dto';",
    });
    expect(sides.map((v) => `${v.from} -> ${v.to}`).sort()).toEqual([
      'apps/x/src/auth/clearance.ts -> apps/x/src/read/withholding/withholding.ts',
      'apps/x/src/write/consultations/consultations.service.ts -> apps/x/src/read/consultations/consultation.dto.ts',
    ]);
    // A side's features are folders one level down: read/consultations and
    // write/consultations are two folders.
    expect(folders.map((c) => c.nodes)).toEqual([
      ['apps/x/src/read/consultations', 'apps/x/src/write/consultations'],
    ]);
  });

  it('lets the read side import the write side, and the root wire both', () => {
    const { sides, folders } = analyse({
      'apps/x/src/read/consultations/consultation.dto.ts':
        "import type { Consultation } from '../../write/consultations/consultation.model';\nimport { mayRead } from '../../auth/clearance';",
      'apps/x/src/write/consultations/consultation.model.ts':
        "import { mayRead } from '../../auth/clearance';",
      'apps/x/src/auth/clearance.ts': 'export const mayRead = true;',
      'apps/x/src/app.module.ts':
        "import './write/consultations/consultation.model';\nimport './read/consultations/consultation.dto';",
    });
    expect(sides).toEqual([]);
    expect(folders).toEqual([]);
  });
});
