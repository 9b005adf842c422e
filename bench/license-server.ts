/**
 * The license server's contact path on loopback (issue 11): contacts per second against one
 * `vendor serve` process, on a SQLite file and on PostgreSQL, each as a ratio to
 * `GET /v1/health` on the same server in the same run. Health asks the database too (one
 * `select 1`); `GET /v1/public-key` is the floor of the HTTP stack alone.
 *
 * The server runs as its own process (the built CLI), the load comes from this one: 32
 * keep-alive connections, each sending its next request when the last is answered.
 */
import {type ChildProcess, spawn} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {Agent, request as httpRequest} from 'node:http';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {DOCUMENT_PREFERENCE} from '../source/adapters/contact-wire.js';
import {contactQuery} from '../source/adapters/http-license-server.js';
import {median, recordFigure} from './figures.js';
import {startTestPostgres} from './postgres.js';

const CLI = fileURLToPath(new URL('../source/cli.js', import.meta.url));
const TOKEN = 'bench-token';
const CONNECTIONS = 32;

export type ServerFigures = {
	engine: string;
	contactsPerSecond: number;
	healthPerSecond: number;
	publicKeyPerSecond: number;
	/** Contacts per second over health per second: the median of the paired windows' ratios. */
	ratio: number;
};

/** Windows of each request, in turn (see benchOne). */
const PAIRS = 9;
const WINDOW_MS = 400;

type Served = {url: string; child: ChildProcess};

function startServer(store: string): Promise<Served> {
	const child = spawn(
		process.execPath,
		[CLI, 'vendor', 'serve', '--port', '0', '--store', store, '--token', TOKEN],
		{stdio: ['ignore', 'pipe', 'inherit']},
	);
	return new Promise((resolve, reject) => {
		let out = '';
		const onData = (chunk: Buffer) => {
			out += chunk.toString('utf8');
			const url = /License server listening on (\S+)/.exec(out)?.[1];
			if (url !== undefined) {
				// The log lines go on, one per request: read and dropped.
				child.stdout?.off('data', onData);
				child.stdout?.resume();
				resolve({url, child});
			}
		};
		child.stdout?.on('data', onData);
		child.once('exit', (code) =>
			reject(new Error(`vendor serve exited (${code}):\n${out}`)),
		);
	});
}

function stopServer(served: Served): Promise<void> {
	return new Promise((resolve) => {
		served.child.once('exit', () => resolve());
		served.child.kill('SIGTERM');
	});
}

type Call = {
	method: string;
	path: string;
	body?: string;
	headers?: Record<string, string>;
};

function send(
	agent: Agent,
	url: URL,
	call: Call,
): Promise<{status: number; text: string}> {
	return new Promise((resolve, reject) => {
		const sent = httpRequest(
			{
				agent,
				host: url.hostname,
				port: url.port,
				method: call.method,
				path: call.path,
				headers: {
					...(call.body === undefined
						? {}
						: {
								'content-type': 'application/json',
								'content-length': Buffer.byteLength(call.body),
							}),
					...call.headers,
				},
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
		sent.end(call.body);
	});
}

/** Requests per second over `ms`, from CONNECTIONS connections; every answer must be a 200. */
async function rate(
	agent: Agent,
	url: URL,
	call: Call,
	ms: number,
): Promise<number> {
	let answered = 0;
	const until = performance.now() + ms;
	const started = performance.now();
	await Promise.all(
		Array.from({length: CONNECTIONS}, async () => {
			while (performance.now() < until) {
				const reply = await send(agent, url, call);
				if (reply.status !== 200) {
					throw new Error(
						`${call.method} ${call.path}: HTTP ${reply.status} ${reply.text.slice(0, 200)}`,
					);
				}
				answered += 1;
			}
		}),
	);
	return answered / ((performance.now() - started) / 1000);
}

async function benchOne(engine: string, store: string): Promise<ServerFigures> {
	const served = await startServer(store);
	const agent = new Agent({keepAlive: true, maxSockets: CONNECTIONS});
	try {
		const url = new URL(served.url);
		const admin = {authorization: `Bearer ${TOKEN}`};
		const minted = await send(agent, url, {
			method: 'POST',
			path: '/v1/admin/keys',
			headers: admin,
			body: JSON.stringify({
				type: 'installation',
				licenses: [
					{kind: 'subscription', devices: 10, termDays: 365, autoRenew: true},
					{kind: 'perpetual', devices: 2},
				],
			}),
		});
		const {key} = JSON.parse(minted.text) as {key: string};
		const identity = {
			installationId: 'bench-installation',
			fingerprint: 'bench-fingerprint',
		};
		const activated = await send(agent, url, {
			method: 'POST',
			path: '/v1/activate',
			body: JSON.stringify({...identity, keys: [key], customer: null}),
		});
		if (activated.status !== 200)
			throw new Error(`activate: ${activated.text}`);
		// As the client sends it (README "The contact on the wire"): the fields in the query, the
		// document preferred in a header; a fresh nonce each time would change nothing here, so one.
		const contact: Call = {
			method: 'POST',
			path: `/v1/contact?${contactQuery({...identity, nonce: 'bench-nonce-0123456789'})}`,
			headers: {prefer: DOCUMENT_PREFERENCE},
		};
		const health: Call = {method: 'GET', path: '/v1/health'};
		const publicKey: Call = {method: 'GET', path: '/v1/public-key'};
		// Warm up (JIT, connections, the database's caches). Then short windows of each, in turn:
		// the machine is shared and its speed drifts, so each contact window is paired with the
		// health window right after it, and the ratio is the median of the pairs'.
		for (const call of [contact, health, publicKey])
			await rate(agent, url, call, 300);
		const contacts: number[] = [];
		const healths: number[] = [];
		const publicKeys: number[] = [];
		for (let pair = 0; pair < PAIRS; pair++) {
			contacts.push(await rate(agent, url, contact, WINDOW_MS));
			healths.push(await rate(agent, url, health, WINDOW_MS));
			publicKeys.push(await rate(agent, url, publicKey, WINDOW_MS));
		}
		return {
			engine,
			contactsPerSecond: median(contacts),
			healthPerSecond: median(healths),
			publicKeyPerSecond: median(publicKeys),
			ratio: median(contacts.map((value, index) => value / healths[index]!)),
		};
	} finally {
		agent.destroy();
		await stopServer(served);
	}
}

/** Issue 16's goal: contacts per second at least a quarter of `GET /v1/health`'s, same server. */
export const CONTACTS_VS_HEALTH_GOAL = 0.25;

export async function benchLicenseServer(): Promise<ServerFigures[]> {
	const directory = await mkdtemp(path.join(tmpdir(), 'myq-bench-server-'));
	const postgres = await startTestPostgres();
	try {
		const figures = [
			await benchOne(
				'SQLite',
				`sqlite://${path.join(directory, 'vendor.sqlite')}`,
			),
			await benchOne('PostgreSQL', await postgres.createDatabase('bench')),
		];
		for (const server of figures) {
			recordFigure({
				id: `contacts-vs-health-${server.engine.toLowerCase()}`,
				label: `license server on ${server.engine}: contacts per second vs GET /v1/health, same server`,
				value: server.contactsPerSecond,
				reference: {
					label: 'GET /v1/health (one select 1)',
					value: server.healthPerSecond,
				},
				unit: 'requests/s',
				ratio: server.ratio,
				goal: {ratio: CONTACTS_VS_HEALTH_GOAL, atMost: false},
			});
		}
		return figures;
	} finally {
		await postgres.stop();
		await rm(directory, {recursive: true, force: true});
	}
}
