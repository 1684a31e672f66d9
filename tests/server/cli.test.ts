// `npm run server`'s command line: usage errors say what is wrong and exit 2; --help prints the usage.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support';

const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'src', 'server', 'main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

describe('npm run server', () => {
  it('refuses a bad port and an unknown option with the usage, exit 2', () => {
    const port = run('--port', 'eighty', '--no-build');
    expect(port.status).toBe(2);
    expect(port.stderr).toContain('--port must be a whole number from 0 to 65535, not "eighty"');
    expect(port.stderr).toContain('usage: npm run server');
    const unknown = run('--colour', 'blue');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--colour'/);
  });

  it('prints its usage for --help', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('DATABASE_URL=postgres://');
  });

  it('says why it cannot start on a database it cannot open, exit 1', () => {
    const bad = run('--no-build', '--port', '0', '--db', '/nonexistent-folder/w.sqlite');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^the workshop server could not start: /m);
  });
});
