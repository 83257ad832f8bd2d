import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ADMIN_TOKEN, startServer, type TestServer } from '../support/server';

const ROOT = resolve(__dirname, '../..');
const GENERATED = join(__dirname, 'generated');

function run(bin: string, args: string[]): void {
  const r = spawnSync(join(ROOT, 'node_modules/.bin', bin), args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
}

/** What the story reads; client-story.ts is typed by the generated client, which only exists once this suite made it. */
type Story = {
  runStory(
    baseUrl: string,
    adminToken: string,
  ): Promise<{
    allocation: { allocated: number; subAllocated: number; disbursed: number; available: number; rate: number; decision: string };
    balances: { total: number; phongTho: number | undefined; laiChau: number | undefined; laiChauPassedDown: number | undefined; paidBy2022: number };
    households: { first: string; second: string; previous: string | null; nearPoor: number; poor: number };
    audit: { types: string[]; reversalReason: string | null; byDecision: string[] };
  }>;
};

describe('a client generated from the served document', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(() => s.close());

  it('generates with openapi-typescript, and the walkthrough written against it type-checks with tsc --strict', async () => {
    rmSync(GENERATED, { recursive: true, force: true });
    mkdirSync(GENERATED, { recursive: true });
    const doc = await fetch(`${s.url}/api/docs-json`);
    expect(doc.status).toBe(200);
    writeFileSync(join(GENERATED, 'openapi.json'), await doc.text());
    run('openapi-typescript', [join(GENERATED, 'openapi.json'), '--output', join(GENERATED, 'ledger-api.d.ts')]);
    writeFileSync(
      join(GENERATED, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'ES2022',
          lib: ['ES2023', 'DOM'],
          types: [],
          skipLibCheck: false,
        },
        files: ['../client-story.ts'],
      }),
    );
    run('tsc', ['-p', join(GENERATED, 'tsconfig.json')]);
  });

  it('runs the walkthrough against the ledger and reads its figures', async () => {
    const { runStory } = require(join(__dirname, 'client-story')) as Story;
    const story = await runStory(s.url, ADMIN_TOKEN);
    expect(story.allocation).toEqual({
      allocated: 71_570_000_000,
      subAllocated: 0,
      disbursed: 27_673_000_000,
      available: 43_897_000_000,
      rate: 38.67,
      decision: '747/QĐ-UBND',
    });
    // Rows carry the allocation view's figures: Lai Châu's gross grant, and what it passed down to Phong Thổ.
    expect(story.balances).toEqual({
      total: 300_000_000_000,
      phongTho: 27_673_000_000,
      laiChau: 300_000_000_000,
      laiChauPassedDown: 71_570_000_000,
      paidBy2022: 27_673_000_000,
    });
    expect(story.households).toEqual({ first: 'poor', second: 'near_poor', previous: 'poor', nearPoor: 1, poor: 0 });
    expect(story.audit.types).toEqual(['AllocationGranted', 'DisbursementRecorded', 'DisbursementRecorded', 'DisbursementRecorded', 'DisbursementReversed']);
    expect(story.audit.reversalReason).toBe('voucher UNC-002 posted twice');
    expect(story.audit.byDecision).toEqual(['FundsPassedDown by lc-finance', 'AllocationGranted by lc-finance']);
  });
});
