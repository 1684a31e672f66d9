// `npm run package:scorm -- [--scenario FILE] [--out FILE]`
// Builds the game (the same Vite build as `npm run build`, in the mode LMS_BUILD_MODE, so it
// reports to an LMS: src/app/lms.ts) and zips it as a SCORM 1.2 package: one SCO, the game's
// index.html, with an imsmanifest.xml whose mastery score is the LMS score par maps to. With
// --scenario the package plays only that file, checked by the project's loader first: a file
// with errors prints them (file, line, column, field), exits 1 and writes nothing. docs/lms.md
// says what the LMS records and how the score is scaled.
// Exit status: 0 written, 1 a scenario file with errors or a build or write that failed, 2 usage.
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { zipSync, type Zippable } from 'fflate';
import { LMS_BUILD_MODE, LMS_MASTERY_SCORE } from '../app/lms';
import type { Scenario } from '../sim/index';
import { readScenarioFile } from './read-scenario';

const USAGE = `usage: npm run package:scorm -- [options]

Builds the game as a SCORM 1.2 package (a zip to upload to an LMS). The game
reports to the LMS when a game finishes: passed or failed against par, a score
from 0 to 100 (par makes ${LMS_MASTERY_SCORE}, twice par 100) and a summary (docs/lms.md).

  --scenario FILE  the package plays only this scenario file (.yaml, .yml or
                   .json), checked first; default: the shipped scenarios
  --out FILE       where to write the zip (default: ${defaultOut(null)}, or
                   marketing-and-sales-ID-scorm12.zip with --scenario)
  --help           show this message

Exit status: 0 when the package was written, 1 if the scenario file has errors
or the build or the write failed, 2 on usage errors.`;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The virtual module the game's catalogue comes from (vite.config.ts makes the shipped one). */
const SHIPPED = 'virtual:shipped-scenarios';
/** Files already compressed: stored, not deflated again. */
const STORED = /\.(png|jpe?g|gif|webp|woff2?|gz|zip)$/i;
/** Every entry's time, so the same build gives the same zip. */
const ZIP_TIME = new Date(2000, 0, 1);

class UsageError extends Error {}

export interface Options {
  scenario: string | null;
  out: string | null;
}

export function parseOptions(argv: string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: false, strict: true, options: { scenario: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) return 'help';
  if (values.scenario === '') throw new UsageError('--scenario needs a file');
  if (values.out === '') throw new UsageError('--out needs a file');
  if (values.out !== undefined && !values.out.toLowerCase().endsWith('.zip')) throw new UsageError('--out must name a .zip file');
  return { scenario: values.scenario ?? null, out: values.out ?? null };
}

function defaultOut(scenarioId: string | null): string {
  return scenarioId === null ? 'marketing-and-sales-scorm12.zip' : `marketing-and-sales-${scenarioId}-scorm12.zip`;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An XML ID (xs:ID, an NCName): letters, digits, '-', '_' and '.', starting with a letter. */
function xmlId(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_.-]/g, '-');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `id-${cleaned}`;
}

/**
 * The SCORM 1.2 manifest: one organization with one item, the game's SCO (index.html, with every
 * file of the build listed), and the mastery score. No xsi:schemaLocation: the package carries
 * no copies of the IMS/ADL schema files (docs/lms.md, "What LMSs need"), so it names none.
 */
export function scormManifest(title: string, identifier: string, files: readonly string[]): string {
  const id = xmlId(identifier);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${escapeXml(title)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${escapeXml(title)}</title>
        <adlcp:masteryscore>${LMS_MASTERY_SCORE}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
${files.map((file) => `      <file href="${escapeXml(file)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

/** Every file under `dir`, as sorted slash-separated paths relative to it. */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/** The zip of a build folder with its manifest at the root. */
export function zipPackage(buildDir: string, manifest: string): Uint8Array {
  const entries: Zippable = { 'imsmanifest.xml': [new TextEncoder().encode(manifest), { level: 9, mtime: ZIP_TIME }] };
  for (const file of filesUnder(buildDir)) entries[file] = [readFileSync(join(buildDir, file)), { level: STORED.test(file) ? 0 : 9, mtime: ZIP_TIME }];
  return zipSync(entries);
}

/** Builds the game in the package's mode into `outDir`; with `scenario`, its catalogue is that one scenario. */
async function buildGame(outDir: string, scenario: Scenario | null): Promise<void> {
  // The package is always a production build, whatever NODE_ENV the caller has (a test runner's 'test').
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  const resolved = `\0${SHIPPED}:package`;
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    root: ROOT,
    mode: LMS_BUILD_MODE,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
    plugins: scenario
      ? [
          {
            // Before the config's own shipped-scenarios plugin: the catalogue is the one file given.
            name: 'package-scenario',
            enforce: 'pre',
            resolveId: (source: string) => (source === SHIPPED ? resolved : undefined),
            load: (id: string) => (id === resolved ? `export const scenarios = ${JSON.stringify([scenario])};\nexport const archived = [];\nexport const problems = [];\n` : undefined),
          },
        ]
      : [],
  });
}

function shippedTitles(): string[] {
  const dir = join(ROOT, 'scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const read = readScenarioFile(join(dir, f));
      return read.ok ? read.scenario.title : f;
    });
}

export async function main(argv: string[]): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`package:scorm: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  let scenario: Scenario | null = null;
  if (options.scenario !== null) {
    const read = readScenarioFile(options.scenario);
    if (!read.ok) {
      console.error(read.message);
      console.error(`package:scorm: ${options.scenario} has errors; no package written.`);
      return 1;
    }
    scenario = read.scenario;
  }
  const out = resolve(options.out ?? defaultOut(scenario?.id ?? null));
  if (!existsSync(dirname(out))) {
    console.error(`package:scorm: cannot write ${out}: the folder ${dirname(out)} does not exist`);
    return 1;
  }
  const work = mkdtempSync(join(tmpdir(), 'marketing-and-sales-scorm-'));
  try {
    const buildDir = join(work, 'build');
    try {
      await buildGame(buildDir, scenario);
    } catch (error) {
      console.error(`package:scorm: the build failed: ${(error as Error).message}`);
      return 1;
    }
    const files = filesUnder(buildDir);
    const title = scenario ? `Marketing & Sales: ${scenario.title}` : 'Marketing & Sales';
    const zip = zipPackage(buildDir, scormManifest(title, scenario ? `marketing-and-sales-${scenario.id}` : 'marketing-and-sales', files));
    // Written beside the target and renamed: a failed write never leaves half a zip under its name.
    const partial = join(dirname(out), `.${basename(out)}.${process.pid}.partial`);
    try {
      writeFileSync(partial, zip);
      renameSync(partial, out);
    } catch (error) {
      rmSync(partial, { force: true });
      console.error(`package:scorm: cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      return 1;
    }
    const plays = scenario ? `"${scenario.title}" only` : `the shipped scenarios (${shippedTitles().join(', ')})`;
    console.log(`Wrote ${out}: a SCORM 1.2 package of ${files.length + 1} files, ${(zip.length / 1024).toFixed(0)} KB. It plays ${plays}; mastery score ${LMS_MASTERY_SCORE} (par).`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// Run when started as the command (tests import main and call it).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
