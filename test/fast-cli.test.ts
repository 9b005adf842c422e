/**
 * A fast CLI for scripts (issue 6): commands that draw nothing never load Ink or React. The
 * program runs with a resolve hook that reports every module it loads.
 */
import {execFile} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const TRACE = path.resolve('test/helpers/trace-imports.mjs');
const CLI = path.resolve('dist/source/cli.js');

function loadedModules(args: string[]): Promise<string[]> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			['--import', TRACE, ...args],
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

const drawsSomething = (url: string) =>
	/node_modules\/(ink|react|react-reconciler|ink-[a-z-]+)\//.test(url);

let directory: string;
beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'myq-fast-cli-'));
});
afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

describe('commands that draw nothing do not load Ink or React', () => {
	it('the tracer sees Ink when the dashboard code is loaded (the check can fail)', async () => {
		const modules = await loadedModules([
			'-e',
			`await import(${JSON.stringify(path.resolve('dist/source/ui/app.js'))})`,
			'--input-type=module',
		]);
		expect(modules.some(drawsSomething)).toBe(true);
	});

	it.each([
		['status', '--json'],
		['status', '--lang', 'fr'],
		[
			'register',
			'--company',
			'Acme',
			'--person',
			'Jane Roe',
			'--address',
			'x',
			'--country',
			'FR',
			'--email',
			'a@b.test',
		],
		['add-key', 'NABCD-EFGHJ-KMNPQ-RSTVW-XYZ01'],
		['devices', '--json'],
		['connect', '--server', 'http://127.0.0.1:9'],
		['simulate', 'fixtures/scenarios/key-typed-wrong.yaml', '--json'],
		['simulate', 'fixtures/scenarios/key-typed-wrong.yaml', '--explain', '1'],
		[
			'simulate',
			'fixtures/scenarios/key-typed-wrong.yaml',
			'--report',
			'REPORT',
		],
		[
			'simulate',
			'fixtures/scenarios/key-typed-wrong.yaml',
			'fixtures/scenarios/capacity-sum.yaml',
			'--jobs',
			'2',
		],
		['export-scenario'],
	])('%s (case %#)', async (...args) => {
		const store = [
			'--store',
			`sqlite://${path.join(directory, 'fast.sqlite')}`,
		];
		const modules = await loadedModules([
			CLI,
			...args.map((arg) =>
				arg === 'REPORT' ? path.join(directory, 'report.html') : arg,
			),
			...(args[0] === 'simulate' ? [] : store),
		]);
		expect(modules.length).toBeGreaterThan(3);
		expect(modules.filter(drawsSomething)).toEqual([]);
	});
});
