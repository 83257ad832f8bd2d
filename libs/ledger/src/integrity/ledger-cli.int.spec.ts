import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../../apps/cli/src/cli';
import { appendEvents, rechain, tamper, tempLedger, type TempLedger } from './tamper-fixture.spec';

/**
 * The `ledger` program run in-process. It lives here rather than in apps/cli because jest.config.js
 * only collects specs under libs/ and test/.
 */
async function ledger(env: Record<string, string>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('ledger CLI', () => {
  let tmp: TempLedger;
  let env: Record<string, string>;
  let headHash: string;

  beforeEach(async () => {
    tmp = tempLedger();
    env = { LEDGER_DB: tmp.file };
    headHash = (await appendEvents(tmp.file)).at(-1)!.hash;
  });
  afterEach(() => tmp.remove());

  it('prints help, and usage on stderr with exit 2 for unknown or missing commands', async () => {
    const help = await ledger(env, 'help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/ledger verify \[--since checkpoint.json\]/);
    expect(help.out).toMatch(/ledger checkpoint keygen --out DIR/);
    expect((await ledger(env, 'help', 'verify')).out).toMatch(/ledger verify/);
    for (const argv of [['frobnicate'], []]) {
      const r = await ledger(env, ...argv);
      expect(r).toMatchObject({ code: 2, out: '' });
      expect(r.err).toMatch(/usage:\n {2}ledger verify/);
    }
  });

  it('refuses bad arguments with exit 2', async () => {
    expect((await ledger(env, 'verify', '--bogus')).code).toBe(2);
    expect((await ledger(env, 'verify', '--public-key', 'k.pem')).code).toBe(2);
    expect((await ledger(env, 'verify', 'extra')).code).toBe(2);
    expect((await ledger(env, 'checkpoint')).code).toBe(2);
    expect((await ledger(env, 'checkpoint', 'frob')).code).toBe(2);
    expect((await ledger(env, 'checkpoint', 'sign')).code).toBe(2);
    expect((await ledger(env, 'checkpoint', 'keygen')).code).toBe(2);
  });

  it('verifies an intact ledger and prints its head', async () => {
    const r = await ledger(env, 'verify');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(`intact: 20 events, head position 20, digest ${headHash}`);
    const integrity = await ledger(env, 'integrity');
    expect(integrity.code).toBe(0);
    expect(JSON.parse(integrity.out)).toEqual({ position: 20, hash: headHash });
  });

  it('does not create a ledger that is not there', async () => {
    const missing = join(tmp.dir, 'typo.db');
    const r = await ledger({ LEDGER_DB: missing }, 'verify');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no ledger at/);
    expect(existsSync(missing)).toBe(false);
  });

  it('exits 1 naming the broken position', async () => {
    tamper(tmp.file, (db) => db.prepare("UPDATE events SET data = json_set(data, '$.amount', 1) WHERE position = 7").run());
    const r = await ledger(env, 'verify');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^broken at position 7: stored hash [0-9a-f]{64} does not match/);
    const keys = join(tmp.dir, 'keys');
    await ledger(env, 'checkpoint', 'keygen', '--out', keys);
    const sign = await ledger(env, 'checkpoint', 'sign', '--key', join(keys, 'private.pem'));
    expect(sign.code).toBe(1);
    expect(sign.out).toMatch(/not signing: broken at position 7/);
  });

  it('refuses to write a private key inside a git work tree', async () => {
    const repo = join(tmp.dir, 'clone');
    mkdirSync(join(repo, '.git'), { recursive: true });
    const r = await ledger(env, 'checkpoint', 'keygen', '--out', join(repo, 'keys'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is inside the git repository .*clone: a private key must not live in a work tree/);
    expect(existsSync(join(repo, 'keys'))).toBe(false);
  });

  it('makes keys, signs a checkpoint, and verifies since it', async () => {
    const keys = join(tmp.dir, 'keys');
    expect((await ledger(env, 'checkpoint', 'keygen', '--out', keys)).code).toBe(0);
    expect(statSync(join(keys, 'private.pem')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(keys, 'public.pem'), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect((await ledger(env, 'checkpoint', 'keygen', '--out', keys)).code).toBe(1);

    const cpFile = join(tmp.dir, 'checkpoint.json');
    const sign = await ledger(env, 'checkpoint', 'sign', '--key', join(keys, 'private.pem'), `--out=${cpFile}`);
    expect(sign.code).toBe(0);
    const cp = JSON.parse(readFileSync(cpFile, 'utf8'));
    expect(cp).toMatchObject({ position: 20, hash: headHash, algorithm: 'Ed25519' });
    const toStdout = await ledger(env, 'checkpoint', 'sign', '--key', join(keys, 'private.pem'));
    expect(JSON.parse(toStdout.out)).toMatchObject({ position: 20, hash: headHash });

    const ok = await ledger(env, 'verify', '--since', cpFile, '--public-key', join(keys, 'public.pem'));
    expect(ok).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toMatch(/checkpoint matches at position 20/);
    const untrusted = await ledger(env, 'verify', '--since', cpFile);
    expect(untrusted.code).toBe(0);
    expect(untrusted.err).toMatch(/give --public-key/);

    // rewritten and re-chained: the chain alone holds, the checkpoint does not
    tamper(tmp.file, (db) => {
      db.prepare("UPDATE events SET data = json_set(data, '$.amount', 1) WHERE position = 7").run();
      rechain(db, 7);
    });
    expect((await ledger(env, 'verify')).code).toBe(0);
    const broken = await ledger(env, 'verify', '--since', cpFile, '--public-key', join(keys, 'public.pem'));
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/^broken at position 20: hash [0-9a-f]{64} differs from the checkpoint's/);

    // a checkpoint edited to match the rewritten log no longer carries a valid signature
    writeFileSync(cpFile, JSON.stringify({ ...cp, hash: JSON.parse((await ledger(env, 'integrity')).out).hash }));
    const forged = await ledger(env, 'verify', '--since', cpFile, '--public-key', join(keys, 'public.pem'));
    expect(forged.code).toBe(1);
    expect(forged.out).toMatch(/rejected: the signature does not match/);
  });

  it('rejects a checkpoint signed by a key other than the trusted one', async () => {
    const mine = join(tmp.dir, 'mine');
    const theirs = join(tmp.dir, 'theirs');
    await ledger(env, 'checkpoint', 'keygen', '--out', mine);
    await ledger(env, 'checkpoint', 'keygen', '--out', theirs);
    const cpFile = join(tmp.dir, 'cp.json');
    await ledger(env, 'checkpoint', 'sign', '--key', join(theirs, 'private.pem'), '--out', cpFile);
    const r = await ledger(env, 'verify', '--since', cpFile, '--public-key', join(mine, 'public.pem'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/signed with a different key/);
  });
});
