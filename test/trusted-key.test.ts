/**
 * Issue 10, points 1, 10 and 11, as an admin (or an attacker with write access to the store)
 * meets them: the built CLI in child processes, a real `vendor serve` on a loopback port, each
 * installation with its own store and its own config directory (the trust file, R16).
 */
import {execFile} from 'node:child_process';
import {
	chmod,
	chown,
	copyFile,
	mkdir,
	mkdtemp,
	readFile,
	rm,
	symlink,
	writeFile,
} from 'node:fs/promises';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openStore} from '../source/adapters/keyv-store.js';
import {DAY} from '../source/engine/types.js';
import {
	type ServedVendor,
	serveVendor,
} from '../source/license-server/serve.js';
import {
	exportPublicKey,
	generateVendorKeyPair,
	sign,
} from '../source/signing/index.js';
import {RAW_BUT_LINES} from './helpers/cli-process.js';

const run = promisify(execFile);
const CLI = path.resolve('dist/source/cli.js');
const TOKEN = 'trust-test-token';

type Result = {code: number; stdout: string; stderr: string};

let directory: string;
let vendor: ServedVendor;
let count = 0;

beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'myq-trust-'));
	// Readable by the unprivileged user the read-only test runs as.
	await chmod(directory, 0o755);
	vendor = await serveVendor({
		port: 0,
		storeUrl: `sqlite://${path.join(directory, 'vendor.sqlite')}`,
		token: TOKEN,
		write: () => undefined,
	});
});

afterAll(async () => {
	await vendor?.close().catch(() => undefined);
	await rm(directory, {recursive: true, force: true});
});

/** One MyQ server: its store, its config directory, the CLI run with both. */
type Installation = {
	store: string;
	config: string;
	cli(
		args: string[],
		options?: {env?: Record<string, string>; uid?: number},
	): Promise<Result>;
};

function installation(): Installation {
	count += 1;
	const store = `sqlite://${path.join(directory, `myq-${count}.sqlite`)}`;
	const config = path.join(directory, `config-${count}`);
	return {
		store,
		config,
		async cli(args, options = {}) {
			try {
				const {stdout, stderr} = await run(
					process.execPath,
					[CLI, ...args, '--store', store],
					{
						env: {
							...process.env,
							LANG: 'en_US.UTF-8',
							LC_ALL: '',
							MYQ_CONFIG_DIR: config,
							MYQ_VENDOR_KEY: '',
							...options.env,
						},
						...(options.uid === undefined
							? {}
							: {uid: options.uid, gid: options.uid}),
					},
				);
				return {code: 0, stdout, stderr};
			} catch (error) {
				const failed = error as {code: number; stdout: string; stderr: string};
				return {
					code: failed.code,
					stdout: failed.stdout,
					stderr: failed.stderr,
				};
			}
		},
	};
}

async function mint(): Promise<string> {
	const minted = await installation().cli([
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
		'perpetual:1',
		'--license',
		'perpetual:5',
	]);
	expect(minted.code, minted.stderr).toBe(0);
	return minted.stdout.trim().split('\n').at(-1)!;
}

/** An installation running on 10 + 1 + 5 = 16 devices, the vendor's key trusted as given. */
async function running(): Promise<Installation> {
	const it = installation();
	const server = ['--server', vendor.url];
	for (const args of [
		['trust', vendor.publicKey],
		[
			'register',
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
		],
		['add-key', await mint()],
		['activate', ...server],
	]) {
		const result = await it.cli(args);
		expect(result.code, `${args[0]}: ${result.stderr}`).toBe(0);
	}
	expect(await status(it)).toMatchObject({state: 'running', capacity: 16});
	return it;
}

async function status(
	it: Installation,
	env: Record<string, string> = {},
): Promise<Record<string, unknown> & {capacity: number}> {
	const result = await it.cli(['status', '--json'], {env});
	expect(result.code, result.stderr).toBe(0);
	return JSON.parse(result.stdout);
}

type StoredRecord = {
	vendorKey?: string | null;
	state: {
		document: {
			payload: {
				licenses: {devices: number; expiresAt: number | null}[];
			} & Record<string, unknown>;
			signature: string;
		};
		log: {type: string}[];
	};
};

/** The state row as the store holds it (the text), read without going through the program. */
async function storedText(it: Installation): Promise<string> {
	const store = await openStore(it.store, {readOnly: true});
	try {
		return String(await store.raw.store.get(store.raw._getKeyPrefix('state')));
	} finally {
		await store.close();
	}
}

/**
 * The attack of issue 10, point 1: a script with write access to the store re-signs the stored
 * document with its own key (9,999 devices a license, ten more years) and writes that key into
 * the row, where earlier versions took the trusted key from.
 */
async function forgeWithOwnKey(it: Installation): Promise<void> {
	const attacker = generateVendorKeyPair();
	const store = await openStore(it.store);
	try {
		const record = (await store.raw.get('state')) as StoredRecord;
		const {payload} = record.state.document;
		record.state.document = sign(
			{
				...payload,
				licenses: payload.licenses.map((grant) => ({
					...grant,
					devices: 9999,
					expiresAt:
						grant.expiresAt === null ? null : grant.expiresAt + 3650 * DAY,
				})),
			},
			attacker.privateKey,
		);
		record.vendorKey = exportPublicKey(attacker.publicKey);
		await store.raw.set('state', record);
	} finally {
		await store.close();
	}
}

describe('R16 the trusted vendor key is not kept in the row it protects (issue 10, point 1)', () => {
	it('store-re-signed-with-own-key: status no longer shows running with 29,997 devices', async () => {
		const it = await running();
		await forgeWithOwnKey(it);

		const forged = await status(it);

		expect(forged).toMatchObject({
			state: 'stopped',
			operational: false,
			capacity: 0,
			banners: [{id: 'license-problem'}],
			problem: {code: 'bad-signature'},
			vendorKey: {source: 'trust-file', key: vendor.publicKey, how: 'given'},
		});
		const text = await it.cli(['status']);
		expect(text.stdout).not.toContain('9999');
		expect(text.stdout).toMatch(
			/The stored license document was rejected: the signature does not match the vendor key/,
		);
	});

	it('store-re-signed-with-own-key, no key configured at all: the key in the row is not taken either', async () => {
		const it = await running();
		await forgeWithOwnKey(it);

		const forged = await status(it, {MYQ_CONFIG_DIR: `${it.config}-empty`});

		expect(forged).toMatchObject({
			state: 'stopped',
			capacity: 0,
			banners: [{id: 'license-problem'}],
			problem: {code: 'no-vendor-key'},
			vendorKey: {source: 'none', key: null},
		});
	});

	it('status says how the key is trusted: --vendor-key, MYQ_VENDOR_KEY, the trust file (given or on first use), none', async () => {
		const it = await running();
		const flag = await it.cli([
			'status',
			'--json',
			'--vendor-key',
			vendor.publicKey,
		]);
		expect(JSON.parse(flag.stdout).vendorKey).toEqual({
			source: 'flag',
			key: vendor.publicKey,
			file: path.join(it.config, 'vendor-key.json'),
		});
		expect(
			(await status(it, {MYQ_VENDOR_KEY: vendor.publicKey})).vendorKey,
		).toMatchObject({source: 'env', key: vendor.publicKey});
		expect(await it.cli(['status'])).toMatchObject({
			stdout: expect.stringContaining(
				`Vendor key: ${vendor.publicKey}, trusted in ${path.join(it.config, 'vendor-key.json')} (given by the admin on `,
			),
		});

		const replaced = await it.cli([
			'trust',
			'--replace',
			'--server',
			vendor.url,
		]);
		// The same key: nothing to replace.
		expect(replaced).toMatchObject({
			code: 0,
			stdout: expect.stringContaining('is already trusted'),
		});
		const firstUse = installation();
		expect((await firstUse.cli(['trust', '--server', vendor.url])).code).toBe(
			0,
		);
		expect((await status(firstUse)).vendorKey).toMatchObject({
			source: 'trust-file',
			how: 'first-use',
			server: vendor.url,
			key: vendor.publicKey,
		});
		const fr = await firstUse.cli(['status', '--lang', 'fr']);
		expect(fr.stdout).toContain(
			`Clé de l'éditeur : ${vendor.publicKey}, de confiance dans ${path.join(firstUse.config, 'vendor-key.json')} à la première utilisation : l'administrateur a choisi la clé que présentait ${vendor.url} le `,
		);
		expect((await status(installation())).vendorKey).toMatchObject({
			source: 'none',
			key: null,
		});
	});

	it('trust refuses to replace another key without --replace, and a key that is not one', async () => {
		const it = await running();
		const other = exportPublicKey(generateVendorKeyPair().publicKey);
		const refused = await it.cli(['trust', other]);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain(
			`already trusts another vendor key, ${vendor.publicKey}; this one is ${other}`,
		);
		expect((await status(it)).state).toBe('running');
		const bad = await it.cli(['trust', 'hello']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/"hello" is not a vendor public key/);
		expect(bad.stderr).not.toMatch(/\n\s+at /);
	});

	it('migration: a row that earlier versions pinned a key in is not trusted by it; status says what to do', async () => {
		// Given an installation as earlier versions left it: the genuine key in the row, none configured
		const it = await running();
		const store = await openStore(it.store);
		const record = (await store.raw.get('state')) as StoredRecord;
		await store.raw.set('state', {...record, vendorKey: vendor.publicKey});
		await store.close();
		const upgraded = {...it, config: `${it.config}-upgraded`};
		const env = {MYQ_CONFIG_DIR: upgraded.config};

		// Then status stops on license-problem and says how to trust the key
		expect(await status(it, env)).toMatchObject({
			state: 'stopped',
			problem: {code: 'no-vendor-key'},
		});
		const text = await it.cli(['status'], {env});
		expect(text.stdout).toContain('no vendor public key is trusted (R16)');
		expect(text.stdout).toContain('myq-license trust KEY');
		expect(text.stdout).not.toContain('No licenses yet');

		// And once the admin trusts it, the same row runs again
		expect((await it.cli(['trust', vendor.publicKey], {env})).code).toBe(0);
		expect(await status(it, env)).toMatchObject({
			state: 'running',
			capacity: 16,
			problem: null,
		});
	});
});

describe('status only reads (issue 10, point 10)', () => {
	it('status-writes-nothing: no "server started" entry, the stored row byte for byte as it was', async () => {
		const it = await running();
		const before = await storedText(it);

		for (const args of [
			['status'],
			['status', '--json'],
			['status', '--lang', 'fr'],
		]) {
			expect((await it.cli(args)).code).toBe(0);
		}

		expect(await storedText(it)).toBe(before);
	});

	it('status-on-read-only-store: it works on a store file and folder it may not write', async () => {
		const it = installation();
		const folder = path.join(directory, `read-only-${count}`);
		const file = path.join(folder, 'myq.sqlite');
		const readOnly = {
			...it,
			store: `sqlite://${file}`,
		};
		const made = await running();
		// A copy of a running installation's store in a folder of its own, made read-only.
		const {copyFile, mkdir} = await import('node:fs/promises');
		await mkdir(folder);
		await copyFile(made.store.slice('sqlite://'.length), file);
		await chmod(file, 0o444);
		await chmod(folder, 0o555);
		await chmod(made.config, 0o755);
		const bytes = await readFile(file);
		// As root, permissions bind nobody: run it as an unprivileged user then.
		const uid = process.getuid?.() === 0 ? 65534 : undefined;
		try {
			const result = await run(
				process.execPath,
				[CLI, 'status', '--json', '--store', readOnly.store],
				{
					env: {
						...process.env,
						MYQ_CONFIG_DIR: made.config,
						MYQ_VENDOR_KEY: '',
						HOME: folder,
					},
					...(uid === undefined ? {} : {uid, gid: uid}),
				},
			);
			expect(JSON.parse(result.stdout)).toMatchObject({
				state: 'running',
				capacity: 16,
			});
		} finally {
			await chmod(folder, 0o755);
		}
		expect(await readFile(file)).toEqual(bytes);
	});

	it('status-on-full-disk: it works where no byte can be written (SQLite cannot make its -shm file)', async () => {
		// Given a running installation's store at rest: no -wal or -shm file beside it
		const made = await running();
		const file = made.store.slice('sqlite://'.length);
		await rm(`${file}-wal`, {force: true});
		await rm(`${file}-shm`, {force: true});
		const bytes = await readFile(file);

		// When status runs where every write fails as on a full disk (a file size limit of 0,
		// its signal ignored so a write fails with EFBIG instead of ending the process)
		const result = await run(
			'bash',
			[
				'-c',
				`trap '' XFSZ; ulimit -f 0; exec "$0" "$@"`,
				process.execPath,
				CLI,
				'status',
				'--json',
				'--store',
				made.store,
			],
			{env: {...process.env, MYQ_CONFIG_DIR: made.config, MYQ_VENDOR_KEY: ''}},
		).catch((error: Result) => error);

		// Then it reads the store as it is (it said "disk I/O error", exit 1)
		expect(result.stderr).toBe('');
		expect(JSON.parse(result.stdout)).toMatchObject({
			state: 'running',
			capacity: 16,
		});
		expect(await readFile(file)).toEqual(bytes);
	});

	it('status-asks-the-server-nothing: no key fetched or pinned, no contact', async () => {
		const {server, paths, url} = await countingServer();
		try {
			const it = installation();
			expect((await it.cli(['status', '--server', url])).code).toBe(0);
			const made = await running();
			expect((await made.cli(['status', '--server', url])).code).toBe(0);
			// A document that no configuration vouches for, and no key named in the row: earlier
			// versions fetched the server's key here, pinned it and wrote it down.
			const store = await openStore(made.store);
			const record = (await store.raw.get('state')) as StoredRecord;
			await store.raw.set('state', {...record, vendorKey: null});
			await store.close();
			const before = await storedText(made);
			const unconfigured = await made.cli(['status', '--server', url], {
				env: {MYQ_CONFIG_DIR: `${made.config}-none`},
			});
			expect(unconfigured.code).toBe(0);
			expect(paths).toEqual([]);
			expect(await storedText(made)).toBe(before);
		} finally {
			server.close();
		}
	});

	it('no-public-key-fetch-before-contact: with a key configured, connect and activate ask for nothing else first', async () => {
		const made = await running();
		const {server, paths, url} = await countingServer();
		try {
			await made.cli(['connect', '--server', url]);
			await made.cli(['activate', '--server', url]);
			expect(paths).toEqual(['POST /v1/contact', 'POST /v1/activate']);
		} finally {
			server.close();
		}
	});

	it('cli-commands-log-no-server-start: a command beside the server is not a start of it', async () => {
		const made = await running();
		await made.cli(['devices', 'activate', 'printer-1']);
		await made.cli(['connect', '--server', vendor.url]);
		const record = JSON.parse(await storedText(made)) as StoredRecord;
		expect(record.state.log.map((entry) => entry.type)).not.toContain(
			'started',
		);
	});
});

describe('R16 a trust file others can change vouches for nothing (the attacks on issue 10, point 1)', () => {
	/** Status and a command that writes: both refuse the trust file, at once, saying what to do. */
	async function expectRefused(it: Installation, says: RegExp) {
		for (const args of [['status', '--json'], ['connect']]) {
			const result = await it.cli(args);
			expect(result.code, `${args[0]}: ${result.stderr}`).toBe(2);
			expect(result.stdout).toBe('');
			expect(result.stderr).toMatch(says);
		}
	}

	it('trust-file-writable-by-others: a trust file or config directory other users can write, or own, is refused', async () => {
		// Given a running installation, its key trusted in its trust file
		const it = await running();
		const file = path.join(it.config, 'vendor-key.json');

		// When the file can be written by anyone (chmod 666, a careless umask or copy)
		await chmod(file, 0o666);
		// Then whoever could have written their own key there is not believed
		await expectRefused(it, /can be changed by other users \(mode 0666\)/);
		await chmod(file, 0o644);
		expect((await status(it)).state).toBe('running');

		// When its directory can be written by anyone (the file can be replaced)
		await chmod(it.config, 0o777);
		await expectRefused(it, /its directory .* can be changed by other users/);
		await chmod(it.config, 0o700);

		// When the config directory is a link to a folder anyone can write (MYQ_CONFIG_DIR or
		// ~/.config/myq-license pointing into a shared folder)
		const shared = path.join(directory, `shared-${count}`);
		await mkdir(shared, {mode: 0o777});
		await chmod(shared, 0o777);
		await copyFile(file, path.join(shared, 'vendor-key.json'));
		const linked = {...it, config: `${it.config}-link`};
		await symlink(shared, linked.config);
		const viaLink = await it.cli(['status', '--json'], {
			env: {MYQ_CONFIG_DIR: linked.config},
		});
		expect(viaLink.code, viaLink.stderr).toBe(2);
		expect(viaLink.stderr).toMatch(
			/its directory .* can be changed by other users/,
		);

		// When another user owns the file (one made in a shared folder before the admin's)
		if (process.getuid?.() === 0) {
			await chown(file, 65534, 65534);
			await expectRefused(it, /belongs to another user \(uid 65534\)/);
			await chown(file, 0, 0);
		}
		expect((await status(it)).state).toBe('running');
	});

	it('trust-file-fifo-hangs: a trust file that is a named pipe is refused at once, by status too', async () => {
		const it = await running();
		const file = path.join(it.config, 'vendor-key.json');
		await rm(file);
		await run('mkfifo', [file]);
		await expectRefused(it, /it is not a file/);
	});

	it('trust-prints-raw: trust says a damaged trust file made visible, exit 2 as every other command', async () => {
		// Given a config directory whose name holds an OSC sequence, and a damaged trust file in it
		const it = installation();
		const config = path.join(directory, `x\x1b]0;pwned\x07-${count}`);
		await mkdir(config, {mode: 0o700});
		await writeFile(path.join(config, 'vendor-key.json'), '{');
		const env = {MYQ_CONFIG_DIR: config};

		// When trust is asked to record a key there
		const result = await it.cli(['trust', vendor.publicKey], {env});

		// Then the message shows the path made visible, and the exit code is status's
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('U+001B]0;pwnedU+0007');
		expect(result.stderr).not.toMatch(RAW_BUT_LINES);
		expect((await it.cli(['status'], {env})).code).toBe(2);
	});
});

describe('after a rejected document, status says why (issue 10, point 11)', () => {
	it('rejected-document-says-why: the reason and what to do, in en and fr, not "No licenses yet"', async () => {
		const it = await running();
		const store = await openStore(it.store);
		const record = (await store.raw.get('state')) as StoredRecord;
		record.state.document.payload.note = 'unlimited devices, says IT';
		await store.raw.set('state', record);
		await store.close();

		const en = await it.cli(['status']);
		expect(en.stdout).not.toContain('No licenses yet');
		expect(en.stdout).toContain(
			'The stored license document was rejected: the signature does not match the vendor key (altered, or signed by another key). It is kept, not read. Connect to the license server (myq-license connect)',
		);
		const fr = await it.cli(['status', '--lang', 'fr']);
		expect(fr.stdout).toContain(
			'Le document de licence enregistré a été rejeté : the signature does not match the vendor key (altered, or signed by another key). Il est conservé, pas lu. Connectez-vous au serveur de licences (myq-license connect)',
		);
		expect(await status(it)).toMatchObject({
			problem: {
				code: 'bad-signature',
				reason: expect.stringMatching(/^stored document: the signature/),
				text: expect.stringContaining('myq-license connect'),
			},
		});

		// What it says to do works: a contact brings a valid document back.
		expect((await it.cli(['connect', '--server', vendor.url])).code).toBe(0);
		expect(await status(it)).toMatchObject({state: 'running', problem: null});
	});
});

describe('SPEC §4: only a signed refusal is a successful contact (issue 10, point 3)', () => {
	it('connect-to-a-path-of-the-server: --server http://HOST:PORT/api is a failed contact that says the URL looks wrong', async () => {
		// Given a running installation that could not reach its server once
		const it = await running();
		expect(
			(await it.cli(['connect', '--server', 'http://127.0.0.1:9'])).code,
		).toBe(1);
		const before = await status(it);
		expect(before.banners).toMatchObject([{id: 'server-unreachable'}]);

		// When the admin points at a path of the license server (404 for every route there)
		const wrong = `${vendor.url}/api`;
		const en = await it.cli(['connect', '--server', wrong]);
		const fr = await it.cli(['connect', '--server', wrong, '--lang', 'fr']);

		// Then: exit 1, the URL looks wrong, and nothing moved
		expect(en.code).toBe(1);
		expect(en.stderr).toContain(
			`${wrong} does not look like a license server: nothing answers there (HTTP 404) where its API should be. The URL looks wrong: check --server`,
		);
		expect(fr.code).toBe(1);
		expect(fr.stderr).toContain(
			`${wrong} ne ressemble pas à un serveur de licences : rien n'y répond (HTTP 404) là où son API devrait être. L'adresse semble fausse : vérifiez --server`,
		);
		const after = await status(it);
		expect(after.server).toEqual(before.server);
		expect(after.banners).toMatchObject([{id: 'server-unreachable'}]);

		// And the right URL is a successful contact
		expect((await it.cli(['connect', '--server', vendor.url])).code).toBe(0);
		expect((await status(it)).banners).toEqual([]);
	});
});

/** A server that answers 503 to everything and notes what was asked. */
async function countingServer(): Promise<{
	server: Server;
	paths: string[];
	url: string;
}> {
	const paths: string[] = [];
	const server = createServer((request, response) => {
		paths.push(`${request.method} ${request.url}`);
		response.writeHead(503, {'content-type': 'application/json'});
		response.end('{"error":{"code":"down","message":"down for the test"}}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {server, paths, url: `http://127.0.0.1:${port}`};
}
