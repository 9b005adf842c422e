/**
 * `vendor serve` as a team runs it (issue 11, points 4, 6, 7), as real processes: it refuses to
 * start on a store it cannot open, answers 503 while its database is down (and the MyQ client
 * counts that as a failed contact), reads bodies without Content-Length within the limit, logs
 * one line per request, reports the database in /v1/health, and on SIGTERM finishes the
 * requests in flight before it stops.
 */
import {execFile} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {request as httpRequest} from 'node:http';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import KeyvSqlite from '@keyv/sqlite';
import BetterSqlite3 from 'better-sqlite3';
import Keyv from 'keyv';
import pg from 'pg';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createHttpLicenseServer} from '../source/adapters/http-license-server.js';
import {createVendor, openSqlStore} from '../source/license-server/index.js';
import {createServerLog} from '../source/license-server/serve.js';
import {SCHEMA_VERSION} from '../source/license-server/sql/schema.js';
import {importPublicKey} from '../source/signing/index.js';
import {callVendor} from './helpers/license-server.js';
import {startTestPostgres, type TestPostgres} from './helpers/postgres.js';
import {
	CLI,
	request,
	requireBuild,
	startVendor,
	type VendorProcess,
} from './helpers/vendor-process.js';

const run = promisify(execFile);
const TOKEN = 'operations-token';
const PERPETUAL = {type: 'license', kind: 'perpetual', devices: 2};

let postgres: TestPostgres;
let directory: string;

beforeAll(async () => {
	requireBuild();
	[postgres, directory] = await Promise.all([
		startTestPostgres(),
		mkdtemp(path.join(tmpdir(), 'myq-operations-')),
	]);
}, 60_000);

afterAll(async () => {
	await postgres?.stop();
	if (directory) await rm(directory, {recursive: true, force: true});
});

async function cli(args: string[]) {
	try {
		const {stdout, stderr} = await run(process.execPath, [CLI, ...args], {
			env: {...process.env, LANG: 'en_US.UTF-8', LC_ALL: ''},
			timeout: 30_000,
		});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failed = error as {code: number; stdout: string; stderr: string};
		return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr};
	}
}

/** `vendor serve` on `store`, for the cases where it must refuse to start. */
function serveOn(store: string, extra: string[] = []) {
	return cli(['vendor', 'serve', '--port', '0', '--store', store, ...extra]);
}

/** A raw HTTP request: `chunks` are written one by one, chunked, without Content-Length. */
function rawPost(
	url: string,
	pathname: string,
	chunks: string[],
	options: {
		headers?: Record<string, string>;
		beforeEnd?: () => Promise<void>;
		last?: string;
	} = {},
): Promise<{status: number; text: string}> {
	return new Promise((resolve, reject) => {
		const target = new URL(pathname, url);
		const sent = httpRequest(
			target,
			{
				method: 'POST',
				headers: {'content-type': 'application/json', ...options.headers},
			},
			(response) => {
				let text = '';
				response.setEncoding('utf8');
				response.on('data', (chunk: string) => {
					text += chunk;
				});
				response.on('end', () =>
					resolve({status: response.statusCode ?? 0, text}),
				);
			},
		);
		sent.on('error', reject);
		void (async () => {
			for (const chunk of chunks) sent.write(chunk);
			await options.beforeEnd?.();
			sent.end(options.last);
		})();
	});
}

function noStackTrace(text: string) {
	expect(text).not.toMatch(/\n\s+at\s/);
}

describe('vendor serve refuses a store it cannot open (issue 11, point 4)', () => {
	it('a URL of no database it knows: exit 2, the message names what it takes', async () => {
		const result = await serveOn('redis://127.0.0.1:6379');
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('postgres://USER@HOST:PORT/DATABASE');
		noStackTrace(result.stderr);
	});

	it('a PostgreSQL that does not answer: exit 1, the URL without its password and the reason', async () => {
		const result = await serveOn(
			'postgres://license:hunter2@127.0.0.1:1/license',
		);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(
			'cannot open its database postgres://license:***@127.0.0.1:1/license',
		);
		expect(result.stderr).toContain('ECONNREFUSED');
		expect(result.stderr).not.toContain('hunter2');
		noStackTrace(result.stderr);
	});

	it('a password holding / or @ is never shown (the whole password, or its end, was), and a URL that cannot be read is bad input: exit 2 (it was 1, as for a database down)', async () => {
		const malformed = await serveOn('postgres://license:pa/ss@127.0.0.1:1/x');
		const at = await serveOn('postgres://license:p@ss-word@127.0.0.1:1/x');
		expect([malformed.code, at.code]).toEqual([2, 1]);
		expect(malformed.stderr).toContain('postgres://license:***@127.0.0.1:1/x');
		expect(malformed.stderr).toContain('%2F');
		expect(at.stderr).toContain('postgres://license:***@127.0.0.1:1/x');
		for (const result of [malformed, at]) {
			expect(result.stderr).not.toMatch(/pa\/ss|ss-word/);
			noStackTrace(result.stderr);
		}
	});

	it('a --host it cannot listen on is bad input (exit 2; it was 1), a port in use fails (exit 1), both said in the admin’s language', async () => {
		const busy = await startVendor({store: 'memory:'});
		try {
			const port = new URL(busy.url).port;
			const [host, taken, takenFr] = await Promise.all([
				serveOn('memory:', ['--host', 'no-such-host.invalid']),
				cli(['vendor', 'serve', '--port', port, '--store', 'memory:']),
				cli([
					'vendor',
					'serve',
					'--port',
					port,
					'--store',
					'memory:',
					'--lang',
					'fr',
				]),
			]);
			expect([host.code, taken.code, takenFr.code]).toEqual([2, 1, 1]);
			expect(host.stderr).toContain('no-such-host.invalid');
			expect(taken.stderr).toContain(
				`Port ${port} on 127.0.0.1 is already in use`,
			);
			expect(takenFr.stderr).toContain(
				`Le port ${port} sur 127.0.0.1 est déjà utilisé`,
			);
			for (const result of [host, taken, takenFr]) noStackTrace(result.stderr);
		} finally {
			await busy.stop();
		}
	});

	it('a database it must not use says why and what to do, in the admin’s language: made by a newer version, a tampered catalog of an earlier one, a key pair that cannot be read (it printed "error:1E08010C:DECODER routines::unsupported", and English in French)', async () => {
		// Given three SQLite files, each unusable in its own way
		const newer = path.join(directory, 'newer.sqlite');
		const keyPair = path.join(directory, 'key-pair.sqlite');
		for (const file of [newer, keyPair]) {
			const store = await openSqlStore(`sqlite://${file}`);
			await (await createVendor({store, now: Date.now})).close();
			await store.close();
		}
		const edit = (file: string, statement: string) => {
			const database = new BetterSqlite3(file);
			database.exec(statement);
			database.close();
		};
		edit(
			newer,
			`insert into schema_migrations values (${SCHEMA_VERSION + 1}, 'future', 0)`,
		);
		edit(keyPair, "update key_pair set private_key = 'not a key'");
		const tampered = path.join(directory, 'tampered.sqlite');
		const keyv = new Keyv({store: new KeyvSqlite(`sqlite://${tampered}`)});
		await keyv.set('key:K1', {key: 'K1', type: 'license'});
		await keyv.disconnect();

		// When vendor serve starts on each
		const [newerFr, keyPairEn, tamperedEn] = await Promise.all([
			serveOn(`sqlite://${newer}`, ['--lang', 'fr']),
			serveOn(`sqlite://${keyPair}`),
			serveOn(`sqlite://${tampered}`),
		]);

		// Then each fails (exit 1) saying what is wrong and what to do
		expect([newerFr.code, keyPairEn.code, tamperedEn.code]).toEqual([1, 1, 1]);
		expect(newerFr.stderr).toContain(
			`créée par une version plus récente de myq-license (son schéma est à la version ${SCHEMA_VERSION + 1}`,
		);
		expect(keyPairEn.stderr).toContain(
			'The vendor key pair kept in the database',
		);
		expect(keyPairEn.stderr).toContain('Restore it from a backup');
		expect(tamperedEn.stderr).toContain('its row keyv:key:K1 is not a record');
		for (const result of [newerFr, keyPairEn, tamperedEn]) {
			expect(result.stderr).not.toMatch(/\.\.|^myq-license:/m);
			noStackTrace(result.stderr);
		}
	});

	it('in French too; offline-activate --store refuses the same way', async () => {
		const result = await serveOn('mysql://x', ['--lang', 'fr']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain("n'est pas connue du serveur de licences");
		const requestFile = path.join(directory, 'request.json');
		await writeFile(requestFile, '{}');
		const offline = await cli([
			'vendor',
			'offline-activate',
			requestFile,
			'-o',
			path.join(directory, 'out.json'),
			'--store',
			'postgres://postgres@127.0.0.1:1/x',
		]);
		expect(offline.code).toBe(1);
		expect(offline.stderr).toContain('cannot open its database');
		noStackTrace(offline.stderr);
	});
});

describe('a database that goes away while serving (issue 11, point 4)', () => {
	it('answers 503 store-unavailable, logs it, health says unreachable, the MyQ client counts a failed contact; all back once the database is', async () => {
		const url = await postgres.createDatabase();
		const server = await startVendor({store: url, token: TOKEN});
		try {
			const minted = await request(
				server.url,
				'POST',
				'/v1/admin/keys',
				PERPETUAL,
				TOKEN,
			);
			const key = minted.body.key as string;
			const activated = await request(server.url, 'POST', '/v1/activate', {
				installationId: 'inst-1',
				fingerprint: 'fp-a',
				keys: [key],
			});
			expect(activated.status).toBe(200);
			const client = createHttpLicenseServer({
				baseUrl: server.url,
				clock: {
					now: Date.now,
					setTimeout,
					clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
				},
				publicKey: importPublicKey(server.publicKey),
			});

			await postgres.halt();
			try {
				const contact = await request(server.url, 'POST', '/v1/contact', {
					installationId: 'inst-1',
					fingerprint: 'fp-a',
				});
				expect([
					contact.status,
					(contact.body.error as {code: string}).code,
				]).toEqual([503, 'store-unavailable']);
				noStackTrace(contact.text);
				const health = await request(server.url, 'GET', '/v1/health');
				expect(health.status).toBe(503);
				expect(health.body.database).toEqual({
					engine: 'postgres',
					reachable: false,
				});
				// Never "unknown installation": the client was not answered, and will try again.
				const seen = await client.contact({
					installationId: 'inst-1',
					fingerprint: 'fp-a',
					nonce: 'nonce-during-outage',
				});
				expect(seen).toMatchObject({
					ok: false,
					failure: {kind: 'http', status: 503},
				});
				const logged =
					/ERROR vendor: the store is unavailable on POST \/v1\/contact/;
				// Written with the next batch of log lines, after the answer.
				for (
					let wait = 0;
					!logged.test(server.stdout()) && wait < 100;
					wait++
				) {
					await new Promise((resolve) => setTimeout(resolve, 20));
				}
				expect(server.stdout()).toMatch(logged);
			} finally {
				await postgres.start();
			}
			const again = await client.contact({
				installationId: 'inst-1',
				fingerprint: 'fp-a',
				nonce: 'nonce-after-outage',
			});
			expect(again.ok).toBe(true);
			expect(
				(await request(server.url, 'GET', '/v1/health')).body.database,
			).toEqual({
				engine: 'postgres',
				reachable: true,
			});
			noStackTrace(server.stdout() + server.stderr());
		} finally {
			await server.stop();
		}
	}, 60_000);

	it('stopped while an activation waits inside its transaction: that one answers 503, the process stays up and answers again once the database is back (it died of an unhandled error event)', async () => {
		const url = await postgres.createDatabase();
		const server = await startVendor({store: url, token: TOKEN});
		const locker = new pg.Client({connectionString: url});
		locker.on('error', () => undefined);
		try {
			const minted = await request(
				server.url,
				'POST',
				'/v1/admin/keys',
				PERPETUAL,
				TOKEN,
			);
			const key = minted.body.key as string;
			// Given an activation waiting for the key's row, which another session holds
			await locker.connect();
			await locker.query('begin');
			await locker.query('select * from keys where key = $1 for update', [key]);
			const activation = request(server.url, 'POST', '/v1/activate', {
				installationId: 'inst-waiting',
				fingerprint: 'fp-a',
				keys: [key],
			});
			await waitForBackend(url, 'select * from "keys"');

			// When the database stops under it
			await postgres.halt();
			let answered: Awaited<typeof activation>;
			try {
				answered = await activation;
			} finally {
				await postgres.start();
			}

			// Then that request fails as a store failure, and the server lives on
			expect([
				answered.status,
				(answered.body.error as {code: string}).code,
			]).toEqual([503, 'store-unavailable']);
			const again = await request(server.url, 'POST', '/v1/activate', {
				installationId: 'inst-waiting',
				fingerprint: 'fp-a',
				keys: [key],
			});
			expect(again.status).toBe(200);
			expect(server.child.exitCode).toBeNull();
			noStackTrace(server.stdout() + server.stderr());
		} finally {
			await locker.end().catch(() => undefined);
			await server.stop();
		}
	}, 60_000);
});

/** Waits until a session of `url` is waiting for a lock on a query starting with `query`. */
async function waitForBackend(url: string, query: string): Promise<void> {
	const watcher = new pg.Client({connectionString: url});
	await watcher.connect();
	try {
		for (let wait = 0; wait < 250; wait++) {
			const {rows} = await watcher.query(
				"select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like $1",
				[`${query}%`],
			);
			if (rows.length > 0) return;
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		throw new Error(`no session waits for a lock on ${query}`);
	} finally {
		await watcher.end();
	}
}

describe('text PostgreSQL cannot store (issue 11, point 2: two engines, one contract)', () => {
	it('an id, fingerprint, nonce, secret or request id holding a control character is a bad request on both engines (PostgreSQL answered 500 and logged an error for a NUL)', async () => {
		const errors: string[] = [];
		const stores = await Promise.all([
			openSqlStore('memory:'),
			openSqlStore(await postgres.createDatabase()),
		]);
		try {
			for (const store of stores) {
				const vendor = await createVendor({
					store,
					now: () => 0,
					log: (message) => errors.push(message),
				});
				const post = (path: string, body: unknown) =>
					callVendor<{error?: {code: string; field?: string}}>(
						vendor,
						'POST',
						path,
						body,
					);
				const good = {installationId: 'inst', fingerprint: 'fp-a', keys: []};
				const replies = [
					await post('/v1/contact', {...good, installationId: 'a\u0000b'}),
					await post('/v1/contact', {...good, fingerprint: 'fp\u0000'}),
					await post('/v1/contact', {...good, nonce: 'n\u001b[2J'}),
					await post('/v1/activate', {...good, installationId: 'a\u0000'}),
					await post('/v1/activate', {
						...good,
						installationSecret: `${'s'.repeat(40)}\u0000`,
					}),
					await post('/v1/offline-activation', {
						type: 'myq-activation-request',
						version: 1,
						requestId: 'r\u0000',
						customer: null,
						createdAt: 0,
						...good,
					}),
				];
				expect(
					replies.map(({status, body}) => [status, body.error?.field]),
					store.engine,
				).toEqual([
					[400, 'installationId'],
					[400, 'fingerprint'],
					[400, 'nonce'],
					[400, 'installationId'],
					[400, 'installationSecret'],
					[400, 'requestId'],
				]);
			}
		} finally {
			await Promise.all(stores.map((store) => store.close()));
		}
		expect(errors).toEqual([]);
	});
});

describe('a SQLite file held locked by another process (issue 11, point 4)', () => {
	it('a start waits for the lock and adopts the stored key pair; contacts are answered meanwhile (WAL readers do not wait)', async () => {
		const file = path.join(directory, 'locked.sqlite');
		const store = `sqlite://${file}`;
		const first = await startVendor({store, token: TOKEN});
		const minted = await request(
			first.url,
			'POST',
			'/v1/admin/keys',
			PERPETUAL,
			TOKEN,
		);
		const key = minted.body.key as string;
		await request(first.url, 'POST', '/v1/activate', {
			installationId: 'inst-1',
			fingerprint: 'fp-a',
			keys: [key],
		});

		const holder = new BetterSqlite3(file);
		holder.exec('begin immediate');
		let second: VendorProcess | undefined;
		try {
			const contact = await request(first.url, 'POST', '/v1/contact', {
				installationId: 'inst-1',
				fingerprint: 'fp-a',
			});
			expect(contact.status).toBe(200);
			const starting = startVendor({store, token: TOKEN});
			await new Promise((resolve) => setTimeout(resolve, 1000));
			holder.exec('commit');
			second = await starting;
			expect(second.publicKey).toBe(first.publicKey);
		} finally {
			if (holder.inTransaction) holder.exec('rollback');
			holder.close();
			await Promise.all([first.stop(), second?.stop()]);
		}
	}, 30_000);
});

describe('bodies without Content-Length (issue 11, point 6)', () => {
	let server: VendorProcess;
	beforeAll(async () => {
		server = await startVendor({
			store: `sqlite://${path.join(directory, 'bodies.sqlite')}`,
			token: TOKEN,
		});
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('a chunked admin change is read and made (it answered 500 and changed nothing)', async () => {
		const body = JSON.stringify(PERPETUAL);
		const reply = await rawPost(
			server.url,
			'/v1/admin/keys',
			[body.slice(0, 10), body.slice(10)],
			{
				headers: {authorization: `Bearer ${TOKEN}`},
			},
		);
		expect(reply.status).toBe(201);
		const {key} = JSON.parse(reply.text) as {key: string};
		expect(
			(
				await request(
					server.url,
					'GET',
					`/v1/admin/keys/${key}`,
					undefined,
					TOKEN,
				)
			).status,
		).toBe(200);
	});

	it('a POST with no body and no Content-Length is a bad request, not a crash', async () => {
		const reply = await rawPost(server.url, '/v1/contact', []);
		expect(reply.status).toBe(400);
		expect(JSON.parse(reply.text)).toMatchObject({
			error: {code: 'bad-request'},
		});
	});

	it('a client that hangs up in the middle of its body is a bad request in the log, not an unexpected error of the server', async () => {
		const before = server.stdout().length;
		await new Promise<void>((resolve) => {
			const sent = httpRequest(new URL('/v1/activate', server.url), {
				method: 'POST',
				headers: {'content-type': 'application/json'},
			});
			sent.on('error', () => resolve());
			sent.write('{"installationId": "half');
			setTimeout(() => sent.destroy(), 100);
		});
		const logged = () => server.stdout().slice(before);
		for (
			let wait = 0;
			!/POST \/v1\/activate/.test(logged()) && wait < 100;
			wait++
		) {
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		expect(logged()).toMatch(/ POST \/v1\/activate 400 /);
		expect(logged()).not.toContain('ERROR');
	});

	it('a chunked body over the limit is cut at the limit: 413, whatever its length', async () => {
		const chunk = 'x'.repeat(16 * 1024);
		const reply = await rawPost(
			server.url,
			'/v1/activate',
			Array.from({length: 8}, () => chunk),
		);
		expect(reply.status).toBe(413);
		expect(JSON.parse(reply.text)).toMatchObject({
			error: {code: 'body-too-large'},
		});
		noStackTrace(server.stdout() + server.stderr());
	});
});

describe('how it runs (issue 11, point 7)', () => {
	it('one log line per request (time, method, route, status, duration); with --log json, one JSON object a line', async () => {
		const text = await startVendor({store: 'memory:', token: TOKEN});
		const json = await startVendor({
			store: 'memory:',
			token: TOKEN,
			extra: ['--log', 'json'],
		});
		try {
			for (const server of [text, json]) {
				const minted = await request(
					server.url,
					'POST',
					'/v1/admin/keys',
					PERPETUAL,
					TOKEN,
				);
				await request(
					server.url,
					'GET',
					`/v1/admin/keys/${minted.body.key as string}`,
					undefined,
					TOKEN,
				);
				await request(server.url, 'GET', '/v1/nowhere');
			}
			// Log lines are written once per turn of the server's event loop, after the answers.
			const logLines = (server: VendorProcess) =>
				server.stdout().split('\n').slice(2).filter(Boolean);
			for (const server of [text, json]) {
				for (let wait = 0; logLines(server).length < 3 && wait < 100; wait++) {
					await new Promise((resolve) => setTimeout(resolve, 20));
				}
			}
			const textLines = text.stdout().split('\n').slice(2).filter(Boolean);
			expect(textLines).toEqual([
				expect.stringMatching(
					/^\d{4}-\d\d-\d\dT[\d:.]+Z POST \/v1\/admin\/keys 201 [\d.]+ms$/,
				),
				expect.stringMatching(/ GET \/v1\/admin\/keys\/:key 200 [\d.]+ms$/),
				expect.stringMatching(/ GET \/v1\/nowhere 404 [\d.]+ms$/),
			]);
			const jsonLines = json
				.stdout()
				.split('\n')
				.slice(2)
				.filter(Boolean)
				.map((line) => JSON.parse(line) as Record<string, unknown>);
			expect(jsonLines).toEqual([
				{
					time: expect.any(String),
					level: 'info',
					method: 'POST',
					route: '/v1/admin/keys',
					status: 201,
					ms: expect.any(Number),
				},
				expect.objectContaining({
					method: 'GET',
					route: '/v1/admin/keys/:key',
					status: 200,
				}),
				expect.objectContaining({
					method: 'GET',
					route: '/v1/nowhere',
					status: 404,
				}),
			]);
			const health = await request(json.url, 'GET', '/v1/health');
			expect(health).toMatchObject({
				status: 200,
				body: {
					ok: true,
					publicKey: json.publicKey,
					database: {engine: 'sqlite', reachable: true},
				},
			});
		} finally {
			await Promise.all([text.stop(), json.stop()]);
		}
		const bad = await serveOn('memory:', ['--log', 'xml']);
		expect(bad.code).toBe(2);
	});

	it('a request path with a line break or a terminal escape is logged on its own one line, made visible (it wrote a forged log line and raw escapes to the operator’s terminal)', async () => {
		const lines: string[] = [];
		const log = createServerLog(
			'text',
			(line) => lines.push(line),
			() => 0,
		);
		const vendor = await createVendor({
			now: () => 0,
			log: log.error,
			logRequest: log.request,
		});
		try {
			const forged = '1970-01-01T00:00:00.000Z POST /v1/admin/keys 201 1ms';
			await vendor.app.request(`/%0A${forged.replaceAll(' ', '%20')}%1B[31m`);
			log.error('vendor: unexpected error on GET /a\nb', new Error('c\rd'));
		} finally {
			await vendor.close();
		}
		expect(lines).toHaveLength(2);
		expect(lines[0]).toBe(
			`1970-01-01T00:00:00.000Z GET /U+000A1970-01-01T00:00:00.000Z POST /v1/admin/keys 201 1msU+001B[31m 404 ${lines[0]?.split(' ').at(-1)}`,
		);
		expect(lines[1]).toBe(
			'1970-01-01T00:00:00.000Z ERROR vendor: unexpected error on GET /aU+000Ab: cU+000Dd',
		);
	});

	it('SIGTERM finishes the request in flight, then stops (exit 0)', async () => {
		const server = await startVendor({store: 'memory:', token: TOKEN});
		const body = JSON.stringify(PERPETUAL);
		// Half a body sent, then SIGTERM: the server must still read the rest and answer.
		const reply = rawPost(server.url, '/v1/admin/keys', [body.slice(0, 12)], {
			headers: {authorization: `Bearer ${TOKEN}`},
			last: body.slice(12),
			beforeEnd: async () => {
				await new Promise((resolve) => setTimeout(resolve, 100));
				server.child.kill('SIGTERM');
				await new Promise((resolve) => setTimeout(resolve, 200));
			},
		});
		const answered = await Promise.race([
			reply,
			server.exited.then((code) => ({
				status: -1,
				text: `exited first (${code})`,
			})),
		]);
		expect(answered.status).toBe(201);
		expect(await server.exited).toBe(0);
		expect(server.stdout()).toContain('License server stopped.');
	});
});
