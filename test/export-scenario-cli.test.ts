/**
 * `export-scenario` through the real CLI (issue 15): an admin's installation against a real
 * `vendor serve` on loopback becomes a scenario that `simulate` replays to the state `status
 * --json` shows; nothing personal is left in the file unless asked.
 */
import {type ChildProcess, spawn} from 'node:child_process';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openStore} from '../source/adapters/keyv-store.js';
import {CLI, registerArgs, runCli} from './helpers/cli-process.js';

const TOKEN = 'export-test-token';

let directory: string;
let vendor: {process: ChildProcess; url: string; publicKey: string};
let admin: string[];

function cli(args: string[]) {
	return runCli(args, {
		env: {
			NO_COLOR: '1',
			MYQ_CONFIG_DIR: path.join(directory, 'config'),
			MYQ_VENDOR_KEY: vendor?.publicKey ?? '',
		},
	});
}

/** `myq-license vendor serve` in its own process, on a free loopback port. */
async function serve(): Promise<typeof vendor> {
	const child = spawn(
		process.execPath,
		[
			CLI,
			'vendor',
			'serve',
			'--port',
			'0',
			'--token',
			TOKEN,
			'--store',
			`sqlite://${path.join(directory, 'vendor.sqlite')}`,
		],
		{stdio: ['ignore', 'pipe', 'pipe']},
	);
	let output = '';
	return new Promise((resolve, reject) => {
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
			const key = /Vendor public key: (\S+)/.exec(output)?.[1];
			if (url && key) resolve({process: child, url, publicKey: key});
		});
		child.on('exit', (code) =>
			reject(new Error(`vendor serve exited (${code}): ${output}`)),
		);
	});
}

async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	await exited;
}

beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'myq-export-cli-'));
	vendor = await serve();
	admin = [
		'--store',
		`sqlite://${path.join(directory, 'myq.sqlite')}`,
		'--server',
		vendor.url,
	];
});

afterAll(async () => {
	if (vendor) await stop(vendor.process);
	await rm(directory, {recursive: true, force: true});
});

const CUSTOMER = {
	company: 'Quillfeather Printing Guild',
	person: 'Ottoline Marchbanks',
	address: '77 Rue des Archives, Lyon',
	email: 'ottoline@quillfeather.example',
	phone: '+33 4 72 00 11 22',
};

describe('export-scenario, round trip through the real CLI', () => {
	it('register, add-key, activate, stop the server, connect: the export replays to the state and banners status --json shows', async () => {
		// Given an installation registered and activated against vendor serve on loopback
		const minted = await cli([
			'vendor',
			'mint',
			'--server',
			vendor.url,
			'--token',
			TOKEN,
			'--type',
			'installation',
			'--license',
			'subscription:10:365',
			'--license',
			'perpetual:2',
		]);
		expect(minted.code, minted.stderr).toBe(0);
		const key = minted.stdout.trim().split('\n').at(-1)!;
		const registered = await cli([
			...registerArgs({...CUSTOMER, country: 'FR'}),
			...admin,
		]);
		expect(registered.code, registered.stderr).toBe(0);
		expect((await cli(['add-key', ...admin, key])).code).toBe(0);
		const activated = await cli(['activate', ...admin]);
		expect(activated.code, activated.stderr).toBe(0);

		// When the license server stops and the admin connects
		await stop(vendor.process);
		const connected = await cli(['connect', ...admin]);
		expect(connected.code).toBe(1);
		const status = await cli(['status', '--json', ...admin]);
		expect(status.code, status.stderr).toBe(0);
		const now = JSON.parse(status.stdout);
		expect(now.banners.map((banner: {id: string}) => banner.id)).toEqual([
			'server-unreachable',
		]);

		// Then the exported scenario replays to that state and those banners
		const file = path.join(directory, 'customer.yaml');
		const exported = await cli(['export-scenario', ...admin, '-o', file]);
		expect(exported.code, exported.stderr).toBe(0);
		const text = await readFile(file, 'utf8');
		const replay = await cli(['simulate', file, '--json']);
		expect(replay.code, replay.stdout + replay.stderr).toBe(0);
		const result = JSON.parse(replay.stdout);
		const last = result.days.at(-1);
		expect(last.state).toBe(now.state);
		expect(last.banners).toEqual(now.banners);
		expect(last.capacity).toBe(now.capacity);
		expect(
			last.licenses.map((license: {status: string}) => license.status),
		).toEqual(now.licenses.map((license: {status: string}) => license.status));
		expect(result.expectations.failed).toEqual([]);
		expect(result.expectations.passed).toBeGreaterThan(0);
		expect(text).toMatch(/do: network, state: offline/);
		expect(text).toMatch(/do: connect/);

		// And nothing personal is left in it: every value the store holds is searched for
		const values = await storedValues(admin[1]!);
		expect(values).toEqual(
			expect.arrayContaining([
				CUSTOMER.company,
				CUSTOMER.person,
				CUSTOMER.email,
				key,
			]),
		);
		const found = values.filter((value) => text.includes(value));
		expect(found).toEqual([]);

		// Unless the admin asks to keep it
		const kept = await cli([
			'export-scenario',
			...admin,
			'--keep-personal-data',
		]);
		expect(kept.code, kept.stderr).toBe(0);
		for (const value of [CUSTOMER.company, CUSTOMER.person, key]) {
			expect(kept.stdout).toContain(value);
		}
	});

	it('an empty store has nothing to export (exit 1, said); an extra argument is bad input (exit 2)', async () => {
		const empty = await cli([
			'export-scenario',
			'--store',
			`sqlite://${path.join(directory, 'empty.sqlite')}`,
		]);
		expect(empty.code).toBe(1);
		expect(empty.stderr).toMatch(/Nothing to export/);
		expect(empty.stderr).not.toMatch(/\n\s+at /);
		const extra = await cli(['export-scenario', ...admin, 'extra']);
		expect(extra.code).toBe(2);
	});
});

/**
 * Every string the store holds that could identify the customer or be a secret: each leaf of
 * the stored record, but the program's own vocabulary (ids like `subscription`, codes), times and
 * the country (not personal data, kept on purpose).
 */
async function storedValues(storeUrl: string): Promise<string[]> {
	const store = await openStore(storeUrl, {readOnly: true});
	try {
		const loaded = await store.load();
		if (loaded.kind !== 'loaded') throw new Error('nothing stored');
		const leaves = new Set<string>();
		const walk = (value: unknown) => {
			if (typeof value === 'string') leaves.add(value);
			else if (Array.isArray(value)) value.forEach(walk);
			else if (value && typeof value === 'object')
				Object.values(value).forEach(walk);
		};
		walk(loaded.value);
		const record = loaded.value as {state: {customer: {country: string}}};
		return [...leaves].filter(
			(value) =>
				value.length > 3 &&
				!/^[a-z][a-z0-9-]*$/.test(value) &&
				value !== record.state.customer.country,
		);
	} finally {
		await store.close();
	}
}
