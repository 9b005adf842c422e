/**
 * The CLI as an admin uses it over SSH: the built program in child processes, against a real
 * `vendor serve` on a loopback port that the test starts and stops.
 */
import {execFile, spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
	type ServedVendor,
	serveVendor,
} from '../source/license-server/serve.js';
import {CLI, MISSING_BUILD} from './helpers/bin.js';
import {englishIn} from './helpers/english-words.js';

const run = promisify(execFile);
const TOKEN = 'cli-test-token';

type Result = {code: number; stdout: string; stderr: string};

async function cli(
	args: string[],
	env: Record<string, string> = {},
): Promise<Result> {
	try {
		const {stdout, stderr} = await run(process.execPath, [CLI, ...args], {
			env: {
				...process.env,
				LANG: 'en_US.UTF-8',
				LC_ALL: '',
				// R16: this file's own trust file, apart from the user's.
				MYQ_CONFIG_DIR: path.join(directory, 'config'),
				...env,
			},
		});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failed = error as {code: number; stdout: string; stderr: string};
		return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr};
	}
}

let directory: string;
let vendor: ServedVendor;
let admin: string[];

beforeAll(async () => {
	if (!existsSync(CLI)) {
		throw new Error(MISSING_BUILD);
	}
	directory = await mkdtemp(path.join(tmpdir(), 'myq-cli-'));
	vendor = await serveVendor({
		port: 0,
		storeUrl: `sqlite://${path.join(directory, 'vendor.sqlite')}`,
		token: TOKEN,
		write: () => undefined,
	});
	admin = [
		'--store',
		`sqlite://${path.join(directory, 'myq.sqlite')}`,
		'--server',
		vendor.url,
	];
});

afterAll(async () => {
	await vendor?.close().catch(() => undefined);
	await rm(directory, {recursive: true, force: true});
});

async function mint(args: string[]): Promise<string> {
	const minted = await cli([
		'vendor',
		'mint',
		'--server',
		vendor.url,
		'--token',
		TOKEN,
		...args,
	]);
	expect(minted.code, minted.stderr).toBe(0);
	return minted.stdout.trim().split('\n').at(-1)!;
}

describe('the admin path: vendor serve, vendor mint, register, add-key, activate, status --json', () => {
	it('connect-after-revocation-says-up-to-date: connect after the vendor revoked a license says so and exits 1 (issue 12, point 6)', async () => {
		// Given an installation of its own with two perpetual license keys, both active
		const store = [
			'--store',
			`sqlite://${path.join(directory, 'revoked.sqlite')}`,
			'--server',
			vendor.url,
			'--vendor-key',
			vendor.publicKey,
		];
		const kept = await mint([
			'--type',
			'license',
			'--kind',
			'perpetual',
			'--devices',
			'2',
		]);
		const revoked = await mint([
			'--type',
			'license',
			'--kind',
			'perpetual',
			'--devices',
			'10',
		]);
		const registered = await cli([
			'register',
			...store,
			'--company',
			'Acme',
			'--person',
			'Jane Roe',
			'--address',
			'1 Rue X, Paris',
			'--country',
			'FR',
			'--email',
			'it@acme.test',
		]);
		expect(registered.code, registered.stderr).toBe(0);
		expect((await cli(['add-key', ...store, kept, revoked])).code).toBe(0);
		expect((await cli(['activate', ...store])).code).toBe(0);
		// When the vendor revokes one, and the admin connects
		const revocation = await cli([
			'vendor',
			'revoke',
			revoked,
			'--server',
			vendor.url,
			'--token',
			TOKEN,
		]);
		expect(revocation.code, revocation.stderr).toBe(0);
		const connect = await cli(['connect', ...store]);
		// Then it says which license the contact revoked, not "up to date", and exits 1
		expect(connect.code, connect.stdout).toBe(1);
		expect(connect.stderr).toContain('1 license(s) revoked by the vendor');
		expect(connect.stderr).toContain(revoked);
		expect(`${connect.stdout}${connect.stderr}`).not.toContain('up to date');
		// And a second connect, with nothing new, is up to date again.
		const again = await cli(['connect', ...store]);
		expect(again.code, again.stderr).toBe(0);
		expect(again.stdout).toContain('up to date');
	});

	it('activates an installation key and shows the licenses active with their capacity; with the server stopped, connect exits 1 and the licenses stay', async () => {
		const key = await mint([
			'--type',
			'installation',
			'--license',
			'subscription:10:365',
			'--license',
			'perpetual:1',
		]);
		expect(key).toMatch(/^N[0-9A-Z]{4}(-[0-9A-Z]{5}){4}$/);

		const registered = await cli([
			'register',
			...admin,
			'--company',
			'Acme',
			'--person',
			'Jane Roe',
			'--address',
			'1 Rue X, Paris',
			'--country',
			'France',
			'--email',
			'it@acme.test',
		]);
		expect(registered.code, registered.stderr).toBe(0);

		const added = await cli(['add-key', ...admin, key]);
		expect(added.code, added.stderr).toBe(0);
		expect(added.stdout).toContain('pending');

		// R16 (SPEC change): no key is pinned behind the admin's back any more. Without a trusted
		// key, Activate asks nothing; trusting the key the server presents is the admin's choice.
		const untrusted = await cli(['activate', ...admin]);
		expect(untrusted.code).toBe(1);
		expect(untrusted.stderr).toMatch(/No vendor public key is trusted yet/);
		const trusted = await cli(['trust', '--server', vendor.url]);
		expect(trusted.code, trusted.stderr).toBe(0);
		expect(trusted.stdout).toContain(
			`The vendor public key ${vendor.publicKey} is now trusted (the key ${vendor.url} presents, trusted on first use)`,
		);

		const activated = await cli(['activate', ...admin]);
		expect(activated.code, activated.stderr).toBe(0);
		expect(activated.stdout).toMatch(/Activated: 2 new license/);

		const status = await cli(['status', ...admin, '--json']);
		expect(status.code).toBe(0);
		const document = JSON.parse(status.stdout);
		expect(document).toMatchObject({
			state: 'running',
			operational: true,
			capacity: 11,
			banners: [],
			devices: {activated: 0, capacity: 11},
		});
		expect(document.licenses).toMatchObject([
			{key: `${key}/1`, kind: 'subscription', devices: 10, status: 'active'},
			{key: `${key}/2`, kind: 'perpetual', devices: 1, status: 'active'},
		]);

		const unreachable = [
			'--store',
			admin[1]!,
			'--server',
			'http://127.0.0.1:9',
		];
		const connect = await cli(['connect', ...unreachable]);
		expect(connect.code).toBe(1);
		expect(connect.stderr).toMatch(/could not be reached/);
		expect(connect.stderr).not.toMatch(/\n\s+at /);

		// cli-connect-reason-in-french: the reason was the client's English sentence inside the
		// French one; now it is French around the system's own words (fetch failed (...)).
		const connectFr = await cli(['connect', ...unreachable, '--lang', 'fr']);
		expect(connectFr.code).toBe(1);
		expect(connectFr.stderr).toContain(
			'Le serveur de licences est injoignable (le serveur de licences à http://127.0.0.1:9 ne peut pas être joint : fetch failed',
		);
		expect(englishIn(connectFr.stderr), connectFr.stderr).toEqual([]);
		const json = await cli(['connect', ...unreachable, '--json']);
		expect(json.code).toBe(1);
		expect(json.stdout + json.stderr).toContain(
			'The license server at http://127.0.0.1:9 cannot be reached: fetch failed',
		);

		const after = JSON.parse(
			(await cli(['status', ...unreachable, '--json'])).stdout,
		);
		expect(after).toMatchObject({state: 'warning', capacity: 11});
		expect(after.banners[0]).toMatchObject({id: 'server-unreachable'});
		expect(after.licenses).toHaveLength(2);
	});

	it('manual activation: activate --manual --out, vendor offline-activate, import', async () => {
		const store = [
			'--store',
			`sqlite://${path.join(directory, 'manual.sqlite')}`,
			'--server',
			'http://127.0.0.1:9',
			'--vendor-key',
			vendor.publicKey,
		];
		const key = await mint([
			'--type',
			'license',
			'--kind',
			'perpetual',
			'--devices',
			'3',
		]);
		await cli([
			'register',
			...store,
			'--company',
			'Acme',
			'--person',
			'Jane Roe',
			'--address',
			'x',
			'--country',
			'DE',
			'--email',
			'a@b.test',
		]);
		await cli(['add-key', ...store, key]);
		const offline = await cli(['activate', ...store]);
		expect(offline.code).toBe(1);
		expect(offline.stderr).toMatch(/manual activation/);

		const requestFile = path.join(directory, 'request.json');
		const responseFile = path.join(directory, 'response.json');
		expect(
			(await cli(['activate', ...store, '--manual', '--out', requestFile]))
				.code,
		).toBe(0);
		const portal = await cli([
			'vendor',
			'offline-activate',
			requestFile,
			'-o',
			responseFile,
			'--server',
			vendor.url,
		]);
		expect(portal.code, portal.stderr).toBe(0);

		// One byte altered: refused, exit 2, nothing changes.
		const response = await readFile(responseFile, 'utf8');
		const altered = path.join(directory, 'altered.json');
		await writeFile(altered, response.replace('"devices":3', '"devices":4'));
		const refused = await cli(['import', ...store, altered]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toMatch(/not signed by the vendor/);

		const imported = await cli(['import', ...store, responseFile]);
		expect(imported.code, imported.stderr).toBe(0);
		const status = JSON.parse(
			(await cli(['status', ...store, '--json'])).stdout,
		);
		expect(status).toMatchObject({capacity: 3, licenses: [{status: 'active'}]});
	});
});

describe('bad input: a clear message, exit 2, never a stack trace', () => {
	it.each([
		[
			[
				'register',
				'--company',
				'Acme',
				'--person',
				'Jane Roe',
				'--address',
				'x',
				'--country',
				'Narnia',
				'--email',
				'nope',
			],
			/--country[\s\S]*--email/,
		],
		[['add-key', 'NABCD-EFGHJ-KMNPQ-RSTVW-XYZ01'], /register/],
		[['status', '--bogus'], /Unknown flag/],
		[['status', '--lang', 'de'], /fr or en/],
		[['frobnicate'], /Unknown command "frobnicate"/],
		[['import'], /Usage: myq-license import FILE/],
		[['import', '/nonexistent/response.json'], /Could not read/],
		[['activate', '--manual'], /--out FILE/],
		[['status', '--server', 'ftp://x'], /not an http\(s\) URL/],
		[
			[
				'vendor',
				'mint',
				'--server',
				'http://127.0.0.1:9',
				'--token',
				't',
				'--type',
				'installation',
				'--license',
				'subscription:10',
			],
			/term in days/,
		],
	])('%j', async (args, message) => {
		const store = [
			'--store',
			`sqlite://${path.join(directory, 'bad-input.sqlite')}`,
		];
		const result = await cli([
			...args,
			...(args[0] === 'vendor' || args[0] === 'frobnicate' ? [] : store),
		]);
		expect(result.code).toBe(2);
		expect(`${result.stderr}${result.stdout}`).toMatch(message);
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});

	it('a malformed key is refused by name; the valid one is still added', async () => {
		const store = [
			'--store',
			`sqlite://${path.join(directory, 'bad-keys.sqlite')}`,
		];
		await cli([
			'register',
			...store,
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
		]);
		const key = await mint([
			'--type',
			'license',
			'--kind',
			'perpetual',
			'--devices',
			'1',
		]);
		const result = await cli(['add-key', ...store, 'HELLO-WORLD', key]);
		// A key was added, so the command did its job: 0 (issue 10 point 13; 2 is for none added).
		expect(result.code).toBe(0);
		expect(result.stderr).toMatch(/refused: "HELLO-WORLD"/);
		expect(result.stdout).toContain(`added ${key}`);
	});

	it('a store that is not a database is refused and left untouched', async () => {
		const file = path.join(directory, 'not-a-db.sqlite');
		await writeFile(file, 'hello, I am a text file');
		const result = await cli(['status', '--store', `sqlite://${file}`]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/not-a-db\.sqlite/);
		expect(await readFile(file, 'utf8')).toBe('hello, I am a text file');
	});

	it('every command has --help with examples', async () => {
		for (const command of [
			'status',
			'register',
			'add-key',
			'activate',
			'import',
			'connect',
			'devices',
			'vendor',
		]) {
			const help = await cli([command, '--help']);
			expect(help.code, command).toBe(0);
			expect(help.stdout, command).toMatch(/Examples/);
		}
	});
});

describe('vendor serve as a process', () => {
	it('prints where it listens and its public key, and stops cleanly on SIGTERM', async () => {
		const child = spawn(process.execPath, [
			CLI,
			'vendor',
			'serve',
			'--port',
			'0',
			'--store',
			`sqlite://${path.join(directory, 'served.sqlite')}`,
		]);
		let output = '';
		child.stdout.on('data', (chunk) => {
			output += chunk;
		});
		await vi_waitFor(() => /Vendor public key: \S+/.test(output));
		const url = /listening on (\S+)/.exec(output)?.[1];
		const health = await fetch(`${url}/v1/health`);
		expect(await health.json()).toMatchObject({ok: true});
		const exited = new Promise<number | null>((resolve) =>
			child.on('exit', resolve),
		);
		child.kill('SIGTERM');
		expect(await exited).toBe(0);
		expect(output).toMatch(/License server stopped/);
	});
});

async function vi_waitFor(condition: () => boolean, timeout = 10_000) {
	const start = Date.now();
	while (!condition()) {
		if (Date.now() - start > timeout) {
			throw new Error('condition not met in time');
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}
