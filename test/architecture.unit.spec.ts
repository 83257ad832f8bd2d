import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

const cruise = (cwd: string) =>
  spawnSync(
    process.execPath,
    [CLI, '--config', '.dependency-cruiser.cjs', '--output-type', 'err', ...['libs', 'apps', 'bench'].filter((d) => d !== 'bench' || cwd === ROOT)],
    { cwd, encoding: 'utf8' },
  );

describe('layering (dependency-cruiser, .dependency-cruiser.cjs)', () => {
  it('holds on the code: the domain imports nothing of ours, the ledger only the domain, adapters never apps', () => {
    const r = cruise(ROOT);
    expect(`${r.stdout}${r.stderr}`).toMatch(/no dependency violations found/);
    expect(r.status).toBe(0);
  });

  it('catches a breach: a domain file importing the ledger, a use case importing NestJS', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layers-'));
    try {
      const file = (path: string, text: string) => {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      };
      copyFileSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
      copyFileSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
      file('libs/domain/src/rule.ts', "import { useCase } from '../../ledger/src/use-case';\nexport const rule = useCase;\n");
      file('libs/ledger/src/use-case.ts', "import { Injectable } from '@nestjs/common';\nexport const useCase = Injectable;\n");
      file('apps/api/src/main.ts', 'export const main = 1;\n');
      const r = cruise(dir);
      expect(r.status).not.toBe(0);
      expect(r.stdout).toMatch(/domain-imports-nothing-of-ours: libs\/domain\/src\/rule\.ts → libs\/ledger\/src\/use-case\.ts/);
      expect(r.stdout).toMatch(/ledger-no-framework: libs\/ledger\/src\/use-case\.ts → \S*node_modules\/@nestjs\/common/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
