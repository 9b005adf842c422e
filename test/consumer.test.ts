/**
 * Issue 14 point 4, a consumer's proof: the package as npm packs it, installed into a fresh
 * project beside vitest and ink-testing-library, where the README's snapshot test (and the
 * SPEC §6 banner checks) import `myq-license/testing` and `myq-license` and pass, the
 * snapshot matching the one committed in test/consumer/project/.
 *
 * Offline, and in a fresh CI clone: `npm install` of the tarball would need the registry's
 * metadata (`npm ci` keeps only tarballs in the cache) and would build sqlite3 and
 * better-sqlite3 from source again (minutes). So the tarball is unpacked where npm puts it
 * (node_modules/myq-license, from its `package/` folder) and the dependencies npm would
 * install, the lock file's versions already installed in this checkout, are linked beside it.
 * Node resolves each link to its real folder, so React and Ink are one copy each, as after an
 * install. The project's own package.json says what a user's would.
 *
 * The packed tarball is of the built `dist/` (`npm test` builds before vitest runs).
 */
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {
	cp,
	mkdir,
	mkdtemp,
	readdir,
	readFile,
	rm,
	symlink,
	writeFile,
} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify, stripVTControlCharacters} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve('.');
const MODULES = path.join(ROOT, 'node_modules');
const PROJECT_FILES = path.join(ROOT, 'test', 'consumer', 'project');

/** The environment of a process that is not inside this test run (nor inside npm's). */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (/^(VITEST|TEST$|NODE_ENV$|NODE_OPTIONS$|npm_)/.test(name)) continue;
		env[name] = value;
	}
	return {
		...env,
		// Nothing asks the registry: no update check, no audit, offline.
		npm_config_offline: 'true',
		npm_config_update_notifier: 'false',
		npm_config_audit: 'false',
		npm_config_fund: 'false',
		...extra,
	};
}

/** Links every package installed in this checkout into `modules` (scoped ones one by one). */
async function linkInstalled(modules: string) {
	for (const entry of await readdir(MODULES, {withFileTypes: true})) {
		if (entry.name.startsWith('.') || entry.name === 'myq-license') continue;
		if (entry.name.startsWith('@')) {
			await mkdir(path.join(modules, entry.name), {recursive: true});
			for (const scoped of await readdir(path.join(MODULES, entry.name))) {
				await symlink(
					path.join(MODULES, entry.name, scoped),
					path.join(modules, entry.name, scoped),
					'dir',
				);
			}
			continue;
		}
		await symlink(
			path.join(MODULES, entry.name),
			path.join(modules, entry.name),
			'dir',
		);
	}
}

type Packed = {filename: string; files: {path: string}[]};

describe('consumer: the packed tarball in a fresh project', () => {
	let work = '';
	let project = '';
	let packed: Packed;
	let manifest: {
		name: string;
		bin: Record<string, string>;
		exports: Record<string, unknown>;
		dependencies: Record<string, string>;
		peerDependencies: Record<string, string>;
	};

	beforeAll(async () => {
		expect(
			existsSync(path.join(ROOT, 'dist/source/testing/index.js')),
			'dist/ is not built: run npm run build (npm test does) before this test',
		).toBe(true);
		work = await mkdtemp(path.join(tmpdir(), 'myq-consumer-'));
		project = path.join(work, 'project');
		// Given the package as npm packs it (the build is dist/, already made)
		const {stdout} = await run(
			'npm',
			['pack', '--ignore-scripts', '--json', '--pack-destination', work],
			{cwd: ROOT, env: cleanEnv({}), timeout: 60_000},
		);
		packed = (JSON.parse(stdout) as Packed[])[0]!;
		// And a fresh project with it installed beside vitest and ink-testing-library
		const installed = path.join(project, 'node_modules', 'myq-license');
		await mkdir(installed, {recursive: true});
		await run(
			'tar',
			[
				'-xzf',
				path.join(work, packed.filename),
				'-C',
				installed,
				'--strip-components=1',
			],
			{timeout: 60_000},
		);
		await linkInstalled(path.join(project, 'node_modules'));
		manifest = JSON.parse(
			await readFile(path.join(installed, 'package.json'), 'utf8'),
		);
		await cp(PROJECT_FILES, project, {recursive: true});
		await writeFile(
			path.join(project, 'package.json'),
			`${JSON.stringify(
				{
					name: 'myq-license-consumer',
					private: true,
					type: 'module',
					dependencies: {'myq-license': `file:../${packed.filename}`},
					devDependencies: {
						'ink-testing-library':
							manifest.peerDependencies['ink-testing-library'],
						vitest: '^4.1.12',
					},
				},
				null,
				2,
			)}\n`,
		);
	}, 120_000);

	afterAll(async () => {
		if (work) await rm(work, {recursive: true, force: true});
	});

	it('packs the library, the testing entry with their types, the CLI and the demo scenario; no tests, no sources', () => {
		const files = packed.files.map((file) => file.path);
		for (const file of [
			'dist/source/index.js',
			'dist/source/index.d.ts',
			'dist/source/testing/index.js',
			'dist/source/testing/index.d.ts',
			'dist/simulator/runner.js',
			'fixtures/demo.yaml',
			'README.md',
		])
			expect(files).toContain(file);
		expect(
			files.filter((file) => /^(test|source|simulator)\//.test(file)),
		).toEqual([]);
		// The command ships, wherever the build puts it
		expect(Object.keys(manifest.bin)).toEqual(['myq-license']);
		expect(files).toContain(path.posix.normalize(manifest.bin['myq-license']!));
	});

	it('every dependency the package declares is there for it in the project, as an install leaves them', () => {
		for (const name of [
			...Object.keys(manifest.dependencies),
			...Object.keys(manifest.peerDependencies),
			'vitest',
		])
			expect(
				existsSync(path.join(project, 'node_modules', name, 'package.json')),
				name,
			).toBe(true);
	});

	it('the consumer tests typecheck against the types the package ships (exports, types conditions)', async () => {
		const {stdout} = await run(
			process.execPath,
			[path.join('node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'],
			{cwd: project, env: cleanEnv({}), timeout: 120_000},
		).catch((error: {stdout?: string; stderr?: string}) => {
			throw new Error(`tsc failed:\n${error.stdout}${error.stderr}`);
		});
		expect(stdout).toBe('');
	}, 120_000);

	it('the README snapshot test and the banner checks pass there, the snapshot as committed', async () => {
		const snapshot = path.join('__snapshots__', 'license-screen.test.ts.snap');
		const committed = await readFile(
			path.join(PROJECT_FILES, snapshot),
			'utf8',
		);
		// CI: vitest writes no snapshot, a missing one fails. FORCE_COLOR: colour is off by
		// default whatever the environment says.
		const result = await run(
			process.execPath,
			[path.join('node_modules', 'vitest', 'vitest.mjs'), 'run'],
			{
				cwd: project,
				env: cleanEnv({CI: 'true', FORCE_COLOR: '1'}),
				timeout: 120_000,
			},
		).catch((error: {stdout?: string; stderr?: string}) => {
			throw new Error(
				`vitest failed in the project:\n${error.stdout}${error.stderr}`,
			);
		});
		expect(stripVTControlCharacters(result.stdout)).toMatch(
			/Tests\s+5 passed \(5\)/,
		);
		expect(await readFile(path.join(project, snapshot), 'utf8')).toBe(
			committed,
		);
	}, 120_000);
});
