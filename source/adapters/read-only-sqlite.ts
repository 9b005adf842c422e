/**
 * A Keyv adapter over an SQLite store opened read-only, for commands that only read (`status`):
 * no table created, no journal mode set, no file made when there is none, so they work on a
 * store they may not write (a file or folder without write permission, a read-only mount).
 *
 * @keyv/sqlite cannot do this: it opens the file for writing and creates its table at once.
 * A store in WAL mode in a folder that cannot be written, or on a full disk, has no `-shm` file
 * SQLite may create: it is then opened `immutable`, as the snapshot it is for this one read.
 */
import EventEmitter from 'node:events';
import {pathToFileURL} from 'node:url';
import sqlite3 from 'sqlite3';
import {hasCode} from './node-error.js';

type Database = InstanceType<typeof sqlite3.Database>;

/** What SQLite says when it cannot make the -shm file a WAL store needs to be read. */
const SHM_REFUSED = [
	'SQLITE_CANTOPEN',
	'SQLITE_READONLY',
	'SQLITE_IOERR',
	'SQLITE_FULL',
];

export class ReadOnlyStoreError extends Error {
	override name = 'ReadOnlyStoreError';
}

export class ReadOnlySqlite extends EventEmitter {
	readonly opts = {dialect: 'sqlite', table: 'keyv'};
	namespace?: string | undefined;

	private constructor(private readonly db: Database | null) {
		super();
	}

	/** Opens `file` for reading; a file that does not exist reads as an empty store. */
	static async open(file: string): Promise<ReadOnlySqlite> {
		if (file === ':memory:') return new ReadOnlySqlite(null);
		let db: Database;
		try {
			db = await openDatabase(file, sqlite3.OPEN_READONLY);
		} catch (error) {
			if (hasCode(error, 'SQLITE_CANTOPEN')) return new ReadOnlySqlite(null);
			throw error;
		}
		try {
			await all(db, 'SELECT 1 FROM sqlite_master LIMIT 1');
			return new ReadOnlySqlite(db);
		} catch (error) {
			await close(db);
			// A store in WAL mode needs its -shm file; where none can be made (no write permission,
			// a read-only mount, a full disk: SQLITE_IOERR, SQLITE_FULL), read the file as it is.
			if (!SHM_REFUSED.some((code) => hasCode(error, code))) throw error;
		}
		const url = `${pathToFileURL(file).href}?immutable=1`;
		return new ReadOnlySqlite(
			await openDatabase(url, sqlite3.OPEN_READONLY | sqlite3.OPEN_URI),
		);
	}

	/** The rows of `sql`; none when the store has no table yet (a new file). */
	private async rows(sql: string, ...parameters: unknown[]) {
		if (this.db === null) return [];
		try {
			return await all(this.db, sql, ...parameters);
		} catch (error) {
			if (/no such table/.test(String((error as Error)?.message))) return [];
			throw error;
		}
	}

	async get(key: string): Promise<unknown> {
		const rows = await this.rows('SELECT value FROM keyv WHERE key = ?', key);
		return rows[0]?.value;
	}

	async has(key: string): Promise<boolean> {
		const rows = await this.rows('SELECT 1 FROM keyv WHERE key = ?', key);
		return rows.length > 0;
	}

	async *iterator(namespace?: string) {
		const rows = await this.rows(
			'SELECT key, value FROM keyv WHERE key LIKE ? ORDER BY key',
			`${namespace ? `${namespace}:` : ''}%`,
		);
		for (const row of rows) yield [row.key, row.value];
	}

	set(): Promise<never> {
		return Promise.reject(
			new ReadOnlyStoreError('the store was opened read-only'),
		);
	}

	delete(): Promise<never> {
		return this.set();
	}

	clear(): Promise<never> {
		return this.set();
	}

	async disconnect(): Promise<void> {
		if (this.db !== null) await close(this.db);
	}
}

function openDatabase(name: string, mode: number): Promise<Database> {
	return new Promise((resolve, reject) => {
		const db: Database = new sqlite3.Database(name, mode, (error) => {
			if (error) reject(error);
			else resolve(db);
		});
	});
}

function all(
	db: Database,
	sql: string,
	...parameters: unknown[]
): Promise<Record<string, unknown>[]> {
	return new Promise((resolve, reject) => {
		db.all(sql, parameters, (error, rows) => {
			if (error) reject(error);
			else resolve(rows as Record<string, unknown>[]);
		});
	});
}

function close(db: Database): Promise<void> {
	return new Promise((resolve) => {
		db.close(() => resolve());
	});
}
