/** `myq-license simulate` as a support engineer runs it: SPEC §5 field for field, exit codes. */
import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CLI} from './helpers/bin.js';

const run = promisify(execFile);

async function simulate(args: string[]) {
	try {
		const {stdout, stderr} = await run(
			process.execPath,
			[CLI, 'simulate', ...args],
			// A neutral locale: without --lang, the scenario's own lang decides.
			{
				env: {
					...process.env,
					NO_COLOR: '1',
					LC_ALL: '',
					LC_MESSAGES: '',
					LANG: 'C.UTF-8',
				},
			},
		);
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failed = error as {code: number; stdout: string; stderr: string};
		return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr};
	}
}

let directory: string;
beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'myq-simulate-'));
});
afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

describe('simulate --json follows SPEC §5', () => {
	it('field for field', async () => {
		const result = await simulate([
			'fixtures/scenarios/subscription-not-renewed.yaml',
			'--json',
		]);
		expect(result.code).toBe(0);
		const document = JSON.parse(result.stdout);
		expect(Object.keys(document).sort()).toEqual(
			['days', 'events', 'expectations', 'lang', 'scenario', 'start'].sort(),
		);
		expect(document).toMatchObject({
			scenario: expect.any(String),
			start: '2027-01-04T09:00:00.000Z',
			lang: 'en',
		});
		const day = document.days[20];
		expect(Object.keys(day).sort()).toEqual(
			[
				'at',
				'banners',
				'capacity',
				'day',
				'devices',
				'licenses',
				'operational',
				'server',
				'state',
			].sort(),
		);
		expect(day).toMatchObject({
			day: 20,
			at: '2027-01-24T09:00:00.000Z',
			state: 'warning',
			operational: true,
			capacity: 10,
			devices: {activated: 0, licensed: 0, capacity: 10},
			banners: [
				{
					id: 'subscription-expiring',
					days: 10,
					text: 'Your subscription will expire soon, all services will be interrupted in 10 day(s). Please extend your subscription',
				},
			],
			licenses: [
				{
					key: 'S10',
					kind: 'subscription',
					devices: 10,
					status: 'active',
					expiresAt: '2027-02-03T09:00:00.000Z',
					renewsAt: null,
				},
			],
			server: {
				reachable: true,
				lastSuccessAt: '2027-01-24T09:00:00.000Z',
				unreachableSince: null,
			},
		});
		expect(Object.keys(day.licenses[0]).sort()).toEqual([
			'devices',
			'expiresAt',
			'key',
			'kind',
			'renewsAt',
			'status',
		]);
		expect(Object.keys(document.events[0]).sort()).toEqual([
			'at',
			'day',
			'detail',
			'type',
		]);
		expect(document.expectations).toEqual({passed: 5, failed: []});
	});

	it('--lang fr gives the seed’s texts; --until stops early', async () => {
		const result = await simulate([
			'fixtures/scenarios/subscription-not-renewed.yaml',
			'--json',
			'--lang',
			'fr',
			'--until',
			'20',
		]);
		const document = JSON.parse(result.stdout);
		expect(document.lang).toBe('fr');
		expect(document.days).toHaveLength(21);
		expect(document.days[20].banners[0].text).toBe(
			'Votre abonnement va bientôt expirer, tous les services seront interrompus dans 10 jour(s). Veuillez prolonger votre abonnement',
		);
	});

	it('without --json: the changes table, the strip and the events', async () => {
		const result = await simulate([
			'fixtures/scenarios/subscription-not-renewed.yaml',
		]);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/subscription-expiring \(10\)/);
		expect(result.stdout).toMatch(/timeline/);
		expect(result.stdout).toMatch(/ {5}0 {2}█{20}▓{10}░{6}/);
		expect(result.stdout).toMatch(/license-expired/);
		expect(result.stdout).toMatch(/expectations: 5 passed, 0 failed/);
	});
});

describe('replays are deterministic', () => {
	it('the same scenario gives the same timeline, keys and ids included', async () => {
		const first = await simulate([
			'fixtures/scenarios/manual-activation-refusals.yaml',
			'--json',
		]);
		const second = await simulate([
			'fixtures/scenarios/manual-activation-refusals.yaml',
			'--json',
		]);
		expect(first.code).toBe(0);
		expect(second.stdout).toBe(first.stdout);
		expect(first.stdout).toMatch(/answers another request \([0-9a-f-]{36}\)/);
	});
});

describe('exit codes', () => {
	it('1 when an expectation fails, naming it', async () => {
		const text = (
			await readFile('fixtures/scenarios/subscription-not-renewed.yaml', 'utf8')
		).replace(
			'{day: 19, state: running, banners: []}',
			'{day: 19, state: stopped, banners: []}',
		);
		const file = path.join(directory, 'failing.yaml');
		await writeFile(file, text);
		const result = await simulate([file]);
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(
			/day 19 \(line \d+\): state expected "stopped", got "running"/,
		);
	});

	it('2 when the scenario is invalid, naming the field and its line', async () => {
		const file = path.join(directory, 'invalid.yaml');
		await writeFile(
			file,
			[
				'name: x',
				'start: 2027-01-04T09:00:00Z',
				'days: 10',
				'hardware: [a]',
				'keys: {}',
				'steps:',
				'  - {day: 3, do: hardware, use: b}',
				'expect: []',
				'',
			].join('\n'),
		);
		const result = await simulate([file]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/invalid\.yaml:7/);
		expect(result.stderr).toMatch(/steps\[0\]\.use/);
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});

	it('2 for a file that does not exist', async () => {
		const result = await simulate(['/nonexistent.yaml']);
		expect(result.code).toBe(2);
	});
});
