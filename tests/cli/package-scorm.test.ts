// npm run package:scorm's own parts, without a build: a scenario file with errors is refused with
// the loader's errors and nothing is written; usage errors exit 2; the manifest names one SCO,
// every file and the mastery score; the zip holds the manifest at its root beside the build, the
// same bytes every time. The whole package, built and played in an LMS, is
// tests/browser/scorm.test.ts.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LMS_MASTERY_SCORE } from '../../src/app/lms';
import { main, scormManifest, zipPackage } from '../../src/cli/package-scorm';
import { formatIssue, loadScenario } from '../../src/scenario/load';
import { shippedScenarioPath } from '../support/scenarios';

let dir: string;
let errors: string[];
let logs: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'package-scorm-test-'));
  errors = [];
  logs = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')));
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logs.push(args.join(' ')));
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run package:scorm refuses', () => {
  it('a scenario file with errors: the loader’s errors (file, line, column, field), exit 1, nothing written', async () => {
    const text = readFileSync(shippedScenarioPath('two-hats'), 'utf8').replace(/^  par: \d+$/m, '  par: lots').replace(/^quarters: \d+$/m, 'quarters: 0');
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, text);
    const loaded = loadScenario(text, file);
    expect(loaded.ok).toBe(false);
    const expected = loaded.ok ? [] : loaded.errors.map(formatIssue);
    expect(expected.some((e) => e.includes('scoring.par'))).toBe(true);
    const out = join(dir, 'course.zip');
    expect(await main(['--scenario', file, '--out', out])).toBe(1);
    for (const line of expected) expect(errors.join('\n')).toContain(line);
    expect(errors.join('\n')).toContain('no package written');
    expect(readdirSync(dir)).toEqual(['broken.yaml']);
    expect(logs).toEqual([]);
  });

  it('a scenario file that is not there, and a folder to write in that is not there (exit 1)', async () => {
    expect(await main(['--scenario', join(dir, 'none.yaml'), '--out', join(dir, 'course.zip')])).toBe(1);
    expect(errors.join('\n')).toContain('no such file');
    expect(await main(['--scenario', shippedScenarioPath('two-hats'), '--out', join(dir, 'no-folder', 'course.zip')])).toBe(1);
    expect(errors.join('\n')).toContain('does not exist');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('unknown options, a file argument and an --out that is not a .zip, with the usage (exit 2); --help prints it (exit 0)', async () => {
    for (const argv of [['--sceanrio', 'x.yaml'], ['scenario.yaml'], ['--out', join(dir, 'course.txt')], ['--scenario']]) {
      errors = [];
      expect(await main(argv)).toBe(2);
      expect(errors.join('\n')).toContain('usage: npm run package:scorm');
    }
    expect(await main(['--help'])).toBe(0);
    expect(logs.join('\n')).toContain('--scenario FILE');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('the package’s manifest and zip', () => {
  const files = ['assets/index-abc.js', 'assets/font.woff2', 'index.html'];

  it('names one SCO, the game’s index.html, with every file of the build, and the mastery score', () => {
    const manifest = scormManifest('Marketing & Sales: <Two> "Hats"', '2 hats/é', files);
    expect(manifest.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<manifest ')).toBe(true);
    expect(manifest).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
    expect(manifest).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
    expect(manifest).toContain('<schema>ADL SCORM</schema>');
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
    expect(manifest).toContain(`<adlcp:masteryscore>${LMS_MASTERY_SCORE}</adlcp:masteryscore>`);
    // Text escaped, identifiers made XML IDs (a letter first, no spaces or slashes).
    expect(manifest).toContain('<title>Marketing &amp; Sales: &lt;Two&gt; &quot;Hats&quot;</title>');
    const ids = [...manifest.matchAll(/identifier="([^"]+)"/g)].map((m) => m[1]!);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_.-]*$/);
    const sco = [...manifest.matchAll(/<resource [^>]*>/g)];
    expect(sco).toHaveLength(1);
    expect(sco[0]![0]).toContain('adlcp:scormtype="sco"');
    expect(sco[0]![0]).toContain('href="index.html"');
    const resourceId = /<resource identifier="([^"]+)"/.exec(manifest)![1];
    expect(/identifierref="([^"]+)"/.exec(manifest)![1]).toBe(resourceId);
    expect([...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1])).toEqual(files);
    // No schemaLocation: the package carries no schema files to point at.
    expect(manifest).not.toContain('schemaLocation');
  });

  it('zips the build with the manifest at its root, every file as it was, the same bytes each time', () => {
    const build = join(dir, 'build');
    mkdirSync(join(build, 'assets'), { recursive: true });
    writeFileSync(join(build, 'index.html'), '<!doctype html><title>game</title>');
    writeFileSync(join(build, 'assets', 'index-abc.js'), 'console.log(1);'.repeat(100));
    writeFileSync(join(build, 'assets', 'font.woff2'), new Uint8Array([1, 2, 3, 4]));
    const manifest = scormManifest('Marketing & Sales', 'marketing-and-sales', files);
    const zip = zipPackage(build, manifest);
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual(['assets/font.woff2', 'assets/index-abc.js', 'imsmanifest.xml', 'index.html']);
    expect(strFromU8(entries['imsmanifest.xml']!)).toBe(manifest);
    expect(strFromU8(entries['assets/index-abc.js']!)).toBe('console.log(1);'.repeat(100));
    expect([...entries['assets/font.woff2']!]).toEqual([1, 2, 3, 4]);
    expect(Buffer.from(zipPackage(build, manifest)).equals(Buffer.from(zip))).toBe(true);
  });
});
