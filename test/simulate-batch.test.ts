/**
 * `simulate DIR|FILE... [--json] [--jobs N]` (issue 15): a support team replaying a batch of
 * scenarios after a rule change. One result per file with its exit code; worker threads give the
 * same results as one by one.
 */
import {
	copyFile,
	mkdir,
	mkdtemp,
	readFile,
	rm,
	writeFile,
} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli} from './helpers/cli-process.js';

/** A batch replays many scenarios: a bound of its own, far above what it takes. */
const simulate = (args: string[]) =>
	runCli(['simulate', ...args], {env: {NO_COLOR: '1'}, boundMs: 180_000});

let directory: string;
beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'myq-batch-'));
});
afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

describe('simulate on many files', () => {
	it('the fixtures folder: one result per file, all held; --jobs 2 gives the same results as one by one', async () => {
		const one = await simulate(['fixtures/scenarios', '--json']);
		expect(one.code, one.stderr).toBe(0);
		const byOne = JSON.parse(one.stdout);
		expect(byOne.results.length).toBeGreaterThanOrEqual(18);
		for (const item of byOne.results) {
			expect(item.file).toMatch(/^fixtures\/scenarios\/[^/]+\.ya?ml$/);
			expect(item.exitCode).toBe(0);
			expect(item.result.expectations.failed).toEqual([]);
			expect(item.result.days.length).toBeGreaterThan(0);
		}
		const two = await simulate(['fixtures/scenarios', '--json', '--jobs', '2']);
		expect(two.code, two.stderr).toBe(0);
		expect(JSON.parse(two.stdout)).toEqual(byOne);
	}, 120_000);

	it('each file gets its own exit code, the batch the highest; without --json, one line per file', async () => {
		// Given a folder with a scenario that holds, one whose expectation fails, one invalid
		const folder = path.join(directory, 'mixed');
		await mkdir(folder);
		await copyFile(
			'fixtures/scenarios/vendor-revocation.yaml',
			path.join(folder, 'a-holds.yaml'),
		);
		const failing = (
			await readFile('fixtures/scenarios/subscription-not-renewed.yaml', 'utf8')
		).replace(
			'{day: 19, state: running, banners: []}',
			'{day: 19, state: stopped, banners: []}',
		);
		await writeFile(path.join(folder, 'b-fails.yaml'), failing);
		await copyFile(
			'fixtures/scenarios/invalid/bad-steps.yaml',
			path.join(folder, 'c-invalid.yaml'),
		);
		await writeFile(path.join(folder, 'notes.txt'), 'not a scenario');

		// When the folder is replayed, two at a time
		const json = await simulate([folder, '--json', '--jobs', '2']);
		const text = await simulate([folder, '--jobs', '2']);

		// Then
		expect(json.code).toBe(2);
		const {results} = JSON.parse(json.stdout);
		expect(
			results.map((item: {file: string; exitCode: number}) => [
				path.basename(item.file),
				item.exitCode,
			]),
		).toEqual([
			['a-holds.yaml', 0],
			['b-fails.yaml', 1],
			['c-invalid.yaml', 2],
		]);
		expect(results[1].result.expectations.failed[0].message).toMatch(
			/day 19 \(line \d+\): state expected "stopped"/,
		);
		expect(results[2].error).toMatch(/c-invalid\.yaml:\d+/);
		expect(text.code).toBe(2);
		expect(text.stdout).toMatch(
			/^ok +.*a-holds\.yaml: \d+ expectation\(s\) held$/m,
		);
		expect(text.stdout).toMatch(
			/^FAILED +.*b-fails\.yaml: 1 expectation\(s\) failed/m,
		);
		expect(text.stdout).toMatch(/^INVALID +.*c-invalid\.yaml: /m);
		expect(text.stdout).toMatch(/3 file\(s\): 1 held, 1 failed, 1 invalid/);

		// Files named one by one, a failing one alone: exit 1
		const named = await simulate([
			path.join(folder, 'a-holds.yaml'),
			path.join(folder, 'b-fails.yaml'),
			'--json',
		]);
		expect(named.code).toBe(1);
		expect(JSON.parse(named.stdout).results).toHaveLength(2);
	}, 120_000);

	it('bad input is said and exits 2: --jobs out of range, --report or --explain with several files, a folder without scenarios', async () => {
		const jobs = await simulate(['fixtures/scenarios', '--jobs', '0']);
		expect(jobs.code).toBe(2);
		expect(jobs.stderr).toMatch(/--jobs 0 is not a number of workers/);
		const report = await simulate([
			'fixtures/scenarios',
			'--report',
			path.join(directory, 'x.html'),
		]);
		expect(report.code).toBe(2);
		expect(report.stderr).toMatch(/--report takes one scenario file/);
		const empty = path.join(directory, 'empty');
		await mkdir(empty);
		const none = await simulate([empty]);
		expect(none.code).toBe(2);
		expect(none.stderr).toMatch(/holds no scenario file/);
		expect(none.stderr).not.toMatch(/\n\s+at /);
	});
});
