/**
 * The license server's SQL schema and its migrations (issue 11). Times are epoch milliseconds
 * (BIGINT), booleans 0/1 (SQLite has no boolean), a customer is its JSON text. The constraints
 * are where races are decided: a key has one binding column, so it binds to one installation;
 * the key pair has one row (id = 1), so two first starts keep one pair.
 *
 * Migrations run in order, each once, inside one transaction that holds the migration lock
 * (PostgreSQL: an advisory lock; SQLite: BEGIN IMMEDIATE), so instances starting together on an
 * empty database create the schema once. A database made by a newer version is refused.
 */
import {type Kysely, sql} from 'kysely';
import {z} from 'zod';
import type {InstallationRecord, KeyRecord, LicenseRecord} from '../catalog.js';
import type {StoreEngine} from '../store.js';

export type Database = {
	schema_migrations: {version: number; name: string; applied_at: number};
	key_pair: {
		id: number;
		private_key: string;
		public_key: string;
		created_at: number;
	};
	installations: {
		installation_id: string;
		fingerprint: string;
		customer: string | null;
		secret_hash: string | null;
		created_at: number;
		last_activation_at: number;
		last_contact_at: number | null;
	};
	keys: {
		key: string;
		type: 'license' | 'installation';
		created_at: number;
		installation_id: string | null;
		bound_at: number | null;
		/** The key's place among its installation's keys (0, 1, ...): the document's order. */
		bound_order: number | null;
	};
	licenses: {
		key: string;
		position: number;
		kind: 'perpetual' | 'subscription';
		devices: number;
		term_days: number | null;
		auto_renew: number;
		activated_at: number | null;
		expires_at: number | null;
		revoked_at: number | null;
	};
	activation_hits: {subject: string; at: number};
	offline_answers: {
		request_id: string;
		installation_id: string;
		response_text: string;
		answered_at: number;
	};
};

type Migration = {
	version: number;
	name: string;
	// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was then, not today's type
	up(db: Kysely<any>, engine: StoreEngine): Promise<void>;
};

export const MIGRATIONS: readonly Migration[] = [
	{
		version: 1,
		name: 'catalog, installations, bindings, key pair, rate limits, offline answers',
		async up(db) {
			await db.schema
				.createTable('key_pair')
				.addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
				.addColumn('private_key', 'text', (c) => c.notNull())
				.addColumn('public_key', 'text', (c) => c.notNull())
				.addColumn('created_at', 'bigint', (c) => c.notNull())
				.execute();
			await db.schema
				.createTable('installations')
				.addColumn('installation_id', 'text', (c) => c.primaryKey())
				.addColumn('fingerprint', 'text', (c) => c.notNull())
				.addColumn('customer', 'text')
				.addColumn('secret_hash', 'text')
				.addColumn('created_at', 'bigint', (c) => c.notNull())
				.addColumn('last_activation_at', 'bigint', (c) => c.notNull())
				.addColumn('last_contact_at', 'bigint')
				.execute();
			await db.schema
				.createTable('keys')
				.addColumn('key', 'text', (c) => c.primaryKey())
				.addColumn('type', 'text', (c) =>
					c.notNull().check(sql`type in ('license', 'installation')`),
				)
				.addColumn('created_at', 'bigint', (c) => c.notNull())
				.addColumn('installation_id', 'text', (c) =>
					c.references('installations.installation_id'),
				)
				.addColumn('bound_at', 'bigint')
				.addColumn('bound_order', 'integer')
				.addCheckConstraint(
					'keys_binding_whole',
					sql`(installation_id is null and bound_at is null and bound_order is null) or (installation_id is not null and bound_at is not null and bound_order is not null)`,
				)
				.execute();
			await db.schema
				.createIndex('keys_by_installation')
				.on('keys')
				.columns(['installation_id', 'bound_order'])
				.execute();
			await db.schema
				.createTable('licenses')
				.addColumn('key', 'text', (c) =>
					c.notNull().references('keys.key').onDelete('cascade'),
				)
				.addColumn('position', 'integer', (c) => c.notNull())
				.addColumn('kind', 'text', (c) =>
					c.notNull().check(sql`kind in ('perpetual', 'subscription')`),
				)
				.addColumn('devices', 'integer', (c) => c.notNull())
				.addColumn('term_days', 'integer')
				.addColumn('auto_renew', 'integer', (c) =>
					c.notNull().check(sql`auto_renew in (0, 1)`),
				)
				.addColumn('activated_at', 'bigint')
				.addColumn('expires_at', 'bigint')
				.addColumn('revoked_at', 'bigint')
				.addPrimaryKeyConstraint('licenses_pk', ['key', 'position'])
				.execute();
			await db.schema
				.createTable('activation_hits')
				.addColumn('subject', 'text', (c) => c.notNull())
				.addColumn('at', 'bigint', (c) => c.notNull())
				.execute();
			await db.schema
				.createIndex('activation_hits_by_subject')
				.on('activation_hits')
				.columns(['subject', 'at'])
				.execute();
			await db.schema
				.createIndex('activation_hits_by_time')
				.on('activation_hits')
				.column('at')
				.execute();
			await db.schema
				.createTable('offline_answers')
				.addColumn('request_id', 'text', (c) => c.primaryKey())
				.addColumn('installation_id', 'text', (c) => c.notNull())
				.addColumn('response_text', 'text', (c) => c.notNull())
				.addColumn('answered_at', 'bigint', (c) => c.notNull())
				.execute();
		},
	},
	{
		version: 2,
		name: 'import the Keyv catalog of earlier versions (SQLite)',
		up: (db, engine) =>
			engine === 'sqlite' ? importKeyvCatalog(db) : Promise.resolve(),
	},
];

const time = z.number().int().nonnegative();
const keyvLicense = z.object({
	kind: z.enum(['perpetual', 'subscription']),
	devices: z.number().int().positive(),
	termDays: z.number().int().positive().nullable(),
	autoRenew: z.boolean(),
	activatedAt: time.nullable(),
	expiresAt: time.nullable(),
	revokedAt: time.nullable(),
});
/** The records earlier versions wrote (catalog.ts has not changed their shape since). */
const keyvRecords = {
	key: z.object({
		key: z.string().min(1),
		type: z.enum(['license', 'installation']),
		licenses: z.array(keyvLicense).min(1),
		installationId: z.string().min(1).nullable(),
		createdAt: time,
		boundAt: time.nullable(),
	}),
	installation: z.object({
		installationId: z.string().min(1),
		fingerprint: z.string().min(1),
		keys: z.array(z.string()),
		customer: z.record(z.string(), z.unknown()).nullable(),
		createdAt: time,
		lastActivationAt: time,
		lastContactAt: time.nullable(),
	}),
	'key-pair': z.object({privateKey: z.string(), publicKey: z.string()}),
};

/**
 * A record of the earlier Keyv catalog this version cannot import as it is (a hand changed it,
 * or a disk damaged it): nothing is imported, and the start says which row to look at.
 */
export class CatalogRecordError extends Error {
	constructor(
		/** The row's key in the `keyv` table (`keyv:key:NXXXX-…`). */
		readonly record: string,
		readonly reason: string,
	) {
		super(
			`The catalog of an earlier version (the keyv table of this file) holds ${record}, which is not a record this version can import (${reason}). Nothing was imported: correct or remove that row, or restore the file from a backup.`,
		);
		this.name = 'CatalogRecordError';
	}
}

/** `value` as the record `kind` of the Keyv catalog, or a CatalogRecordError naming it. */
function keyvRecord<Kind extends keyof typeof keyvRecords>(
	kind: Kind,
	name: string,
	value: unknown,
): z.infer<(typeof keyvRecords)[Kind]> {
	const result = keyvRecords[kind].safeParse(value);
	if (result.success) return result.data as z.infer<(typeof keyvRecords)[Kind]>;
	const issue = result.error.issues[0];
	const field = issue?.path.map(String).join('.') ?? '';
	throw new CatalogRecordError(
		`keyv:${name}`,
		`${field === '' ? '' : `${field}: `}${issue?.message ?? 'invalid'}`,
	);
}

/**
 * Until issue 11 the vendor kept its catalog in a Keyv table (`keyv`) of this same SQLite file.
 * Its key pair above all must carry over: every client pinned it (R16). The rows are copied into
 * the tables (the `keyv` table is left as it was); a key's binding is its own record's
 * installation, when that installation exists, in the order the installation listed its keys.
 * Each record is checked first: one that is not what earlier versions wrote stops the import
 * (its transaction rolls back) with the row named, rather than a half-read catalog.
 */
// biome-ignore lint/suspicious/noExplicitAny: the schema as version 1 left it
async function importKeyvCatalog(db: Kysely<any>): Promise<void> {
	const table = await sql<{
		name: string;
	}>`select name from sqlite_master where type = 'table' and name = 'keyv'`.execute(
		db,
	);
	if (table.rows.length === 0) return;
	const rows = await sql<{
		key: string;
		value: string | null;
	}>`select key, value from keyv where key like 'keyv:%'`.execute(db);
	const values = new Map<string, unknown>();
	for (const row of rows.rows) {
		try {
			values.set(
				row.key.slice('keyv:'.length),
				(JSON.parse(row.value ?? 'null') as {value?: unknown} | null)?.value,
			);
		} catch {
			// A row that is not Keyv's JSON is not ours: left in the keyv table, not imported.
		}
	}
	const pair = values.has('vendor:key-pair')
		? keyvRecord('key-pair', 'vendor:key-pair', values.get('vendor:key-pair'))
		: undefined;
	if (pair !== undefined) {
		await db
			.insertInto('key_pair')
			.values({
				id: 1,
				private_key: pair.privateKey,
				public_key: pair.publicKey,
				created_at: 0,
			})
			.onConflict((conflict) => conflict.column('id').doNothing())
			.execute();
	}
	const installations = new Map<
		string,
		z.infer<typeof keyvRecords.installation>
	>();
	for (const [name, value] of values) {
		if (!name.startsWith('installation:')) continue;
		const record = keyvRecord('installation', name, value);
		if (installations.has(record.installationId)) {
			throw new CatalogRecordError(
				`keyv:${name}`,
				`a second record of the installation ${record.installationId}`,
			);
		}
		installations.set(record.installationId, record);
		await db
			.insertInto('installations')
			.values({
				installation_id: record.installationId,
				fingerprint: record.fingerprint,
				customer:
					record.customer === null ? null : JSON.stringify(record.customer),
				secret_hash: null,
				created_at: record.createdAt,
				last_activation_at: record.lastActivationAt,
				last_contact_at: record.lastContactAt,
			})
			.execute();
	}
	const nextOrder = new Map<string, number>();
	for (const [name, value] of values) {
		if (!name.startsWith('key:')) continue;
		const record = keyvRecord('key', name, value);
		const owner =
			record.installationId === null
				? undefined
				: installations.get(record.installationId);
		const listed = owner?.keys.indexOf(record.key) ?? -1;
		let order: number | null = null;
		if (owner !== undefined) {
			const next = nextOrder.get(owner.installationId) ?? owner.keys.length;
			order = listed >= 0 ? listed : next;
			if (listed < 0) nextOrder.set(owner.installationId, next + 1);
		}
		await db
			.insertInto('keys')
			.values({
				key: record.key,
				type: record.type,
				created_at: record.createdAt,
				installation_id: owner === undefined ? null : owner.installationId,
				bound_at:
					owner === undefined ? null : (record.boundAt ?? record.createdAt),
				bound_order: order,
			})
			.execute();
		for (const [position, license] of record.licenses.entries()) {
			await db
				.insertInto('licenses')
				.values({key: record.key, position, ...licenseValues(license)})
				.execute();
		}
	}
}

/** A license's live state as the licenses table holds it. */
export function licenseValues(license: LicenseRecord) {
	return {
		kind: license.kind,
		devices: license.devices,
		term_days: license.termDays,
		auto_renew: license.autoRenew ? 1 : 0,
		activated_at: license.activatedAt,
		expires_at: license.expiresAt,
		revoked_at: license.revokedAt,
	};
}

/** The schema version this program writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** A database whose schema is newer than this program: it must not write to it. */
export class SchemaTooNewError extends Error {
	constructor(readonly found: number) {
		super(
			`The database's schema is at version ${found}, made by a newer myq-license (this one knows up to ${SCHEMA_VERSION}): upgrade myq-license, or use another database.`,
		);
		this.name = 'SchemaTooNewError';
	}
}

/** Brings the schema to {@link SCHEMA_VERSION}; returns the versions it applied. */
export async function migrate(
	db: Kysely<Database>,
	engine: StoreEngine,
	now: () => number,
): Promise<number[]> {
	return db.transaction().execute(async (tx) => {
		if (engine === 'postgres') {
			// One constant lock id for this schema; held until the transaction ends.
			await sql`select pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK_ID)})`.execute(
				tx,
			);
		}
		await tx.schema
			.createTable('schema_migrations')
			.ifNotExists()
			.addColumn('version', 'integer', (c) => c.primaryKey())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('applied_at', 'bigint', (c) => c.notNull())
			.execute();
		const row = await tx
			.selectFrom('schema_migrations')
			.select((eb) => eb.fn.max('version').as('version'))
			.executeTakeFirst();
		const current = Number(row?.version ?? 0);
		if (current > SCHEMA_VERSION) throw new SchemaTooNewError(current);
		const applied: number[] = [];
		for (const migration of MIGRATIONS) {
			if (migration.version <= current) continue;
			await migration.up(tx, engine);
			await tx
				.insertInto('schema_migrations')
				.values({
					version: migration.version,
					name: migration.name,
					applied_at: now(),
				})
				.execute();
			applied.push(migration.version);
		}
		return applied;
	});
}

/** "myql" in ASCII: this schema's advisory lock id. */
const MIGRATION_LOCK_ID = 0x6d79716c;
