/**
 * One contract for the license server's store (issue 11, point 2), run against each engine it
 * has: a SQLite file, SQLite in memory (the simulator's), and a real PostgreSQL. Where two
 * instances race, two stores are opened on the same database (two connections, as two
 * processes would have) and the database must decide.
 */
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import BetterSqlite3 from 'better-sqlite3';
import Keyv from 'keyv';
import {sql} from 'kysely';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {DAY} from '../source/engine/types.js';
import {
	bindKey,
	type KeyRecord,
	newLicenseRecord,
} from '../source/license-server/catalog.js';
import {StoreUnavailableError} from '../source/license-server/errors.js';
import {createVendor} from '../source/license-server/index.js';
import {
	isStoreFailure,
	openDatabase,
	STATEMENT_CACHE_SIZE,
	StoreOpenError,
	StoreUrlError,
	withStatementCache,
} from '../source/license-server/sql/database.js';
import {
	SCHEMA_VERSION,
	SchemaTooNewError,
} from '../source/license-server/sql/schema.js';
import {openSqlStore} from '../source/license-server/sql/store.js';
import type {
	InstallationRow,
	VendorStore,
} from '../source/license-server/store.js';
import {
	exportPrivateKey,
	exportPublicKey,
	generateVendorKeyPair,
} from '../source/signing/index.js';
import {startTestPostgres, type TestPostgres} from './helpers/postgres.js';

const T0 = Date.UTC(2027, 0, 4, 9);

type Engine = {
	name: string;
	/** A new, empty database. */
	fresh(): Promise<string>;
};

let postgres: TestPostgres;
let directory: string;
let files = 0;

beforeAll(async () => {
	[postgres, directory] = await Promise.all([
		startTestPostgres(),
		mkdtemp(path.join(tmpdir(), 'myq-store-')),
	]);
}, 60_000);

afterAll(async () => {
	await postgres?.stop();
	if (directory) await rm(directory, {recursive: true, force: true});
});

const ENGINES: Engine[] = [
	{
		name: 'SQLite file',
		fresh: async () => {
			files += 1;
			return `sqlite://${path.join(directory, `vendor-${files}.sqlite`)}`;
		},
	},
	{name: 'SQLite in memory', fresh: async () => 'memory:'},
	{
		name: 'PostgreSQL',
		fresh: () => postgres.createDatabase(),
	},
];

function keyRecord(key: string, overrides: Partial<KeyRecord> = {}): KeyRecord {
	return {
		key,
		type: 'installation',
		licenses: [
			newLicenseRecord({kind: 'subscription', devices: 5, termDays: 30}),
			newLicenseRecord({kind: 'perpetual', devices: 1}),
		],
		installationId: null,
		createdAt: T0,
		boundAt: null,
		...overrides,
	};
}

function installationRow(
	installationId: string,
	overrides: Partial<InstallationRow> = {},
): InstallationRow {
	return {
		installationId,
		fingerprint: `fp-${installationId}`,
		customer: null,
		secretHash: null,
		createdAt: T0,
		lastActivationAt: T0,
		lastContactAt: null,
		...overrides,
	};
}

async function mint(store: VendorStore, key: string): Promise<void> {
	const inserted = await store.transaction((tx) =>
		tx.insertKey(keyRecord(key)),
	);
	expect(inserted).toBe(true);
}

/** One activation as the service does it: lock, bind when free, in one transaction. */
async function bindInTransaction(
	store: VendorStore,
	key: string,
	installationId: string,
): Promise<boolean> {
	return store.transaction(async (tx) => {
		await tx.createInstallation(installationRow(installationId));
		await tx.lockInstallation(installationId);
		const record = (await tx.lockKeys([key])).get(key);
		if (record === undefined || record.installationId !== null) return false;
		return tx.bindKey(bindKey(record, installationId, T0));
	});
}

describe.each(ENGINES)(
	'the license server store on $name (issue 11, point 2)',
	(engine) => {
		async function open(url?: string): Promise<VendorStore> {
			return openSqlStore(url ?? (await engine.fresh()), {now: () => T0});
		}

		it('migrations create the schema once: opening again applies nothing and keeps the data', async () => {
			const url = await engine.fresh();
			const first = await open(url);
			await mint(first, 'K-ONE');
			if (url === 'memory:') {
				// A memory store is its own database: its data lives as long as the store.
				expect(await first.key('K-ONE')).toMatchObject({key: 'K-ONE'});
				await first.close();
				return;
			}
			await first.close();
			const again = await open(url);
			expect(await again.key('K-ONE')).toMatchObject({key: 'K-ONE'});
			await again.close();
		});

		it('a key round-trips with its licenses; a key minted twice is refused the second time', async () => {
			const store = await open();
			await mint(store, 'K-ONE');
			expect(await store.key('K-ONE')).toEqual(keyRecord('K-ONE'));
			expect(
				await store.transaction((tx) => tx.insertKey(keyRecord('K-ONE'))),
			).toBe(false);
			expect(await store.key('K-NONE')).toBeUndefined();
			await store.close();
		});

		it('a binding is one column: a bound key does not bind again, and the installation lists its keys in binding order', async () => {
			const store = await open();
			for (const key of ['K-B', 'K-A', 'K-C']) await mint(store, key);
			expect(await bindInTransaction(store, 'K-B', 'inst-1')).toBe(true);
			expect(await bindInTransaction(store, 'K-A', 'inst-1')).toBe(true);
			expect(await bindInTransaction(store, 'K-A', 'inst-2')).toBe(false);
			expect(await bindInTransaction(store, 'K-C', 'inst-2')).toBe(true);
			expect((await store.installation('inst-1'))?.keys).toEqual([
				'K-B',
				'K-A',
			]);
			expect((await store.installation('inst-2'))?.keys).toEqual(['K-C']);
			const view = await store.view('inst-1');
			expect(view?.installation).toMatchObject({
				installationId: 'inst-1',
				fingerprint: 'fp-inst-1',
			});
			expect(view?.keys.map((record) => record.key)).toEqual(['K-B', 'K-A']);
			expect(view?.keys[0]).toEqual(bindKey(keyRecord('K-B'), 'inst-1', T0));
			expect(await store.view('inst-none')).toBeUndefined();
			await store.close();
		});

		it("the contact's view read on its own (on SQLite straight from the raw arrays, issue 16) is the view a transaction reads by column name", async () => {
			const store = await open();
			const customer = {
				company: 'Acme',
				person: 'Jane',
				address: '1 Rue X',
				country: 'FR',
				email: 'it@acme.test',
			};
			for (const key of ['K-B', 'K-A']) await mint(store, key);
			await store.transaction(async (tx) => {
				await tx.createInstallation(
					installationRow('inst-1', {customer, secretHash: 'abc'}),
				);
			});
			expect(await bindInTransaction(store, 'K-B', 'inst-1')).toBe(true);
			expect(await bindInTransaction(store, 'K-A', 'inst-1')).toBe(true);
			await store.touchContact('inst-1', T0 + 5000, T0);
			const alone = await store.view('inst-1');
			const inTransaction = await store.transaction((tx) => tx.view('inst-1'));
			expect(alone).toEqual(inTransaction);
			expect(alone).toEqual({
				installation: installationRow('inst-1', {
					customer,
					secretHash: 'abc',
					lastContactAt: T0 + 5000,
				}),
				keys: [
					bindKey(keyRecord('K-B'), 'inst-1', T0),
					bindKey(keyRecord('K-A'), 'inst-1', T0),
				],
			});
			expect(await store.view('inst-none')).toBeUndefined();
			await store.close();
		});

		it('an installation is created once; its row keeps the secret hash and the customer, the admin view does not show the hash', async () => {
			const store = await open();
			const customer = {
				company: 'Acme',
				person: 'Jane',
				address: '1 Rue X',
				country: 'FR',
				email: 'it@acme.test',
			};
			const created = await store.transaction((tx) =>
				tx.createInstallation(
					installationRow('inst-1', {secretHash: 'abc', customer}),
				),
			);
			const again = await store.transaction((tx) =>
				tx.createInstallation(installationRow('inst-1')),
			);
			expect([created, again]).toEqual([true, false]);
			const row = await store.transaction((tx) =>
				tx.lockInstallation('inst-1'),
			);
			expect(row).toMatchObject({secretHash: 'abc', customer});
			const shown = await store.installation('inst-1');
			expect(shown).toMatchObject({
				installationId: 'inst-1',
				customer,
				keys: [],
			});
			expect(shown).not.toHaveProperty('secretHash');
			await store.close();
		});

		it('a transaction that throws leaves nothing behind', async () => {
			const store = await open();
			await expect(
				store.transaction(async (tx) => {
					await tx.insertKey(keyRecord('K-ROLLED'));
					await tx.createInstallation(installationRow('inst-rolled'));
					throw new Error('changed my mind');
				}),
			).rejects.toThrow('changed my mind');
			expect(await store.key('K-ROLLED')).toBeUndefined();
			expect(await store.installation('inst-rolled')).toBeUndefined();
			await store.close();
		});

		it('licenses are saved whole: expiry, renewal and revocation', async () => {
			const store = await open();
			await mint(store, 'K-ONE');
			await bindInTransaction(store, 'K-ONE', 'inst-1');
			await store.transaction(async (tx) => {
				const record = (await tx.lockKeys(['K-ONE'])).get('K-ONE');
				if (record === undefined) throw new Error('no key');
				await tx.saveLicenses(
					'K-ONE',
					record.licenses.map((license, index) =>
						index === 0
							? {
									...license,
									expiresAt: T0 + 99 * DAY,
									autoRenew: true,
									revokedAt: T0 + DAY,
								}
							: license,
					),
				);
			});
			expect((await store.key('K-ONE'))?.licenses[0]).toMatchObject({
				expiresAt: T0 + 99 * DAY,
				autoRenew: true,
				revokedAt: T0 + DAY,
			});
			await store.close();
		});

		it('activation hits are counted per subject inside the window, and pruned', async () => {
			const store = await open();
			await store.transaction(async (tx) => {
				await tx.addHits(['installation:a', 'key:K'], T0);
				await tx.addHits(['installation:a'], T0 + 10);
				await tx.addHits(['installation:b'], T0 + 20);
			});
			const hits = await store.transaction((tx) =>
				tx.recentHits(['installation:a', 'key:K', 'installation:c'], T0),
			);
			expect(Object.fromEntries(hits)).toEqual({'installation:a': [T0 + 10]});
			await store.transaction((tx) => tx.pruneHits(T0 + 10));
			const left = await store.transaction((tx) =>
				tx.recentHits(['installation:a', 'installation:b', 'key:K'], 0),
			);
			expect(Object.fromEntries(left)).toEqual({'installation:b': [T0 + 20]});
			await store.close();
		});

		it('the time of the last contact is written only when it is stale (no write per contact)', async () => {
			const store = await open();
			await store.transaction((tx) =>
				tx.createInstallation(installationRow('inst-1')),
			);
			await store.touchContact('inst-1', T0 + 1000, T0 + 500);
			await store.touchContact('inst-1', T0 + 2000, T0 + 500);
			expect((await store.installation('inst-1'))?.lastContactAt).toBe(
				T0 + 1000,
			);
			await store.touchContact('inst-1', T0 + 3000, T0 + 2500);
			expect((await store.installation('inst-1'))?.lastContactAt).toBe(
				T0 + 3000,
			);
			await store.close();
		});

		it('the contact’s read and bookkeeping while another request’s transaction is open: the read sees only what is committed, the write is not rolled back with it (issue 16: they skip Kysely only when no transaction holds the connection)', async () => {
			const store = await open();
			await store.transaction((tx) =>
				tx.createInstallation(installationRow('inst-1')),
			);
			let release = () => {};
			const held = new Promise<void>((resolve) => {
				release = resolve;
			});
			let entered = () => {};
			const inside = new Promise<void>((resolve) => {
				entered = resolve;
			});
			const rolledBack = store.transaction(async (tx) => {
				await tx.updateInstallation(
					installationRow('inst-1', {fingerprint: 'fp-uncommitted'}),
				);
				entered();
				await held;
				throw new Error('rolled back');
			});
			await inside;
			const view = store.view('inst-1');
			const touched = store.touchContact('inst-1', T0 + 5000, T0 + 4000);
			release();
			await expect(rolledBack).rejects.toThrow('rolled back');
			expect((await view)?.installation.fingerprint).toBe('fp-inst-1');
			await touched;
			expect((await store.installation('inst-1'))?.lastContactAt).toBe(
				T0 + 5000,
			);
			await store.close();
		});

		it('an offline request answered is kept with its response text', async () => {
			const store = await open();
			const answer = {
				requestId: 'req-1',
				installationId: 'inst-1',
				responseText: '{"x":1}\n',
				answeredAt: T0,
			};
			await store.transaction((tx) => tx.saveOfflineAnswer(answer));
			await store.transaction((tx) =>
				tx.saveOfflineAnswer({...answer, responseText: 'other'}),
			);
			expect(await store.offlineAnswer('req-1')).toEqual(answer);
			expect(await store.offlineAnswer('req-2')).toBeUndefined();
			await store.close();
		});

		it('the key pair is the first one stored: a second candidate is not kept', async () => {
			const store = await open();
			const first = await store.keyPair(() => ({
				privateKey: 'p1',
				publicKey: 'P1',
			}));
			const second = await store.keyPair(() => ({
				privateKey: 'p2',
				publicKey: 'P2',
			}));
			expect([first, second]).toEqual([
				{privateKey: 'p1', publicKey: 'P1'},
				{privateKey: 'p1', publicKey: 'P1'},
			]);
			await store.close();
		});
	},
);

/**
 * Instances on one database, as separate processes would be: on PostgreSQL, pools in this
 * process. (Two SQLite connections in one process would wait on each other's lock with the one
 * event loop blocked; `vendor serve` processes on one SQLite file are in
 * license-server-instances.test.ts.)
 */
describe('instances sharing one PostgreSQL database (issue 11, points 1 and 2)', () => {
	const openPostgres = (url: string) => openSqlStore(url, {now: () => T0});

	it('two instances starting together on an empty database migrate once and keep one key pair', async () => {
		const url = await postgres.createDatabase();
		const stores = await Promise.all([1, 2, 3].map(() => openPostgres(url)));
		const pairs = await Promise.all(
			stores.map((store, index) =>
				store.keyPair(() => ({
					privateKey: `p${index}`,
					publicKey: `P${index}`,
				})),
			),
		);
		expect(new Set(pairs.map((pair) => pair.publicKey)).size).toBe(1);
		await Promise.all(stores.map((store) => store.close()));
	});

	it('races between instances are decided by the database: one binding of one key out of 20 tries, 20 extensions add 20 days', async () => {
		const url = await postgres.createDatabase();
		const stores = [await openPostgres(url), await openPostgres(url)];
		const [first] = stores;
		if (first === undefined) throw new Error('no store');
		await mint(first, 'K-RACE');
		const wins = await Promise.all(
			Array.from({length: 20}, (_, index) =>
				bindInTransaction(
					stores[index % 2] ?? first,
					'K-RACE',
					`inst-${index}`,
				),
			),
		);
		expect(wins.filter(Boolean)).toHaveLength(1);
		const before = (await first.key('K-RACE'))?.licenses[0]?.expiresAt ?? 0;
		await Promise.all(
			Array.from({length: 20}, (_, index) =>
				(stores[index % 2] ?? first).transaction(async (tx) => {
					const record = (await tx.lockKeys(['K-RACE'])).get('K-RACE');
					if (record === undefined) throw new Error('no key');
					await tx.saveLicenses(
						'K-RACE',
						record.licenses.map((license, position) =>
							position === 0
								? {...license, expiresAt: (license.expiresAt ?? 0) + DAY}
								: license,
						),
					);
				}),
			),
		);
		expect((await first.key('K-RACE'))?.licenses[0]?.expiresAt).toBe(
			before + 20 * DAY,
		);
		await Promise.all(stores.map((store) => store.close()));
	});
});

describe.each(ENGINES.filter((engine) => engine.name !== 'SQLite in memory'))(
	'migrations on $name (issue 11, point 2)',
	(engine) => {
		const open = (url: string) => openSqlStore(url, {now: () => T0});
		it('a database made by a newer version is refused, not written to', async () => {
			const url = await engine.fresh();
			const store = await open(url);
			await store.close();
			await markVersion(url, SCHEMA_VERSION + 1);
			const refused = await open(url).catch((error: unknown) => error);
			expect(refused).toBeInstanceOf(StoreOpenError);
			expect((refused as StoreOpenError).cause).toBeInstanceOf(
				SchemaTooNewError,
			);
			expect((refused as StoreOpenError).message).toMatch(/newer myq-license/);
		});
	},
);

/** Records a schema version the program does not know, as a newer program would. */
async function markVersion(url: string, version: number): Promise<void> {
	if (url.startsWith('sqlite://')) {
		const database = new BetterSqlite3(url.slice('sqlite://'.length));
		database
			.prepare(
				'insert into schema_migrations (version, name, applied_at) values (?, ?, ?)',
			)
			.run(version, 'from the future', T0);
		database.close();
		return;
	}
	const pg = (await import('pg')).default;
	const client = new pg.Client({connectionString: url});
	await client.connect();
	await client.query(
		'insert into schema_migrations (version, name, applied_at) values ($1, $2, $3)',
		[version, 'from the future', T0],
	);
	await client.end();
}

describe('a store that cannot be read is an error, never missing data (issue 11, point 4)', () => {
	it('PostgreSQL stopped: reads, transactions and the ping throw store-unavailable; back once it runs again', async () => {
		const url = await postgres.createDatabase();
		const store = await openSqlStore(url, {now: () => T0});
		await mint(store, 'K-ONE');
		await postgres.halt();
		try {
			await expect(store.key('K-ONE')).rejects.toBeInstanceOf(
				StoreUnavailableError,
			);
			await expect(store.view('inst-1')).rejects.toBeInstanceOf(
				StoreUnavailableError,
			);
			await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
			await expect(
				store.transaction((tx) => tx.insertKey(keyRecord('K-TWO'))),
			).rejects.toBeInstanceOf(StoreUnavailableError);
		} finally {
			await postgres.start();
		}
		expect(await store.key('K-ONE')).toMatchObject({key: 'K-ONE'});
		await store.close();
	}, 30_000);

	it('SQLite locked by another process past the busy timeout: store-unavailable, not a wait without end', async () => {
		const file = path.join(directory, 'locked.sqlite');
		const store = await openSqlStore(`sqlite://${file}`, {
			now: () => T0,
			sqliteBusyTimeoutMs: 100,
		});
		const other = new BetterSqlite3(file);
		other.exec('begin immediate');
		try {
			await expect(
				store.transaction((tx) => tx.insertKey(keyRecord('K-ONE'))),
			).rejects.toBeInstanceOf(StoreUnavailableError);
		} finally {
			other.exec('rollback');
			other.close();
		}
		await mint(store, 'K-ONE');
		await store.close();
	});

	it('a write waiting for another process’s lock on the SQLite file holds up nothing else: reads, the ping and the event loop go on, each write gives up after the busy timeout (the process froze while it waited, and every read waited behind every write)', async () => {
		const file = path.join(directory, 'waiting.sqlite');
		const store = await openSqlStore(`sqlite://${file}`, {
			now: () => T0,
			sqliteBusyTimeoutMs: 300,
		});
		await mint(store, 'K-READ');
		const other = new BetterSqlite3(file);
		other.exec('begin immediate');
		const order: string[] = [];
		try {
			const writes = [1, 2, 3].map((n) =>
				store
					.transaction((tx) => tx.insertKey(keyRecord(`K-WRITE-${n}`)))
					.then(
						() => order.push('written'),
						(error: unknown) =>
							order.push(
								error instanceof StoreUnavailableError ? 'refused' : `${error}`,
							),
					),
			);
			await Promise.all([
				...writes,
				new Promise((resolve) => setTimeout(resolve, 20)).then(() =>
					order.push('timer'),
				),
				store.key('K-READ').then((record) => order.push(`read ${record?.key}`)),
				store.ping().then(() => order.push('ping')),
			]);
		} finally {
			other.exec('rollback');
			other.close();
		}
		expect(order.slice(0, 3).sort()).toEqual(['ping', 'read K-READ', 'timer']);
		expect(order.slice(3)).toEqual(['refused', 'refused', 'refused']);
		await mint(store, 'K-WRITE-1');
		await store.close();
	});

	it('a contact is answered while another process holds the write lock, also one due to write the time of the last contact (it failed with 503 after the busy timeout, for bookkeeping)', async () => {
		const file = path.join(directory, 'contact-locked.sqlite');
		const store = await openSqlStore(`sqlite://${file}`, {
			now: () => T0,
			sqliteBusyTimeoutMs: 100,
		});
		let time = T0;
		const vendor = await createVendor({store, now: () => time});
		const {key} = await vendor.service.mint({
			type: 'license',
			kind: 'perpetual',
			devices: 1,
		});
		const request = {installationId: 'inst', fingerprint: 'fp'};
		await vendor.service.activate({...request, keys: [key]});
		time += 2 * DAY;
		const other = new BetterSqlite3(file);
		other.exec('begin immediate');
		try {
			const document = await vendor.service.contact(request);
			expect(document.payload.licenses.map((grant) => grant.key)).toEqual([
				key,
			]);
		} finally {
			other.exec('rollback');
			other.close();
		}
		expect((await store.installation('inst'))?.lastContactAt).toBe(T0);
		await vendor.service.contact(request);
		expect((await store.installation('inst'))?.lastContactAt).toBe(time);
		await store.close();
	});

	it('a transaction SQLite rolled back itself (a full disk, an I/O error) fails with that error, not with the rollback after it (a full disk answered 500 internal: "cannot rollback - no transaction is active")', async () => {
		const opened = openDatabase(
			`sqlite://${path.join(directory, 'rolled-back.sqlite')}`,
		);
		try {
			const full = Object.assign(new Error('database or disk is full'), {
				code: 'SQLITE_FULL',
			});
			const failed = await opened.db
				.transaction()
				.execute(async (tx) => {
					// What SQLite does on SQLITE_FULL or SQLITE_IOERR: the transaction ends there.
					await sql`rollback`.execute(tx);
					throw full;
				})
				.catch((error: unknown) => error);
			expect(failed).toBe(full);
			expect(isStoreFailure(failed)).toBe(true);
		} finally {
			await opened.db.destroy();
		}
	});

	it('a file that is not a database cannot be opened: the error says so, and the file is left as it was', async () => {
		const file = path.join(directory, 'not-a-database.sqlite');
		await writeFile(
			file,
			'these are not the bytes of a SQLite database, just text '.repeat(100),
		);
		await expect(openSqlStore(`sqlite://${file}`)).rejects.toThrow(
			/not a database/,
		);
	});

	it('a URL of no engine it has is bad input (StoreUrlError), before anything is opened', async () => {
		await expect(openSqlStore('redis://127.0.0.1:6379')).rejects.toBeInstanceOf(
			StoreUrlError,
		);
		await expect(openSqlStore('sqlite://')).rejects.toBeInstanceOf(
			StoreUrlError,
		);
	});
});

describe('upgrading from the Keyv catalog of earlier versions (issue 11, point 2: migrations)', () => {
	it('a vendor.sqlite written through Keyv keeps its key pair, keys, bindings and installations', async () => {
		const file = path.join(directory, 'keyv-vendor.sqlite');
		const keyv = new Keyv({store: new KeyvSqlite(`sqlite://${file}`)});
		const pair = generateVendorKeyPair();
		const publicKey = exportPublicKey(pair.publicKey);
		await keyv.set('vendor:key-pair', {
			privateKey: exportPrivateKey(pair.privateKey),
			publicKey,
		});
		const bound = bindKey(keyRecord('K-BOUND'), 'inst-old', T0);
		await keyv.set('key:K-BOUND', bound);
		await keyv.set('key:K-FREE', keyRecord('K-FREE'));
		await keyv.set('installation:inst-old', {
			installationId: 'inst-old',
			fingerprint: 'fp-old',
			keys: ['K-BOUND'],
			customer: null,
			createdAt: T0,
			lastActivationAt: T0,
			lastContactAt: T0 + DAY,
		});
		await keyv.disconnect();

		const store = await openSqlStore(`sqlite://${file}`, {now: () => T0});
		const vendor = await createVendor({store, now: () => T0 + 2 * DAY});
		expect(vendor.publicKey).toBe(publicKey);
		expect(await store.key('K-BOUND')).toEqual(bound);
		expect(await store.key('K-FREE')).toEqual(keyRecord('K-FREE'));
		expect(await store.installation('inst-old')).toMatchObject({
			fingerprint: 'fp-old',
			keys: ['K-BOUND'],
			lastContactAt: T0 + DAY,
		});
		const document = await vendor.service.contact({
			installationId: 'inst-old',
			fingerprint: 'fp-old',
		});
		expect(document.payload.licenses.map((license) => license.key)).toEqual([
			'K-BOUND',
			'K-BOUND',
		]);
		await store.close();
		// Opened again: imported once, not twice.
		const again = await openSqlStore(`sqlite://${file}`, {now: () => T0});
		expect((await again.installation('inst-old'))?.keys).toEqual(['K-BOUND']);
		await again.close();
	});
});

describe('a tampered catalog of an earlier version is refused, naming its record (issue 11, point 2: migrations)', () => {
	const license = newLicenseRecord({kind: 'perpetual', devices: 1});
	const installation = {
		installationId: 'inst',
		fingerprint: 'fp',
		keys: [],
		customer: null,
		createdAt: T0,
		lastActivationAt: T0,
		lastContactAt: null,
	};
	it.each([
		['a key without licenses', 'key:K1', {key: 'K1', type: 'license'}],
		[
			'a license of no kind we know',
			'key:K1',
			keyRecord('K1', {
				licenses: [{...license, kind: 'forever' as 'perpetual'}],
			}),
		],
		['a record that is null', 'key:K1', null],
		[
			'an installation without its keys',
			'installation:inst',
			{...installation, keys: undefined},
		],
		['an installation that is a string', 'installation:inst', 'hello'],
		[
			'a time that is text',
			'key:K1',
			keyRecord('K1', {createdAt: 'yesterday' as unknown as number}),
		],
	])(
		'%s: the start fails with the record named and nothing imported (it said "Cannot read properties of undefined", or took the text)',
		async (_case, name, value) => {
			const file = path.join(directory, `tampered-${files++}.sqlite`);
			const keyv = new Keyv({store: new KeyvSqlite(`sqlite://${file}`)});
			await keyv.set('installation:other', {
				...installation,
				installationId: 'other',
			});
			await keyv.set(name, value);
			await keyv.disconnect();

			const failed = await openSqlStore(`sqlite://${file}`).catch(
				(error: unknown) => error,
			);

			expect(failed).toBeInstanceOf(StoreOpenError);
			expect((failed as StoreOpenError).problem).toMatchObject({
				code: 'catalog-record',
				record: `keyv:${name}`,
			});
			const database = new BetterSqlite3(file);
			try {
				const tables = database
					.prepare("select name from sqlite_master where type = 'table'")
					.all();
				expect(tables).toEqual([{name: 'keyv'}]);
			} finally {
				database.close();
			}
		},
	);
});

describe('memory stays bounded (issue 11, point 6)', () => {
	it('the SQLite statement cache keeps at most STATEMENT_CACHE_SIZE statements, and a kept one is reused', () => {
		const database = withStatementCache(new BetterSqlite3(':memory:'));
		const first = database.prepare('select 0');
		expect(database.prepare('select 0')).toBe(first);
		for (let n = 1; n <= 3 * STATEMENT_CACHE_SIZE; n++) {
			expect(database.prepare(`select ${n}`).get()).toEqual({[String(n)]: n});
		}
		expect(database.cached()).toBe(STATEMENT_CACHE_SIZE);
		database.close();
	});

	it('rows() gives the rows .all() gives, made from raw arrays (issue 16), and keeps at most STATEMENT_CACHE_SIZE raw statements too', () => {
		const database = withStatementCache(new BetterSqlite3(':memory:'));
		const text =
			"select 1 as n, 'a' as s, null as z union all select 2, 'b', x'00' order by n";
		expect(database.rows(text, [])).toEqual(database.prepare(text).all());
		expect(database.rows('select ? as v', [7])).toEqual([{v: 7}]);
		// The same text through prepare() still answers objects: the raw mode is its own statement.
		expect(database.prepare('select ? as v').all(8)).toEqual([{v: 8}]);
		for (let n = 1; n <= 3 * STATEMENT_CACHE_SIZE; n++) {
			expect(database.rows(`select ${n} as n`, [])).toEqual([{n}]);
		}
		expect(database.cached()).toBeLessThanOrEqual(2 * STATEMENT_CACHE_SIZE);
		database.close();
	});

	it('arrays() gives the raw rows and their column names, the same names array at every run (issue 16: the view maps them by position)', () => {
		const database = withStatementCache(new BetterSqlite3(':memory:'));
		const text = "select ? as n, 'a' as s union all select 2, null";
		const first = database.arrays(text, [1]);
		expect(first).toEqual({
			names: ['n', 's'],
			rows: [
				[1, 'a'],
				[2, null],
			],
		});
		expect(database.arrays(text, [3]).names).toBe(first.names);
		expect(database.rows(text, [1])).toEqual([
			{n: 1, s: 'a'},
			{n: 2, s: null},
		]);
		database.close();
	});
});
