/**
 * The shipped program (issue 16): package.json's bin is the esbuild bundle that `npm run build`
 * (and so `prepare`, on `npm install`) makes, the program `npm run bench` times. It runs
 * `--help` and `status --json` on its own: nothing comes from node_modules but the native
 * modules left out of it (sqlite3 for the store), and the status path loads no file of the
 * bundle that holds Ink or React. Ink's `es-toolkit/compat` (415 modules when Node resolves them
 * one by one) is inside the bundle, never resolved from node_modules. The packed tarball's bin
 * runs `--help` with no node_modules at all.
 *
 * Every module the process resolves is reported by a resolve hook (helpers/trace-imports.mjs);
 * which source modules went into which file of the bundle is in esbuild's metafile.
 */
import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CLI} from './helpers/bin.js';

const run = promisify(execFile);
const ROOT = path.resolve('.');
const TRACE = path.resolve('test/helpers/trace-imports.mjs');

type Metafile = {outputs: Record<string, {inputs: Record<string, unknown>}>};

/** Modules that draw: Ink, React and what only they load. */
const DRAWS =
	/^node_modules\/(ink|ink-[a-z-]+|react|react-reconciler|scheduler|yoga-layout|es-toolkit)\//;

let directory: string;
let meta: Metafile;

beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'myq-shipped-bin-'));
	meta = JSON.parse(
		await readFile('dist/bundle-meta.json', 'utf8'),
	) as Metafile;
});
afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

/** Runs node with the resolve hook: the exit code, stdout, and every module resolved. */
async function traced(args: string[], cwd = ROOT) {
	try {
		const {stdout, stderr} = await run(
			process.execPath,
			['--import', TRACE, ...args],
			{cwd, env: {...process.env, LANG: 'en_US.UTF-8', LC_ALL: ''}},
		);
		return {code: 0, stdout, modules: modulesIn(stderr)};
	} catch (error) {
		const failed = error as {code: number; stdout: string; stderr: string};
		return {
			code: failed.code,
			stdout: failed.stdout,
			modules: modulesIn(failed.stderr),
		};
	}
}

function modulesIn(stderr: string): string[] {
	return [...stderr.matchAll(/^\[import\] (\S+)$/gm)].map((match) => match[1]!);
}

/** A resolved module's path from the checkout's root (`node:` builtins are left out). */
const files = (modules: string[]) =>
	modules
		.filter((url) => url.startsWith('file:'))
		.map((url) => path.relative(ROOT, fileURLToPath(url)));

/** The source modules inside the bundle's files that were loaded. */
const bundledInputs = (loaded: string[]) =>
	loaded.flatMap((file) => Object.keys(meta.outputs[file]?.inputs ?? {}));

/** The bundle's file that holds a source module. */
function outputHolding(input: string): string {
	const found = Object.entries(meta.outputs).find(([, output]) =>
		Object.hasOwn(output.inputs, input),
	);
	if (!found) throw new Error(`no file of the bundle holds ${input}`);
	return found[0];
}

describe('the shipped program is the bundle', () => {
	it('package.json bin and npm start run the bundle, which the build made', async () => {
		const manifest = JSON.parse(await readFile('package.json', 'utf8')) as {
			bin: Record<string, string>;
			scripts: Record<string, string>;
		};
		const bin = manifest.bin['myq-license']!;
		expect(bin).toBe('dist/bundle/myq-license.js');
		expect(manifest.scripts.start).toBe(`node ${bin} demo`);
		expect(Object.keys(meta.outputs)).toContain(bin);
	});

	it('--help runs from the bundle alone: nothing resolved from node_modules', async () => {
		const result = await traced([CLI, '--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Usage');
		const loaded = files(result.modules);
		expect(loaded).toContain('dist/bundle/myq-license.js');
		expect(loaded.filter((file) => !file.startsWith('dist/bundle/'))).toEqual(
			[],
		);
	});

	it('status --json runs from the bundle: only sqlite3 from node_modules, no file holding Ink, React or the catalogs', async () => {
		const store = `sqlite://${path.join(directory, 'status.sqlite')}`;
		const result = await traced([CLI, 'status', '--json', '--store', store]);
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({state: 'unlicensed'});
		const loaded = files(result.modules);
		expect(
			loaded.filter(
				(file) =>
					!file.startsWith('dist/bundle/') &&
					!file.startsWith('node_modules/sqlite3/'),
			),
		).toEqual([]);
		const inputs = bundledInputs(loaded);
		expect(inputs).toContain('source/commands/status.ts');
		expect(inputs.filter((input) => DRAWS.test(input))).toEqual([]);
		// Nor the message catalogs (some 470 kB): --json says nothing in a language. The client's
		// failure reasons are said in English from reasons-en.ts alone (they once pulled both in).
		expect(inputs).toContain('source/i18n/reasons-en.ts');
		expect(
			inputs.filter((input) => /^source\/i18n\/(en|fr)\.ts$/.test(input)),
		).toEqual([]);
	});

	it("the dashboard's file of the bundle holds Ink and es-toolkit/compat, and loads them from no node_modules (the check above can fail)", async () => {
		const app = outputHolding('source/ui/app.tsx');
		const result = await traced([
			'--input-type=module',
			'-e',
			`await import(${JSON.stringify(path.resolve(app))})`,
		]);
		expect(result.code).toBe(0);
		const loaded = files(result.modules);
		const inputs = bundledInputs(loaded);
		expect(inputs.some((input) => input.startsWith('node_modules/ink/'))).toBe(
			true,
		);
		expect(
			inputs.some((input) =>
				input.startsWith('node_modules/es-toolkit/dist/compat/'),
			),
		).toBe(true);
		expect(loaded.filter((file) => file.startsWith('node_modules/'))).toEqual(
			[],
		);
	});
});

describe('the packed tarball', () => {
	it('ships the bundle, and its bin runs --help and --version with no node_modules', async () => {
		const {stdout} = await run(
			'npm',
			['pack', '--ignore-scripts', '--json', '--pack-destination', directory],
			{maxBuffer: 16 * 1024 * 1024},
		);
		const [packed] = JSON.parse(stdout) as [
			{filename: string; files: {path: string}[]},
		];
		const shipped = new Set(packed.files.map((file) => file.path));
		for (const output of Object.keys(meta.outputs)) {
			expect(shipped).toContain(output);
		}
		await run('tar', ['-xzf', packed.filename], {cwd: directory});
		const bin = path.join(directory, 'package', 'dist/bundle/myq-license.js');
		const help = await traced([bin, '--help'], directory);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('Usage');
		const version = await traced([bin, '--version'], directory);
		expect(version.stdout.trim()).toBe(
			(JSON.parse(await readFile('package.json', 'utf8')) as {version: string})
				.version,
		);
	});
});
