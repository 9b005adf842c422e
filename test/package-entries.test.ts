/**
 * Issue 14 point 1: the package's entries. `exports` names `.` (the library) and `./testing`
 * with their types, all built; the library loads no Ink or React; the testing entry loads no
 * test runner; every package the manifest lists for users is imported by what ships.
 * Run on the build (`npm test` builds before vitest runs), as a user gets it.
 */
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

const TRACE = path.resolve('test/helpers/trace-imports.mjs');

type Manifest = {
	main: string;
	types: string;
	bin: Record<string, string>;
	exports: Record<string, string | {types: string; default: string}>;
	dependencies: Record<string, string>;
	peerDependencies: Record<string, string>;
	peerDependenciesMeta: Record<string, {optional?: boolean}>;
};

const manifest = JSON.parse(await readFile('package.json', 'utf8')) as Manifest;

function loadedModules(file: string): Promise<string[]> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[
				'--import',
				TRACE,
				'--input-type=module',
				'-e',
				`await import(${JSON.stringify(path.resolve(file))})`,
			],
			(_error, _stdout, stderr) => {
				resolve(
					[...stderr.matchAll(/^\[import\] (\S+)$/gm)].map(
						(match) => match[1]!,
					),
				);
			},
		);
	});
}

/** Every .ts and .tsx file under `directory`. */
async function sources(directory: string): Promise<string[]> {
	const entries = await readdir(directory, {
		recursive: true,
		withFileTypes: true,
	});
	return entries
		.filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
		.map((entry) => path.join(entry.parentPath, entry.name));
}

describe('package.json exports', () => {
	it('. and ./testing, each with a types condition first, pointing at built files; the bin kept', () => {
		expect(Object.keys(manifest.exports)).toEqual([
			'.',
			'./testing',
			'./package.json',
		]);
		for (const entry of ['.', './testing']) {
			const target = manifest.exports[entry] as {
				types: string;
				default: string;
			};
			// TypeScript reads conditions in order: types must come before default.
			expect(Object.keys(target)).toEqual(['types', 'default']);
			expect(existsSync(target.types), target.types).toBe(true);
			expect(existsSync(target.default), target.default).toBe(true);
		}
		expect(existsSync(manifest.main)).toBe(true);
		expect(existsSync(manifest.types)).toBe(true);
		// The command is kept beside the entries (where it is built is the build's business)
		expect(Object.keys(manifest.bin)).toEqual(['myq-license']);
		expect(existsSync(manifest.bin['myq-license']!)).toBe(true);
	});

	it('the library entry loads neither Ink nor React (scripts that use the engine do not pay for them)', async () => {
		const modules = await loadedModules('dist/source/index.js');
		expect(modules.some((url) => url.endsWith('/simulator/runner.js'))).toBe(
			true,
		);
		expect(
			modules.filter((url) =>
				/node_modules\/(ink|react|react-reconciler|ink-[a-z-]+)\//.test(url),
			),
		).toEqual([]);
	});

	it('the testing entry loads ink-testing-library and no test runner', async () => {
		const modules = await loadedModules('dist/source/testing/index.js');
		expect(
			modules.some((url) => url.includes('/node_modules/ink-testing-library/')),
		).toBe(true);
		expect(
			modules.filter((url) =>
				/node_modules\/(vitest|@vitest|vite|jest|@jest|mocha|chai|tinyspy)\//.test(
					url,
				),
			),
		).toEqual([]);
	});
});

describe('dependencies', () => {
	it('every dependency and peer dependency is imported by what ships (source/, simulator/)', async () => {
		const files = [
			...(await sources('source')),
			...(await sources('simulator')),
		];
		const text = (
			await Promise.all(files.map((file) => readFile(file, 'utf8')))
		).join('\n');
		for (const name of [
			...Object.keys(manifest.dependencies),
			...Object.keys(manifest.peerDependencies),
		]) {
			const escaped = name.replace(/[/.]/g, '\\$&');
			expect(
				new RegExp(`(from |import\\()'${escaped}(/[^']*)?'`).test(text),
				`${name} is listed but nothing imports it`,
			).toBe(true);
		}
	});

	it('ink-testing-library: an optional peer of the testing entry (and a development dependency for our tests)', () => {
		expect(manifest.peerDependencies).toEqual({
			'ink-testing-library': '^4.0.0',
		});
		expect(manifest.peerDependenciesMeta['ink-testing-library']).toEqual({
			optional: true,
		});
		expect(manifest.dependencies['ink-testing-library']).toBeUndefined();
	});
});
