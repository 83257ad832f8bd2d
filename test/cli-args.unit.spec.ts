import { UsageError, parseArgs } from '../apps/cli/src/command';

const refused = (args: string[]) => {
  try {
    parseArgs(args, ['format', 'out']);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`${JSON.stringify(args)} was accepted`);
};

describe('CLI arguments (util.parseArgs, strict)', () => {
  it('reads `--name value`, `--name=value` and positionals, `--` ending the options', () => {
    expect(parseArgs(['D1', '--format', 'dot'], ['format'])).toEqual({ flags: { format: 'dot' }, positionals: ['D1'] });
    expect(parseArgs(['--format=text', '-', 'x'], ['format'])).toEqual({ flags: { format: 'text' }, positionals: ['-', 'x'] });
    expect(parseArgs(['--', '--format'], ['format'])).toEqual({ flags: {}, positionals: ['--format'] });
  });

  it('refuses an unknown option, a missing or empty value, and a flag given twice, naming it', () => {
    expect(refused(['--bogus'])).toMatch(/--bogus/);
    expect(refused(['--format'])).toMatch(/--format/);
    expect(refused(['--format', '--out', 'x'])).toMatch(/--format/);
    expect(refused(['--format='])).toBe('--format needs a value');
    expect(refused(['--format', 'a', '--format', 'b'])).toBe('--format given twice');
  });
});
