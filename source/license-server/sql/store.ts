/**
 * The license server's store (store.ts) on SQL, for SQLite and PostgreSQL alike. The only
 * difference between them here is the row lock: PostgreSQL takes it with SELECT ... FOR UPDATE,
 * SQLite needs none since its transactions hold the write lock from BEGIN IMMEDIATE on.
 *
 * Errors of the database itself (database.ts: isStoreFailure) leave as StoreUnavailableError,
 * so a store that cannot be read answers 503 and is never taken for missing data.
 */
import {
	CompiledQuery,
	type Kysely,
	type Selectable,
	sql,
	type Transaction,
} from 'kysely';
import type {Customer} from '../../engine/types.js';
import type {InstallationRecord, KeyRecord, LicenseRecord} from '../catalog.js';
import {StoreUnavailableError, VendorError} from '../errors.js';
import type {
	InstallationRow,
	InstallationView,
	OfflineAnswer,
	StoredKeyPair,
	VendorReads,
	VendorStore,
	VendorTransaction,
} from '../store.js';
import {
	type DirectSqlite,
	isStoreFailure,
	type OpenedDatabase,
	openDatabase,
	type RawRows,
	SQLITE_BUSY_TIMEOUT_MS,
	StoreOpenError,
	type StoreProblem,
} from './database.js';
import {
	CatalogRecordError,
	type Database,
	licenseValues,
	migrate,
	SCHEMA_VERSION,
	SchemaTooNewError,
} from './schema.js';

export type OpenSqlStoreOptions = {
	/** For `migrations` and `created_at` of the key pair. @default Date.now */
	now?: () => number;
	/** SQLite only: how long a writer waits for another's lock. @default SQLITE_BUSY_TIMEOUT_MS */
	sqliteBusyTimeoutMs?: number;
};

/**
 * Opens the store at `url` and brings its schema up to date. Throws StoreUrlError for a URL it
 * does not understand (bad input), StoreOpenError when the database cannot be reached, opened or
 * migrated (its cause is the database's error, or SchemaTooNewError).
 */
export async function openSqlStore(
	url: string,
	options: OpenSqlStoreOptions = {},
): Promise<VendorStore> {
	const busyTimeoutMs = options.sqliteBusyTimeoutMs ?? SQLITE_BUSY_TIMEOUT_MS;
	// Two instances starting together on a new SQLite file: the one that does not get to switch
	// it to WAL or to migrate first is told SQLITE_BUSY at once (a journal mode change does not
	// wait for the busy timeout), and exited 1 where it should have adopted the other's work.
	// It opens again after a short pause, within the same busy timeout.
	const deadline = Date.now() + busyTimeoutMs;
	for (let pause = 5; ; pause = Math.min(2 * pause, 100)) {
		const opened = openDatabase(url, {sqliteBusyTimeoutMs: busyTimeoutMs});
		try {
			await migrate(opened.db, opened.engine, options.now ?? Date.now);
			return createSqlStore(opened, options.now ?? Date.now);
		} catch (error) {
			await closeDatabase(opened).catch(() => undefined);
			if (
				opened.engine === 'sqlite' &&
				isSqliteBusy(error) &&
				Date.now() < deadline
			) {
				await new Promise((resolve) => setTimeout(resolve, pause));
				continue;
			}
			throw new StoreOpenError(opened.shownUrl, describeOpenError(error), {
				cause: error,
				problem: problemOf(error),
			});
		}
	}
}

/** Whether SQLite said it is busy, here or in what the error wraps. */
function isSqliteBusy(error: unknown): boolean {
	for (let depth = 0, current = error; depth < 5 && current; depth++) {
		const code = (current as {code?: unknown}).code;
		if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return true;
		current = (current as {cause?: unknown}).cause;
	}
	return false;
}

type Db = Kysely<Database> | Transaction<Database>;

/** Rows that retry a transaction the database aborted to break a cycle (PostgreSQL only). */
const RETRIED_CODES = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 3;

export function createSqlStore(
	opened: OpenedDatabase,
	now: () => number,
): VendorStore {
	const {db, reader, engine, prepared, direct, shownUrl} = opened;
	const locks = engine === 'postgres';
	let touchSql: string | undefined;

	async function guard<T>(work: () => Promise<T>): Promise<T> {
		try {
			return await work();
		} catch (error) {
			throw translate(error);
		}
	}

	return {
		engine,
		shownUrl,
		...reads(reader, guard, prepared, direct?.reader),

		async transaction(work) {
			for (let attempt = 1; ; attempt++) {
				try {
					return await db
						.transaction()
						.execute((tx) => work(transaction(tx, guard)));
				} catch (error) {
					const code = (error as {code?: unknown}).code;
					if (
						attempt < MAX_ATTEMPTS &&
						typeof code === 'string' &&
						RETRIED_CODES.has(code)
					) {
						continue;
					}
					throw translate(error);
				}
			}
		},

		keyPair: (candidate) =>
			guard(async () => {
				const stored = await readKeyPair(reader);
				if (stored !== undefined) return stored;
				const made = candidate();
				// Every write is a transaction: one waits for another process's lock (database.ts).
				await db.transaction().execute((tx) =>
					tx
						.insertInto('key_pair')
						.values({
							id: 1,
							private_key: made.privateKey,
							public_key: made.publicKey,
							created_at: now(),
						})
						.onConflict((conflict) => conflict.column('id').doNothing())
						.execute(),
				);
				// Ours, or the one another instance stored first: the database decided.
				const kept = await readKeyPair(reader);
				if (kept === undefined) {
					throw new Error('The key pair was stored but cannot be read back.');
				}
				return kept;
			}),

		touchContact: (installationId, at, staleBefore) =>
			guard(async () => {
				// One statement is atomic by itself: no BEGIN and COMMIT around it (they cost more
				// than the update, at every daily contact: issue 16). Its SQL is built once; the
				// parameters are in the order the statement names them.
				touchSql ??= touchQuery(db, at, installationId, staleBefore).compile()
					.sql;
				const values = [at, installationId, staleBefore];
				if (direct?.writer.run(touchSql, values)) return;
				await db.executeQuery(CompiledQuery.raw(touchSql, values));
			}),

		ping: () =>
			guard(async () => {
				await sql`select 1`.execute(reader);
			}),

		close: () => closeDatabase(opened),
	};

	/** The transaction's view: reads, writes, and row locks where the engine takes them. */
	function transaction(
		tx: Transaction<Database>,
		guarded: typeof guard,
	): VendorTransaction {
		return {
			...reads(tx, guarded),

			async createInstallation(row) {
				const result = await tx
					.insertInto('installations')
					.values(installationValues(row))
					.onConflict((conflict) =>
						conflict.column('installation_id').doNothing(),
					)
					.executeTakeFirst();
				return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
			},

			async lockInstallation(installationId) {
				let query = tx
					.selectFrom('installations')
					.selectAll()
					.where('installation_id', '=', installationId);
				if (locks) query = query.forUpdate();
				const row = await query.executeTakeFirst();
				return row === undefined ? undefined : toInstallationRow(row);
			},

			async updateInstallation(row) {
				const {installation_id: _id, ...values} = installationValues(row);
				await tx
					.updateTable('installations')
					.set(values)
					.where('installation_id', '=', row.installationId)
					.execute();
			},

			async lockKeys(keys) {
				const found = new Map<string, KeyRecord>();
				if (keys.length === 0) return found;
				const sorted = [...new Set(keys)].sort();
				let query = tx
					.selectFrom('keys')
					.selectAll()
					.where('key', 'in', sorted)
					.orderBy('key');
				if (locks) query = query.forUpdate();
				const keyRows = await query.execute();
				if (keyRows.length === 0) return found;
				const licenseRows = await tx
					.selectFrom('licenses')
					.selectAll()
					.where(
						'key',
						'in',
						keyRows.map((row) => row.key),
					)
					.orderBy('key')
					.orderBy('position')
					.execute();
				for (const record of toKeyRecords(keyRows, licenseRows)) {
					found.set(record.key, record);
				}
				return found;
			},

			async insertKey(record) {
				const result = await tx
					.insertInto('keys')
					.values({
						key: record.key,
						type: record.type,
						created_at: record.createdAt,
						installation_id: record.installationId,
						bound_at: record.boundAt,
						bound_order: record.installationId === null ? null : 0,
					})
					.onConflict((conflict) => conflict.column('key').doNothing())
					.executeTakeFirst();
				if (Number(result.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
				await tx
					.insertInto('licenses')
					.values(
						record.licenses.map((license, position) => ({
							key: record.key,
							position,
							...licenseValues(license),
						})),
					)
					.execute();
				return true;
			},

			async bindKey(record) {
				if (record.installationId === null || record.boundAt === null) {
					throw new Error(`bindKey: ${record.key} names no installation`);
				}
				const count = await tx
					.selectFrom('keys')
					.select((eb) => eb.fn.countAll<number>().as('count'))
					.where('installation_id', '=', record.installationId)
					.executeTakeFirst();
				const result = await tx
					.updateTable('keys')
					.set({
						installation_id: record.installationId,
						bound_at: record.boundAt,
						bound_order: Number(count?.count ?? 0),
					})
					.where('key', '=', record.key)
					.where('installation_id', 'is', null)
					.executeTakeFirst();
				if (Number(result.numUpdatedRows) !== 1) return false;
				await saveLicenses(tx, record.key, record.licenses);
				return true;
			},

			saveLicenses: (key, licenses) => saveLicenses(tx, key, licenses),

			async recentHits(subjects, since) {
				const hits = new Map<string, number[]>();
				if (subjects.length === 0) return hits;
				const rows = await tx
					.selectFrom('activation_hits')
					.select(['subject', 'at'])
					.where('subject', 'in', [...subjects])
					.where('at', '>', since)
					.orderBy('at')
					.execute();
				for (const row of rows) {
					const list = hits.get(row.subject) ?? [];
					list.push(Number(row.at));
					hits.set(row.subject, list);
				}
				return hits;
			},

			async addHits(subjects, at) {
				if (subjects.length === 0) return;
				await tx
					.insertInto('activation_hits')
					.values(subjects.map((subject) => ({subject, at})))
					.execute();
			},

			async pruneHits(before) {
				await tx
					.deleteFrom('activation_hits')
					.where('at', '<=', before)
					.execute();
			},

			async saveOfflineAnswer(answer) {
				await tx
					.insertInto('offline_answers')
					.values({
						request_id: answer.requestId,
						installation_id: answer.installationId,
						response_text: answer.responseText,
						answered_at: answer.answeredAt,
					})
					.onConflict((conflict) => conflict.column('request_id').doNothing())
					.execute();
			},
		};
	}
}

async function closeDatabase({db, reader}: OpenedDatabase): Promise<void> {
	await Promise.all([db.destroy(), reader === db ? null : reader.destroy()]);
}

/** The contact's bookkeeping: parameters `at`, `installationId`, `staleBefore`, in this order. */
function touchQuery(
	db: Db,
	at: number,
	installationId: string,
	staleBefore: number,
) {
	return db
		.updateTable('installations')
		.set({last_contact_at: at})
		.where('installation_id', '=', installationId)
		.where((eb) =>
			eb.or([
				eb('last_contact_at', 'is', null),
				eb('last_contact_at', '<', staleBefore),
			]),
		);
}

/** The contact's read: the installation, its keys and their licenses, in order. */
function viewQuery(db: Db, installationId: string) {
	return (
		db
			.selectFrom('installations as i')
			.leftJoin('keys as k', 'k.installation_id', 'i.installation_id')
			.leftJoin('licenses as l', 'l.key', 'k.key')
			.selectAll('i')
			.select(KEY_COLUMNS)
			.select(LICENSE_COLUMNS)
			.where('i.installation_id', '=', installationId)
			.orderBy('k.bound_order')
			// The same order as by position alone (one key's licenses follow each other), which the
			// licenses' primary key (key, position) gives without sorting them again.
			.orderBy('l.key')
			.orderBy('l.position')
	);
}

type ViewRow = Awaited<
	ReturnType<ReturnType<typeof viewQuery>['execute']>
>[number];

/** The reads, on the database or inside a transaction. */
function reads(
	db: Db,
	guard: <T>(work: () => Promise<T>) => Promise<T>,
	prepared?: OpenedDatabase['prepared'],
	direct?: DirectSqlite,
): VendorReads {
	let viewSql: string | undefined;
	return {
		key: (key) =>
			guard(async () => {
				const rows = await db
					.selectFrom('keys as k')
					.leftJoin('licenses as l', 'l.key', 'k.key')
					.select(KEY_COLUMNS)
					.select(LICENSE_COLUMNS)
					.where('k.key', '=', key)
					.orderBy('l.position')
					.execute();
				return groupKeys(rows, cellOfObject)[0];
			}),

		installation: (installationId) =>
			guard(async () => {
				const rows = await db
					.selectFrom('installations as i')
					.leftJoin('keys as k', 'k.installation_id', 'i.installation_id')
					.selectAll('i')
					.select('k.key as bound_key')
					.where('i.installation_id', '=', installationId)
					.orderBy('k.bound_order')
					.execute();
				const first = rows[0];
				if (first === undefined) return undefined;
				const {secretHash: _secret, ...row} = toInstallationRow(first);
				return {
					...row,
					keys: rows.flatMap((r) =>
						r.bound_key === null ? [] : [r.bound_key],
					),
				} satisfies InstallationRecord;
			}),

		view: (installationId) =>
			guard(async (): Promise<InstallationView | undefined> => {
				// One statement, one round trip: the contact's whole read (issue 11). Its SQL is
				// built once; each contact only runs it.
				viewSql ??= viewQuery(db, '').compile().sql;
				const arrays = direct?.arrays(viewSql, [installationId]);
				if (arrays !== undefined) return viewOfArrays(arrays);
				const rows =
					direct?.all<ViewRow>(viewSql, [installationId]) ??
					(prepared === undefined
						? (
								await db.executeQuery<ViewRow>(
									CompiledQuery.raw(viewSql, [installationId]),
								)
							).rows
						: await prepared<ViewRow>('myq-installation-view', viewSql, [
								installationId,
							]));
				const first = rows[0];
				if (first === undefined) return undefined;
				return {
					installation: toInstallationRow(first),
					keys: groupKeys(rows, cellOfObject),
				};
			}),

		offlineAnswer: (requestId) =>
			guard(async (): Promise<OfflineAnswer | undefined> => {
				const row = await db
					.selectFrom('offline_answers')
					.selectAll()
					.where('request_id', '=', requestId)
					.executeTakeFirst();
				return row === undefined
					? undefined
					: {
							requestId: row.request_id,
							installationId: row.installation_id,
							responseText: row.response_text,
							answeredAt: Number(row.answered_at),
						};
			}),
	};
}

const KEY_COLUMNS = [
	'k.key as k_key',
	'k.type as k_type',
	'k.created_at as k_created_at',
	'k.installation_id as k_installation_id',
	'k.bound_at as k_bound_at',
] as const;

const LICENSE_COLUMNS = [
	'l.position as l_position',
	'l.kind as l_kind',
	'l.devices as l_devices',
	'l.term_days as l_term_days',
	'l.auto_renew as l_auto_renew',
	'l.activated_at as l_activated_at',
	'l.expires_at as l_expires_at',
	'l.revoked_at as l_revoked_at',
] as const;

type JoinedKeyRow = {
	k_key: string | null;
	k_type: 'license' | 'installation' | null;
	k_created_at: number | null;
	k_installation_id: string | null;
	k_bound_at: number | null;
	l_position: number | null;
	l_kind: 'perpetual' | 'subscription' | null;
	l_devices: number | null;
	l_term_days: number | null;
	l_auto_renew: number | null;
	l_activated_at: number | null;
	l_expires_at: number | null;
	l_revoked_at: number | null;
};

/** One cell of a joined row, whatever form the row has (an object by column, or an array). */
type CellOf<R> = <C extends keyof JoinedKeyRow>(
	row: R,
	column: C,
) => JoinedKeyRow[C];

const cellOfObject: CellOf<JoinedKeyRow> = (row, column) => row[column];

/** Rows of a key-and-licenses join (in key order, then position) as key records. */
function groupKeys<R>(rows: readonly R[], cell: CellOf<R>): KeyRecord[] {
	const records: KeyRecord[] = [];
	let current: KeyRecord | undefined;
	for (const row of rows) {
		const key = cell(row, 'k_key');
		const type = cell(row, 'k_type');
		if (key === null || type === null) continue;
		if (current?.key !== key) {
			current = {
				key,
				type,
				licenses: [],
				installationId: cell(row, 'k_installation_id'),
				createdAt: Number(cell(row, 'k_created_at')),
				boundAt: nullableNumber(cell(row, 'k_bound_at')),
			};
			records.push(current);
		}
		const kind = cell(row, 'l_kind');
		if (kind === null) continue;
		current.licenses.push({
			kind,
			devices: Number(cell(row, 'l_devices')),
			termDays: nullableNumber(cell(row, 'l_term_days')),
			autoRenew: Number(cell(row, 'l_auto_renew')) === 1,
			activatedAt: nullableNumber(cell(row, 'l_activated_at')),
			expiresAt: nullableNumber(cell(row, 'l_expires_at')),
			revokedAt: nullableNumber(cell(row, 'l_revoked_at')),
		});
	}
	return records;
}

/** Each column's position in a raw read, by name; one per statement (its `names` array). */
const columnPositions = new WeakMap<
	readonly string[],
	Readonly<Record<string, number>>
>();

/**
 * The contact's view straight from SQLite's raw arrays (issue 16): no object per joined row,
 * only the installation's columns gathered once. The same records as from the rows by name.
 */
function viewOfArrays({names, rows}: RawRows): InstallationView | undefined {
	const first = rows[0];
	if (first === undefined) return undefined;
	let at = columnPositions.get(names);
	if (at === undefined) {
		at = Object.fromEntries(names.map((name, index) => [name, index]));
		columnPositions.set(names, at);
	}
	const positions = at;
	const get = (cells: unknown[], column: string) =>
		cells[positions[column] ?? -1];
	const installation = {
		installation_id: get(first, 'installation_id'),
		fingerprint: get(first, 'fingerprint'),
		customer: get(first, 'customer'),
		secret_hash: get(first, 'secret_hash'),
		created_at: get(first, 'created_at'),
		last_activation_at: get(first, 'last_activation_at'),
		last_contact_at: get(first, 'last_contact_at'),
	} as Selectable<Database['installations']>;
	return {
		installation: toInstallationRow(installation),
		keys: groupKeys<unknown[]>(
			rows,
			(cells, column) => get(cells, column) as JoinedKeyRow[typeof column],
		),
	};
}

function toKeyRecords(
	keyRows: readonly Selectable<Database['keys']>[],
	licenseRows: readonly Selectable<Database['licenses']>[],
): KeyRecord[] {
	const licenses = new Map<string, LicenseRecord[]>();
	for (const row of licenseRows) {
		const list = licenses.get(row.key) ?? [];
		list.push({
			kind: row.kind,
			devices: Number(row.devices),
			termDays: nullableNumber(row.term_days),
			autoRenew: Number(row.auto_renew) === 1,
			activatedAt: nullableNumber(row.activated_at),
			expiresAt: nullableNumber(row.expires_at),
			revokedAt: nullableNumber(row.revoked_at),
		});
		licenses.set(row.key, list);
	}
	return keyRows.map((row) => ({
		key: row.key,
		type: row.type,
		licenses: licenses.get(row.key) ?? [],
		installationId: row.installation_id,
		createdAt: Number(row.created_at),
		boundAt: nullableNumber(row.bound_at),
	}));
}

async function saveLicenses(
	tx: Transaction<Database>,
	key: string,
	licenses: readonly LicenseRecord[],
): Promise<void> {
	for (const [position, license] of licenses.entries()) {
		await tx
			.updateTable('licenses')
			.set(licenseValues(license))
			.where('key', '=', key)
			.where('position', '=', position)
			.execute();
	}
}

function installationValues(row: InstallationRow) {
	return {
		installation_id: row.installationId,
		fingerprint: row.fingerprint,
		customer: row.customer === null ? null : JSON.stringify(row.customer),
		secret_hash: row.secretHash,
		created_at: row.createdAt,
		last_activation_at: row.lastActivationAt,
		last_contact_at: row.lastContactAt,
	};
}

function toInstallationRow(
	row: Selectable<Database['installations']>,
): InstallationRow {
	return {
		installationId: row.installation_id,
		fingerprint: row.fingerprint,
		customer:
			row.customer === null ? null : (JSON.parse(row.customer) as Customer),
		secretHash: row.secret_hash,
		createdAt: Number(row.created_at),
		lastActivationAt: Number(row.last_activation_at),
		lastContactAt: nullableNumber(row.last_contact_at),
	};
}

async function readKeyPair(db: Db): Promise<StoredKeyPair | undefined> {
	const row = await db
		.selectFrom('key_pair')
		.select(['private_key', 'public_key'])
		.where('id', '=', 1)
		.executeTakeFirst();
	return row === undefined
		? undefined
		: {privateKey: row.private_key, publicKey: row.public_key};
}

function nullableNumber(value: number | null | undefined): number | null {
	return value === null || value === undefined ? null : Number(value);
}

function translate(error: unknown): unknown {
	if (error instanceof VendorError) return error;
	return isStoreFailure(error) ? new StoreUnavailableError(error) : error;
}

/** The known reasons a database that answers cannot be used (database.ts: StoreProblem). */
function problemOf(error: unknown): StoreProblem | undefined {
	if (error instanceof SchemaTooNewError) {
		return {code: 'schema-too-new', found: error.found, known: SCHEMA_VERSION};
	}
	if (error instanceof CatalogRecordError) {
		return {
			code: 'catalog-record',
			record: error.record,
			reason: error.reason,
		};
	}
	return undefined;
}

function describeOpenError(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const code = (error as {code?: unknown}).code;
	const message =
		error.message ||
		(error as {errors?: Error[]}).errors?.[0]?.message ||
		error.name;
	return typeof code === 'string' && !message.includes(code)
		? `${message} (${code})`
		: message;
}
