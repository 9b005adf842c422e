/**
 * Issue 10 point 13: exit codes 0 done, 1 failed, 2 bad input, everywhere, and input checked.
 * `add-key` exited 2 when some keys were added, a store path that is a directory exited 1,
 * `--store /proc/1/nope/x.sqlite` hung at full CPU (Node's recursive mkdir loops there), a
 * password in a server URL was echoed, and a second installation key on one installation was
 * accepted (SPEC §3: one per installation). The CLI cases run the built program in real
 * processes, each under a time bound the test sets.
 */
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createHttpLicenseServer} from '../source/adapters/http-license-server.js';
import {mintKey} from '../source/engine/keys.js';
import {shownUrl} from '../source/engine/safe-text.js';
import {planSave} from '../source/engine/save.js';
import {initialState} from '../source/engine/step.js';
import type {EngineState} from '../source/engine/types.js';
import {serveVendor} from '../source/license-server/serve.js';
import {
	exportPublicKey,
	generateVendorKeyPair,
} from '../source/signing/index.js';
import {documentOf, grant, T0} from './engine/fixtures.js';
import {registerArgs, runCli} from './helpers/cli-process.js';

const REGISTER = registerArgs();
const execFileAsync = promisify(execFile);

const newKey = (kind: 'installation' | 'license') =>
	mintKey(kind, (size) => randomBytes(size));

let directory: string;
beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'myq-exit-'));
});
afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

describe('add-key-partial-exit: add-key exits 2 only when no key was added', () => {
	it('one key added and one refused: exit 0, the refusal on stderr and in --json; all refused: exit 2', async () => {
		const store = [
			'--store',
			`sqlite://${path.join(directory, 'partial.sqlite')}`,
		];
		expect((await runCli([...store, ...REGISTER])).code).toBe(0);

		const some = await runCli([
			...store,
			'add-key',
			newKey('license'),
			'KXXXX',
		]);
		expect(some.code).toBe(0);
		expect(some.stdout).toMatch(/added/);
		expect(some.stderr).toMatch(/refused: "KXXXX"/);

		const json = await runCli([
			...store,
			'add-key',
			newKey('license'),
			'KYYYY',
			'--json',
		]);
		expect(json.code).toBe(0);
		expect(JSON.parse(json.stdout)).toMatchObject({
			ok: true,
			accepted: [expect.any(String)],
			refused: [{input: 'KYYYY'}],
		});

		const none = await runCli([...store, 'add-key', 'KXXXX', 'KZZZZ']);
		expect(none.code).toBe(2);

		// add-key-json-says-ok: --json said ok: true when every key was refused (exit 2)
		const noneJson = await runCli([...store, 'add-key', 'KXXXX', '--json']);
		expect(noneJson.code).toBe(2);
		expect(JSON.parse(noneJson.stdout)).toMatchObject({
			ok: false,
			accepted: [],
			refused: [{input: 'KXXXX'}],
		});
	});
});

describe('ignored-arguments: a command that takes no arguments refuses them (exit 2) instead of ignoring them', () => {
	it('activate KEY: the key is not silently left out while other pending keys are activated', async () => {
		// Given an installation with a pending key, and a careless admin who gives activate a key
		const store = [
			'--store',
			`sqlite://${path.join(directory, 'arguments.sqlite')}`,
		];
		expect((await runCli([...store, ...REGISTER])).code).toBe(0);
		expect((await runCli([...store, 'add-key', newKey('license')])).code).toBe(
			0,
		);
		const other = newKey('license');
		// When the commands that take none are given arguments
		for (const args of [
			['activate', other, '--server', 'http://127.0.0.1:9'],
			['connect', 'now', '--server', 'http://127.0.0.1:9'],
			['status', 'extra'],
			[...REGISTER, 'extra'],
		]) {
			const en = await runCli([...store, ...args]);
			// Then nothing is done, and the message names what was not expected
			expect(en.code, `${args[0]}: ${en.stderr}`).toBe(2);
			expect(en.stdout).toBe('');
			expect(en.stderr).toContain(
				`${args[0]} takes no arguments, but was given "`,
			);
		}
		const fr = await runCli([...store, 'activate', other], {lang: 'fr'});
		expect(fr.code).toBe(2);
		expect(fr.stderr).toContain(
			`activate ne prend pas d'argument, mais a reçu « ${other} »`,
		);
		const status = JSON.parse(
			(await runCli([...store, 'status', '--json'])).stdout,
		) as {licenses: {key: string}[]};
		expect(status.licenses.map((license) => license.key)).not.toContain(other);
	});
});

describe('store-path-bad-input: a store path that cannot be a store file is bad input (exit 2), at once', () => {
	it('a directory', async () => {
		const folder = path.join(directory, 'a-folder');
		await mkdir(folder);
		const result = await runCli(['--store', folder, 'status']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(`The store path ${folder} is a directory`);
	});

	it('--store /proc/1/nope/x.sqlite fails at once instead of hanging', async () => {
		// A command that writes (status only reads, and reads a missing store as empty).
		const result = await runCli([
			'--store',
			'/proc/1/nope/x.sqlite',
			...REGISTER,
		]);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('Cannot create the directory /proc/1/nope');
	});

	it('trust-under-proc-hangs: MYQ_CONFIG_DIR=/proc/1/nope: trust fails at once instead of spinning', async () => {
		// Node's recursive mkdir loops forever where a folder cannot be made (the store's case)
		const key = exportPublicKey(generateVendorKeyPair().publicKey);
		const result = await runCli(['trust', key], {
			env: {MYQ_CONFIG_DIR: '/proc/1/nope'},
		});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(
			'The trust file /proc/1/nope/vendor-key.json could not be written',
		);
	});

	it('a path under a file', async () => {
		const file = path.join(directory, 'a-file');
		await writeFile(file, 'x');
		const result = await runCli([
			'--store',
			path.join(file, 'x.sqlite'),
			'status',
		]);
		expect(result.code).toBe(2);
	});

	it('store-not-a-file: a FIFO or a device is no store: status neither hangs nor reads it as empty, no command says "disk I/O error"', async () => {
		// Given a named pipe (status opened it for reading and waited for a writer forever) and
		// character devices (/dev/zero read as an empty store: status said Unlicensed)
		const fifo = path.join(directory, 'store.fifo');
		await execFileAsync('mkfifo', [fifo]);
		for (const store of [fifo, '/dev/zero', '/dev/null']) {
			for (const command of [['status'], ['status', '--json'], REGISTER]) {
				// When a command opens it as its store
				const result = await runCli(['--store', store, ...command]);
				// Then it is refused at once as bad input, saying what the path is
				expect(result.code, `${store} ${command[0]}: ${result.stderr}`).toBe(2);
				expect(result.stdout).toBe('');
				expect(result.stderr).toContain(
					`The store path ${store} is not a file`,
				);
			}
		}
	});

	it('missing folders on the way are still made', async () => {
		const nested = path.join(directory, 'new', 'a', 'b', 'x.sqlite');
		const result = await runCli(['--store', nested, ...REGISTER]);
		expect(result.code, result.stderr).toBe(0);
	});
});

describe('password-in-url: a password in a URL is never echoed', () => {
	const SECRET = 's3cr3t-pa55';

	it.each([
		['--server', ['--server', `http://admin:${SECRET}@127.0.0.1:9`]],
		[
			'a password holding / and @',
			['--server', `http://admin:a/b@${SECRET}@127.0.0.1:9`],
		],
		[
			'an URL that is not http',
			['--server', `ftp://admin:${SECRET}@127.0.0.1:9`],
		],
	])('%s: exit 2, the password masked', async (_name, flags) => {
		const result = await runCli([...flags, 'connect']);
		expect(result.code).toBe(2);
		expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET);
		expect(result.stderr).toContain('admin:***@');
	});

	it('MYQ_LICENSE_SERVER with a password: exit 2, masked', async () => {
		const result = await runCli(['activate'], {
			env: {MYQ_LICENSE_SERVER: `https://admin:${SECRET}@licensing.test`},
		});
		expect(result.code).toBe(2);
		expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET);
	});

	it('a store URL with a password (postgres, redis): never shown', async () => {
		for (const url of [
			`postgresql://app:${SECRET}@127.0.0.1:9/licenses`,
			`redis://app:${SECRET}@127.0.0.1:9`,
		]) {
			const result = await runCli(['--store', url, 'status']);
			expect(result.code).not.toBe(0);
			expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET);
			expect(result.stderr).toContain('app:***@');
		}
	});

	it('vendor commands: --server with a password is refused, masked', async () => {
		const result = await runCli([
			'vendor',
			'revoke',
			'K',
			'--server',
			`http://admin:${SECRET}@127.0.0.1:9`,
			'--token',
			't',
		]);
		expect(result.code).toBe(2);
		expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET);
	});

	it('the HTTP client names its server without the password, whatever fetch says', async () => {
		const baseUrl = `http://admin:${SECRET}@127.0.0.1:9`;
		const server = createHttpLicenseServer({
			baseUrl,
			clock: {now: () => T0, setTimeout: () => 0, clearTimeout: () => {}},
			publicKey: generateVendorKeyPair().publicKey,
			fetch: (async (url: string) => {
				throw new TypeError(`Request cannot be constructed from ${url}`);
			}) as unknown as typeof fetch,
		});
		const result = await server.contact({
			installationId: 'inst-1',
			fingerprint: 'fp',
			nonce: 'n',
		});
		expect(result.ok).toBe(false);
		expect(!result.ok && result.failure.message).not.toContain(SECRET);
		expect(!result.ok && result.failure.message).toContain('admin:***@');
	});

	it('shownUrl masks the password alone, keeps the rest', () => {
		expect(shownUrl('postgres://app:pw@db:5432/licenses')).toBe(
			'postgres://app:***@db:5432/licenses',
		);
		expect(shownUrl('redis://:pw@cache')).toBe('redis://:***@cache');
		expect(shownUrl('http://user@host/x')).toBe('http://user@host/x');
		expect(shownUrl('http://a:b/c@host/x')).toBe('http://a:***@host/x');
		expect(shownUrl('http://a:b@c@host/x?q=a@b')).toBe(
			'http://a:***@host/x?q=a@b',
		);
		expect(shownUrl('sqlite:///var/lib/myq.sqlite')).toBe(
			'sqlite:///var/lib/myq.sqlite',
		);
	});
});

describe('negative-days: negative numbers get a clear message, not meow\'s "argument is ambiguous"', () => {
	it.each([
		[
			[
				'vendor',
				'extend',
				'K',
				'--days',
				'-5',
				'--server',
				'http://127.0.0.1:9',
				'--token',
				't',
			],
			/--days N, a whole number of days of at least 1/,
		],
		[
			[
				'vendor',
				'extend',
				'K',
				'--days=-5',
				'--server',
				'http://127.0.0.1:9',
				'--token',
				't',
			],
			/--days N, a whole number of days of at least 1/,
		],
		[
			[
				'simulate',
				'fixtures/scenarios/subscription-not-renewed.yaml',
				'--until',
				'-1',
			],
			/--until -1 is not a day number \(0 or more\)/,
		],
		[
			[
				'simulate',
				'fixtures/scenarios/subscription-not-renewed.yaml',
				'--until=-1',
			],
			/--until -1 is not a day number/,
		],
	])('%j', async (args, message) => {
		const result = await runCli(args);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(message);
		expect(result.stderr).not.toMatch(/ambiguous/);
	});

	it('--until -1 in French', async () => {
		const result = await runCli(
			[
				'simulate',
				'fixtures/scenarios/subscription-not-renewed.yaml',
				'--until',
				'-1',
			],
			{lang: 'fr'},
		);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain("--until -1 n'est pas un numéro de jour");
	});
});

describe('second-installation-key: one installation key per installation (SPEC §3), in the engine', () => {
	const customer = {
		company: 'Acme',
		person: 'Jane Roe',
		address: '1 Rue X',
		country: 'FR',
		email: 'it@acme.test',
	};
	const base: EngineState = {...initialState('inst-1', T0), customer};
	const first = newKey('installation');
	const second = newKey('installation');
	const license = newKey('license');

	const cases: [string, EngineState, string, string[], string[]][] = [
		[
			'none yet: both typed at once, the first is added',
			base,
			`${first} ${second} ${license}`,
			[first, license],
			[second],
		],
		[
			'one pending',
			{...base, pending: [{key: first, kind: 'installation', addedAt: T0}]},
			`${second} ${license}`,
			[license],
			[second],
		],
		[
			'one activated (its licenses in the document)',
			{
				...base,
				document: documentOf([
					grant({key: first, keyKind: 'installation', id: `${first}/1`}),
				]),
			},
			second,
			[],
			[second],
		],
		[
			'one the license server refused: a corrected key may be added',
			{
				...base,
				pending: [
					{
						key: first,
						kind: 'installation',
						addedAt: T0,
						refusal: {code: 'unknown-key', message: 'unknown'},
					},
				],
			},
			second,
			[second],
			[],
		],
	];

	it.each(cases)('%s', (_name, state, typed, added, refused) => {
		const plan = planSave(state, null, typed);
		if (!plan.ok) throw new Error('the plan failed');
		expect(plan.accepted.map((key) => key.key)).toEqual(added);
		expect(plan.refused.map((refusal) => refusal.input)).toEqual(refused);
		for (const refusal of plan.refused) {
			expect(refusal.code).toBe('second-installation');
			expect(refusal.message).toContain('this installation already has one');
		}
	});

	it('add-key of a second installation key: exit 2, said in en and fr', async () => {
		const store = [
			'--store',
			`sqlite://${path.join(directory, 'installation.sqlite')}`,
		];
		expect((await runCli([...store, ...REGISTER])).code).toBe(0);
		expect((await runCli([...store, 'add-key', first])).code).toBe(0);
		const en = await runCli([...store, 'add-key', second]);
		expect(en.code).toBe(2);
		expect(en.stderr).toContain(
			`"${second}" is an installation key, and this installation already has one (${first})`,
		);
		const fr = await runCli([...store, 'add-key', second], {lang: 'fr'});
		expect(fr.code).toBe(2);
		expect(fr.stderr).toContain('cette installation en a déjà une');
	});
});

describe('vendor-refusal-exit: a request the license server refuses as bad is bad input (2), as offline-activate --store already said', () => {
	it('a wrong token, a malformed key, a damaged request file: exit 2 whether the server or its store says so; no server: 1', async () => {
		const served = await serveVendor({
			port: 0,
			storeUrl: `sqlite://${path.join(directory, 'vendor-exit.sqlite')}`,
			token: 'right-token',
			write: () => undefined,
		});
		try {
			const server = ['--server', served.url];
			const mint = [
				'vendor',
				'mint',
				'--type',
				'license',
				'--kind',
				'perpetual',
				'--devices',
				'1',
			];
			// The wrong token (it exited 1, as if the server could not be reached)
			expect(
				(await runCli([...mint, ...server, '--token', 'wrong-token'])).code,
			).toBe(2);
			// A key that is not one
			const extend = await runCli([
				'vendor',
				'extend',
				'NXXXX',
				'--days',
				'5',
				...server,
				'--token',
				'right-token',
			]);
			expect(extend.code, extend.stderr).toBe(2);
			expect(extend.stderr).toContain('malformed-key');
			// A request file that is not one: the same answer through the server as on its store
			const request = path.join(directory, 'not-a-request.json');
			await writeFile(request, '{"type":"something-else"}');
			const out = ['-o', path.join(directory, 'response.json')];
			const viaServer = await runCli([
				'vendor',
				'offline-activate',
				request,
				...out,
				...server,
			]);
			const viaStore = await runCli([
				'vendor',
				'offline-activate',
				request,
				...out,
				'--store',
				`sqlite://${path.join(directory, 'vendor-exit-offline.sqlite')}`,
			]);
			expect(viaStore.code, viaStore.stderr).toBe(2);
			expect(viaServer.code, viaServer.stderr).toBe(2);
		} finally {
			await served.close();
		}
		// No server at all is a failure, not bad input
		expect(
			(
				await runCli([
					'vendor',
					'revoke',
					newKey('license'),
					'--server',
					'http://127.0.0.1:9',
					'--token',
					't',
				])
			).code,
		).toBe(1);
	});
});
