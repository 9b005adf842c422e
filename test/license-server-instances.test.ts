/**
 * Issue 11's acceptance: several `vendor serve` processes on one PostgreSQL database behave as
 * one server (SPEC §4). Real processes, a real PostgreSQL, requests spread across the
 * processes and sent at once, so that the database, not a process, decides every race.
 */

import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {DAY} from '../source/engine/types.js';
import {startTestPostgres, type TestPostgres} from './helpers/postgres.js';
import {
	request,
	requireBuild,
	startVendor,
	type VendorProcess,
} from './helpers/vendor-process.js';

const TOKEN = 'instances-token';
const PERPETUAL = {type: 'license', kind: 'perpetual', devices: 2};
const TWO_SUBSCRIPTIONS = {
	type: 'installation',
	licenses: [
		{kind: 'subscription', devices: 5, termDays: 365},
		{kind: 'subscription', devices: 5, termDays: 365},
	],
};

let postgres: TestPostgres;
/** The database the race tests share, and the processes serving it. */
let sharedUrl: string;
let servers: VendorProcess[] = [];
/** The public keys the first processes printed, started together on the empty database. */
let firstKeys: string[] = [];

beforeAll(async () => {
	requireBuild();
	postgres = await startTestPostgres();
	sharedUrl = await postgres.createDatabase();
	servers = await Promise.all(
		[1, 2, 3, 4].map(() => startVendor({store: sharedUrl, token: TOKEN})),
	);
	firstKeys = servers.map((server) => server.publicKey);
}, 60_000);

afterAll(async () => {
	await Promise.all(servers.map((server) => server.stop()));
	await postgres?.stop();
});

/** The server for the n-th request: requests go round the processes. */
const on = (n: number): VendorProcess => {
	const server = servers[n % servers.length];
	if (server === undefined) throw new Error('no server');
	return server;
};

async function mint(spec: unknown = PERPETUAL): Promise<string> {
	const reply = await request(on(0).url, 'POST', '/v1/admin/keys', spec, TOKEN);
	expect(reply.status).toBe(201);
	return reply.body.key as string;
}

function activate(
	n: number,
	installationId: string,
	keys: string[],
	fingerprint = `fp-${installationId}`,
) {
	return request(on(n).url, 'POST', '/v1/activate', {
		installationId,
		fingerprint,
		keys,
	});
}

async function describeKey(key: string) {
	const reply = await request(
		on(1).url,
		'GET',
		`/v1/admin/keys/${encodeURIComponent(key)}`,
		undefined,
		TOKEN,
	);
	expect(reply.status).toBe(200);
	return reply.body as {
		record: {
			installationId: string | null;
			licenses: {expiresAt: number | null; revokedAt: number | null}[];
		};
		installation: {keys: string[]} | null;
	};
}

async function query<Row>(
	url: string,
	text: string,
	values: unknown[] = [],
): Promise<Row[]> {
	const client = new pg.Client({connectionString: url});
	await client.connect();
	try {
		return (await client.query(text, values)).rows as Row[];
	} finally {
		await client.end();
	}
}

describe('one key pair for every instance (issue 11, point 2)', () => {
	it('all processes print the same public key, also when they start together on an empty database (5 rounds)', async () => {
		expect(new Set(firstKeys).size).toBe(1);
		for (let round = 0; round < 4; round++) {
			const url = await postgres.createDatabase();
			const started = await Promise.all(
				[1, 2, 3].map(() => startVendor({store: url})),
			);
			const keys = started.map((server) => server.publicKey);
			await Promise.all(started.map((server) => server.stop()));
			expect(new Set(keys).size).toBe(1);
			// The one the database kept, and a later start adopts it.
			const stored = await query<{public_key: string}>(
				url,
				'select public_key from key_pair',
			);
			expect(stored.map((row) => row.public_key)).toEqual([keys[0]]);
		}
	}, 60_000);
});

describe('races across processes are decided by the database (issue 11, point 1)', () => {
	it('50 concurrent activations of one key from 50 installations give exactly one binding, and only its installation is answered with it (20 rounds)', async () => {
		const winners: string[] = [];
		for (let round = 0; round < 20; round++) {
			const installations = Array.from(
				{length: 50},
				(_, i) => `r${round}-inst-${i}`,
			);
			// Ten of them exist already, with a key of their own: they will contact afterwards.
			const own = await Promise.all(
				installations.slice(0, 10).map(() => mint()),
			);
			await Promise.all(
				own.map((key, i) => activate(i, installations[i] ?? '', [key])),
			);
			const shared = await mint();

			const replies = await Promise.all(
				installations.map((id, i) => activate(i, id, [shared])),
			);

			expect(replies.map((reply) => reply.status)).toEqual(
				installations.map(() => 200),
			);
			const won = installations.filter(
				(_, i) =>
					(replies[i]?.body.refusals as unknown[] | undefined)?.length === 0,
			);
			expect(won).toHaveLength(1);
			const winner = won[0] ?? '';
			winners.push(winner);
			for (const [i, reply] of replies.entries()) {
				if (installations[i] === winner) continue;
				expect(reply.body.refusals).toEqual([
					expect.objectContaining({key: shared, code: 'key-bound-elsewhere'}),
				]);
			}
			const described = await describeKey(shared);
			expect(described.record.installationId).toBe(winner);
			expect(described.installation?.keys).toContain(shared);
			// A contact answers only for the keys bound to the installation that asks.
			const contacts = await Promise.all(
				installations.slice(0, 10).map((id, i) =>
					request(on(i).url, 'POST', '/v1/contact', {
						installationId: id,
						fingerprint: `fp-${id}`,
					}),
				),
			);
			for (const [i, contact] of contacts.entries()) {
				const ids = (
					contact.body.document as {payload: {licenses: {key: string}[]}}
				).payload.licenses.map((license) => license.key);
				expect(ids.includes(shared)).toBe(installations[i] === winner);
				expect(ids).toContain(own[i]);
			}
		}
		expect(winners).toHaveLength(20);
	}, 120_000);

	it('20 concurrent extends of one day across processes add exactly 20 days', async () => {
		const key = await mint({
			type: 'license',
			kind: 'subscription',
			devices: 5,
			termDays: 30,
		});
		await activate(0, 'extend-inst', [key]);
		const before = (await describeKey(key)).record.licenses[0]?.expiresAt ?? 0;

		const replies = await Promise.all(
			Array.from({length: 20}, (_, n) =>
				request(
					on(n).url,
					'POST',
					`/v1/admin/keys/${key}/extend`,
					{days: 1},
					TOKEN,
				),
			),
		);

		expect(replies.map((reply) => reply.status)).toEqual(Array(20).fill(200));
		expect((await describeKey(key)).record.licenses[0]?.expiresAt).toBe(
			before + 20 * DAY,
		);
	});

	it('concurrent revoke and extend on different processes both take effect; every change answered 200 is kept (20 keys)', async () => {
		const keys = await Promise.all(
			Array.from({length: 20}, () => mint(TWO_SUBSCRIPTIONS)),
		);
		await Promise.all(
			keys.map((key, n) => activate(n, `revoke-inst-${n}`, [key])),
		);
		const before = await Promise.all(keys.map(describeKey));

		const replies = await Promise.all(
			keys.map((key, n) =>
				Promise.all([
					request(
						on(n).url,
						'POST',
						`/v1/admin/keys/${encodeURIComponent(`${key}/1`)}/revoke`,
						{},
						TOKEN,
					),
					request(
						on(n + 1).url,
						'POST',
						`/v1/admin/keys/${encodeURIComponent(`${key}/2`)}/extend`,
						{days: 3},
						TOKEN,
					),
					request(
						on(n + 2).url,
						'POST',
						`/v1/admin/keys/${encodeURIComponent(`${key}/1`)}/extend`,
						{days: 1},
						TOKEN,
					),
				]),
			),
		);

		for (const [n, key] of keys.entries()) {
			const [revoke, extendOther, extendSame] = replies[n] ?? [];
			const [first, second] = (await describeKey(key)).record.licenses;
			const [wasFirst, wasSecond] = before[n]?.record.licenses ?? [];
			// Different licenses: both changes made.
			expect([revoke?.status, extendOther?.status]).toEqual([200, 200]);
			expect(first?.revokedAt).not.toBeNull();
			expect(second?.expiresAt).toBe((wasSecond?.expiresAt ?? 0) + 3 * DAY);
			// The same license: the extension either came first and is kept, or came after the
			// revocation and was refused (409 revoked); never answered 200 and lost.
			if (extendSame?.status === 200) {
				expect(first?.expiresAt).toBe((wasFirst?.expiresAt ?? 0) + DAY);
			} else {
				expect([
					extendSame?.status,
					(extendSame?.body.error as {code?: string} | undefined)?.code,
				]).toEqual([409, 'revoked']);
				expect(first?.expiresAt).toBe(wasFirst?.expiresAt);
			}
		}
	});
});

describe('rate limits live in the database (issue 11, point 3)', () => {
	it('hold across processes: of 15 concurrent activations of one key on 4 processes, 10 pass and 5 get 429; and across restarts', async () => {
		const key = await mint();
		const replies = await Promise.all(
			Array.from({length: 15}, (_, n) =>
				activate(n, 'limited-inst', [key], `fp-machine-${n}`),
			),
		);
		const statuses = replies.map((reply) => reply.status).sort();
		expect(statuses).toEqual([...Array(10).fill(200), ...Array(5).fill(429)]);

		// Every process restarted: the count is still there.
		await Promise.all(servers.map((server) => server.stop()));
		servers = await Promise.all(
			[1, 2, 3, 4].map(() => startVendor({store: sharedUrl, token: TOKEN})),
		);
		const after = await Promise.all(
			servers.map((_, n) =>
				activate(n, 'limited-inst', [key], `fp-after-${n}`),
			),
		);
		expect(
			after.map((reply) => [
				reply.status,
				(reply.body.error as {code?: string})?.code,
			]),
		).toEqual(servers.map(() => [429, 'rate-limited']));
		expect(new Set(servers.map((server) => server.publicKey))).toEqual(
			new Set(firstKeys),
		);
	}, 60_000);
});

describe('kill -9 during activations (issue 11, point 1)', () => {
	it('never leaves a key bound to an installation that does not list it, nor half an activation (20 kills)', async () => {
		const url = await postgres.createDatabase();
		const helper = await startVendor({store: url, token: TOKEN});
		const outcomes = {killedMidway: 0, answeredBeforeKill: 0};
		const acknowledged: {installationId: string; key: string}[] = [];
		try {
			for (let round = 0; round < 20; round++) {
				const keys = await Promise.all(
					Array.from({length: 20}, () =>
						request(
							helper.url,
							'POST',
							'/v1/admin/keys',
							TWO_SUBSCRIPTIONS,
							TOKEN,
						).then((reply) => reply.body.key as string),
					),
				);
				const victim = await startVendor({store: url});
				// Forty activations at once: each of 20 installations takes its own key and tries
				// another's, so bindings race while the process dies. The kill comes once some are
				// answered (1 to 20 of them, by round): the rest are then in flight, some of them
				// inside their transaction. Each resolves to whether it was answered.
				let answeredSoFar = 0;
				const sent = keys
					.flatMap((key, i) =>
						[i, (i + 1) % 20].map((owner) => ({
							installationId: `k${round}-inst-${owner}`,
							key,
						})),
					)
					.map(({installationId, key}) =>
						request(victim.url, 'POST', '/v1/activate', {
							installationId,
							fingerprint: 'fp',
							keys: [key],
						}).then(
							(reply) => {
								answeredSoFar += 1;
								// An activation answered with no refusal bound its key: it must be kept.
								if (
									(reply.body.refusals as unknown[] | undefined)?.length === 0
								) {
									acknowledged.push({installationId, key});
								}
								return true;
							},
							() => false,
						),
					);
				const killAfter = 1 + ((round * 7) % 20);
				const deadline = Date.now() + 10_000;
				while (answeredSoFar < killAfter && Date.now() < deadline) {
					await new Promise((resolve) => setTimeout(resolve, 1));
				}
				await victim.kill();
				const settled = await Promise.all(sent);
				const answered = settled.filter(Boolean).length;
				if (answered < settled.length) outcomes.killedMidway += 1;
				outcomes.answeredBeforeKill += answered;
			}
			// Read straight from the database: what every process would see.
			const orphans = await query(
				url,
				`select k.key from keys k left join installations i on i.installation_id = k.installation_id
				 where k.installation_id is not null and i.installation_id is null`,
			);
			const halfBound = await query(
				url,
				`select k.key from keys k join licenses l on l.key = k.key
				 where (k.installation_id is null) <> (l.activated_at is null)`,
			);
			const empty = await query(
				url,
				`select i.installation_id from installations i
				 where not exists (select 1 from keys k where k.installation_id = i.installation_id)`,
			);
			expect({orphans, halfBound, empty}).toEqual({
				orphans: [],
				halfBound: [],
				empty: [],
			});
			// And as the admin API shows it: each bound key is listed by its installation.
			const bound = await query<{key: string}>(
				url,
				'select key from keys where installation_id is not null',
			);
			for (const {key} of bound) {
				const described = await request(
					helper.url,
					'GET',
					`/v1/admin/keys/${key}`,
					undefined,
					TOKEN,
				);
				expect(
					(described.body.installation as {keys: string[]}).keys,
				).toContain(key);
			}
			// The kills landed while activations were being answered: some were, some were not.
			expect(outcomes.killedMidway).toBeGreaterThan(0);
			expect(outcomes.answeredBeforeKill).toBeGreaterThan(0);
			console.log(
				'KILL-STATS',
				JSON.stringify({...outcomes, bound: bound.length}),
			);
			expect(bound.length).toBeGreaterThan(0);
			// And nothing answered was lost with the process.
			const kept = await query<{key: string; installation_id: string}>(
				url,
				'select key, installation_id from keys where installation_id is not null',
			);
			const bindings = new Map(
				kept.map((row) => [row.key, row.installation_id]),
			);
			expect(
				acknowledged.filter(
					({installationId, key}) => bindings.get(key) !== installationId,
				),
			).toEqual([]);
		} finally {
			await helper.stop();
		}
	}, 180_000);
});

describe('two processes on one SQLite file (issue 11, point 2: WAL, busy timeout, BEGIN IMMEDIATE)', () => {
	it('one key pair when started together, one binding out of 50 concurrent activations (5 rounds), 20 extends add 20 days', async () => {
		const directory = await mkdtemp(
			path.join(tmpdir(), 'myq-sqlite-instances-'),
		);
		const store = `sqlite://${path.join(directory, 'vendor.sqlite')}`;
		const pair = await Promise.all(
			[1, 2].map(() => startVendor({store, token: TOKEN})),
		);
		try {
			expect(new Set(pair.map((server) => server.publicKey)).size).toBe(1);
			const at = (n: number) => pair[n % 2]?.url ?? '';
			for (let round = 0; round < 5; round++) {
				const minted = await request(
					at(0),
					'POST',
					'/v1/admin/keys',
					PERPETUAL,
					TOKEN,
				);
				const key = minted.body.key as string;
				const replies = await Promise.all(
					Array.from({length: 50}, (_, i) =>
						request(at(i), 'POST', '/v1/activate', {
							installationId: `s${round}-inst-${i}`,
							fingerprint: 'fp',
							keys: [key],
						}),
					),
				);
				expect(replies.map((reply) => reply.status)).toEqual(
					Array(50).fill(200),
				);
				expect(
					replies.filter(
						(reply) => (reply.body.refusals as unknown[]).length === 0,
					),
				).toHaveLength(1);
			}
			const minted = await request(
				at(0),
				'POST',
				'/v1/admin/keys',
				{type: 'license', kind: 'subscription', devices: 1, termDays: 30},
				TOKEN,
			);
			const key = minted.body.key as string;
			await request(at(1), 'POST', '/v1/activate', {
				installationId: 's-extend',
				fingerprint: 'fp',
				keys: [key],
			});
			const expiry = async () =>
				(
					(
						await request(
							at(0),
							'GET',
							`/v1/admin/keys/${key}`,
							undefined,
							TOKEN,
						)
					).body.record as {
						licenses: {expiresAt: number}[];
					}
				).licenses[0]?.expiresAt ?? 0;
			const before = await expiry();
			const extends_ = await Promise.all(
				Array.from({length: 20}, (_, n) =>
					request(
						at(n),
						'POST',
						`/v1/admin/keys/${key}/extend`,
						{days: 1},
						TOKEN,
					),
				),
			);
			expect(extends_.map((reply) => reply.status)).toEqual(
				Array(20).fill(200),
			);
			expect(await expiry()).toBe(before + 20 * DAY);
		} finally {
			await Promise.all(pair.map((server) => server.stop()));
			await rm(directory, {recursive: true, force: true});
		}
	}, 60_000);
});
