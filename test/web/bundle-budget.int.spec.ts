import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { compiledConsole } from '../support/browser';

/** The budget for the console: all the JavaScript it may ship, gzipped, under 300 kB. */
const ROOT = resolve(__dirname, '../..');
const BUDGET = 300 * 1024;

describe('the built console', () => {
  it('ships under 300 kB of gzipped JavaScript, every lazily loaded page included', () => {
    compiledConsole(ROOT);
    const assets = join(ROOT, 'dist/web/assets');
    const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
    expect(gzipped).toBeLessThan(BUDGET);
  });
});
