/**
 * The license server's database by URL: `sqlite://PATH` (the default, one file), `memory:`
 * (SQLite in memory: the simulator and tests) or `postgres://user@host:port/db` (several
 * instances on one database). Kysely over better-sqlite3 or pg: one typed query language for
 * both engines, their differences kept to this folder.
 *
 * SQLite runs in WAL mode (readers never wait for the writer) with a busy timeout, and every
 * transaction starts with BEGIN IMMEDIATE: it takes the write lock at once, so two processes on
 * one file queue instead of failing when a read transaction turns into a write. A file has two
 * connections: reads outside transactions (the contact's) go to one of their own, so they never
 * queue behind a write waiting for another process's lock; and the writer waits for that lock
 * between turns of the event loop (better-sqlite3's own busy wait blocks the whole process).
 */
import {mkdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
	CompiledQuery,
	type DatabaseConnection,
	type Driver,
	Kysely,
	PostgresDialect,
	SqliteDialect,
	type SqliteDialectConfig,
	SqliteDriver,
} from 'kysely';
import type Pg from 'pg';
import {messageOf} from '../../adapters/node-error.js';
import {shownUrl} from '../../engine/safe-text.js';
import type {StoreEngine} from '../store.js';
import type {Database} from './schema.js';

/** How long a SQLite writer waits for another process's transaction before giving up (503). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;
/** How long a PostgreSQL connection may take to open before the database counts as unreachable. */
export const POSTGRES_CONNECT_TIMEOUT_MS = 5000;
/** How long one PostgreSQL statement may run, lock waits included. */
export const STATEMENT_TIMEOUT_MS = 10_000;
/** How long PostgreSQL keeps a connection that idles inside a transaction. */
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;
/** Connections one instance keeps to PostgreSQL. */
export const POSTGRES_POOL_SIZE = 10;

export type OpenedDatabase = {
	/** Transactions and writes. */
	db: Kysely<Database>;
	/** Reads outside a transaction: a connection of its own on a SQLite file, else `db`. */
	reader: Kysely<Database>;
	engine: StoreEngine;
	/**
	 * PostgreSQL only: runs `text` as a named prepared statement (parsed and planned once per
	 * connection, then only bound and run), for the contact's one statement.
	 */
	prepared?: <Row>(
		name: string,
		text: string,
		values: unknown[],
	) => Promise<Row[]>;
	/**
	 * SQLite only: the contact's statements run on the connection at once, without Kysely's
	 * building, queue and promises around them (issue 16: they cost as much as the statement).
	 */
	direct?: {reader: DirectSqlite; writer: DirectSqlite};
	/** The URL without its password, for messages and logs. */
	shownUrl: string;
};

/**
 * One SQLite connection's prepared statements, run at once. Each answers undefined (or false)
 * when it cannot run the statement now: the connection is not open yet, or a transaction holds
 * it (Kysely's, across awaits); the caller then goes through Kysely, which waits its turn. A
 * statement run while no transaction is open is atomic by itself.
 */
export type DirectSqlite = {
	all<Row>(sqlText: string, values: readonly unknown[]): Row[] | undefined;
	/** A read's rows as SQLite gives them (arrays, in `names` order), for the caller to map. */
	arrays(sqlText: string, values: readonly unknown[]): RawRows | undefined;
	run(sqlText: string, values: readonly unknown[]): boolean;
};

function directSqlite(
	connection: () => StatementCache | undefined,
): DirectSqlite {
	const free = () => {
		const cache = connection();
		return cache === undefined || cache.inTransaction() ? undefined : cache;
	};
	return {
		all<Row>(sqlText: string, values: readonly unknown[]) {
			return free()?.rows<Row>(sqlText, values);
		},
		arrays(sqlText: string, values: readonly unknown[]) {
			return free()?.arrays(sqlText, values);
		},
		run(sqlText: string, values: readonly unknown[]) {
			const cache = free();
			if (cache === undefined) return false;
			cache.prepare(sqlText).run(...values);
			return true;
		},
	};
}

/** A store URL that names no database this server can use: bad input (exit 2). */
export class StoreUrlError extends Error {
	constructor(
		/** The URL as it may be shown: its password masked. */
		readonly url: string,
		readonly reason: 'unknown-scheme' | 'no-path' | 'malformed',
	) {
		super(
			reason === 'no-path'
				? `The store URL "${url}" names no file: use sqlite://PATH, memory:, or postgres://USER@HOST:PORT/DATABASE.`
				: reason === 'malformed'
					? `The store URL "${url}" cannot be read as a URL: write a / @ : or # in the user name or password as %2F %40 %3A %23.`
					: `The store URL "${url}" is not one the license server knows: use sqlite://PATH (the default), memory:, or postgres://USER@HOST:PORT/DATABASE.`,
		);
		this.name = 'StoreUrlError';
	}
}

/**
 * Why a database that answers cannot be used, when it is a case this program knows: said to the
 * admin in their language, with what to do (a database down or refused says its own reason).
 */
export type StoreProblem =
	| {code: 'schema-too-new'; found: number; known: number}
	| {code: 'catalog-record'; record: string; reason: string}
	| {code: 'key-pair'; reason: string};

/** A database that could not be opened or prepared (unreachable, refused, not a database). */
export class StoreOpenError extends Error {
	constructor(
		readonly shownUrl: string,
		readonly reason: string,
		options?: {cause: unknown; problem?: StoreProblem | undefined},
	) {
		super(
			`The license server cannot open its database ${shownUrl}: ${reason}`,
			options,
		);
		this.name = 'StoreOpenError';
		this.problem = options?.problem;
	}

	readonly problem: StoreProblem | undefined;
}

export type ParsedStoreUrl =
	| {engine: 'sqlite'; file: string | ':memory:'}
	| {engine: 'postgres'; connectionString: string};

export function parseStoreUrl(url: string): ParsedStoreUrl {
	const trimmed = url.trim();
	if (
		trimmed === 'memory:' ||
		trimmed === 'memory://' ||
		trimmed === 'sqlite::memory:' ||
		trimmed === 'sqlite://:memory:'
	) {
		return {engine: 'sqlite', file: ':memory:'};
	}
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
	if (scheme === 'sqlite') {
		const file = trimmed.replace(/^sqlite:(\/\/)?/i, '');
		if (file === '') throw new StoreUrlError(redact(url), 'no-path');
		return {engine: 'sqlite', file};
	}
	if (scheme === 'postgres' || scheme === 'postgresql') {
		// pg reads it as a WHATWG URL; one it cannot read would fail at the first query.
		if (!URL.canParse(trimmed)) {
			throw new StoreUrlError(redact(url), 'malformed');
		}
		return {engine: 'postgres', connectionString: trimmed};
	}
	throw new StoreUrlError(redact(url), 'unknown-scheme');
}

/**
 * pg, loaded when a PostgreSQL URL is opened: the SQLite paths (the demo and the simulator, whose
 * license server runs on SQLite, and vendor serve's default) do not load its 150 kB at every
 * start (issue 16). Through require, which the bundle leaves to Node: pg then comes from
 * node_modules with its optional native parts, as it would without a bundle.
 */
function loadPg(): typeof Pg {
	return createRequire(import.meta.url)('pg') as typeof Pg;
}

/** Opens the database (no query yet: migrations are the first, see migrations.ts). */
export function openDatabase(
	url: string,
	options: {sqliteBusyTimeoutMs?: number} = {},
): OpenedDatabase {
	const busyTimeoutMs = options.sqliteBusyTimeoutMs ?? SQLITE_BUSY_TIMEOUT_MS;
	const parsed = parseStoreUrl(url);
	const shownUrl = redact(url);
	if (parsed.engine === 'postgres') {
		const pg = loadPg();
		const pool = new pg.Pool({
			connectionString: parsed.connectionString,
			max: POSTGRES_POOL_SIZE,
			connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
			// Never a request without end: a statement (a lock wait included) gives up after
			// STATEMENT_TIMEOUT_MS (503), and a connection left inside a transaction by a client
			// that hangs is closed by the server, its locks released.
			statement_timeout: STATEMENT_TIMEOUT_MS,
			idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
			// BIGINT (epoch ms, counts) as numbers: they stay far below 2^53.
			types: {
				getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
					oid === pg.types.builtins.INT8
						? Number
						: pg.types.getTypeParser(
								oid,
								format,
							)) as typeof pg.types.getTypeParser,
			},
		});
		// A connection that breaks (the database restarted) must not end the process: the pool
		// reports an idle one, and a connection in use (a transaction waiting for a lock) reports
		// on itself, where an error event without a listener ends the process. Its query fails
		// (503), the pool drops it, and the next query opens a new one.
		pool.on('error', () => undefined);
		pool.on('connect', (client) => {
			client.on('error', () => undefined);
		});
		const db = new Kysely<Database>({dialect: new PostgresDialect({pool})});
		return {
			db,
			reader: db,
			engine: 'postgres',
			shownUrl,
			prepared: async <Row>(name: string, text: string, values: unknown[]) =>
				(await pool.query({name, text, values})).rows as Row[],
		};
	}
	const {file} = parsed;
	const opened: Partial<Record<'writer' | 'reader', StatementCache>> = {};
	const connect = (role: 'writer' | 'reader'): SqliteDialectConfig => ({
		database: async () => {
			if (file !== ':memory:') {
				mkdirSync(path.dirname(path.resolve(file)), {recursive: true});
			}
			const database = new BetterSqlite3(file, {timeout: busyTimeoutMs});
			if (file !== ':memory:') database.pragma('journal_mode = WAL');
			database.pragma('foreign_keys = ON');
			// The writer waits for the write lock itself, between turns of the event loop
			// (ImmediateSqliteDriver); only a WAL reader, which waits for nothing but a recovery,
			// keeps SQLite's own wait.
			database.pragma(
				`busy_timeout = ${role === 'writer' ? 0 : busyTimeoutMs}`,
			);
			const cache = withStatementCache(database);
			opened[role] = cache;
			return cache;
		},
	});
	const db = new Kysely<Database>({
		dialect: new ImmediateSqliteDialect(connect('writer'), busyTimeoutMs),
	});
	const writer = directSqlite(() => opened.writer);
	return {
		db,
		// In memory, the one connection is the whole database.
		reader:
			file === ':memory:'
				? db
				: new Kysely<Database>({dialect: new SqliteDialect(connect('reader'))}),
		engine: 'sqlite',
		direct: {
			writer,
			reader: file === ':memory:' ? writer : directSqlite(() => opened.reader),
		},
		shownUrl,
	};
}

/** Prepared statements kept for reuse: the program has a few dozen distinct queries. */
export type StatementCache = {
	close(): void;
	/** Whether the connection is inside a transaction (better-sqlite3's own flag). */
	inTransaction(): boolean;
	/** How many statements are kept (for the test of the bound). */
	cached(): number;
	prepare(sqlText: string): BetterSqlite3.Statement;
	/**
	 * A read's rows, made here from the statement's raw arrays: better-sqlite3 builds each row
	 * object through V8's API, which took as long as the query for the contact's twenty columns.
	 */
	rows<Row>(sqlText: string, values: readonly unknown[]): Row[];
	/** The raw arrays themselves, with the column names (the same array at every run). */
	arrays(sqlText: string, values: readonly unknown[]): RawRows;
};

/** Rows as arrays of cells, and the columns' names in the same order. */
export type RawRows = {names: readonly string[]; rows: unknown[][]};

/** How many prepared statements are kept at most. */
export const STATEMENT_CACHE_SIZE = 200;

/**
 * Kysely prepares every query anew; preparing costs more than running the contact's one
 * statement. The same SQL text gets the same prepared statement, from a cache bounded to
 * {@link STATEMENT_CACHE_SIZE} (the oldest goes first).
 */
export function withStatementCache(
	database: BetterSqlite3.Database,
): StatementCache {
	const statements = new Map<string, BetterSqlite3.Statement>();
	/** The same statements in raw mode (rows as arrays), with their column names: see rows(). */
	const raw = new Map<
		string,
		{statement: BetterSqlite3.Statement; names: string[]}
	>();
	const keep = <T>(map: Map<string, T>, sqlText: string, value: T) => {
		if (map.size >= STATEMENT_CACHE_SIZE) {
			const oldest = map.keys().next().value;
			if (oldest !== undefined) map.delete(oldest);
		}
		map.set(sqlText, value);
		return value;
	};
	const readArrays = (sqlText: string, values: readonly unknown[]): RawRows => {
		let kept = raw.get(sqlText);
		if (kept === undefined) {
			const statement = database.prepare(sqlText).raw(true);
			const names = statement.columns().map((column) => column.name);
			kept = keep(raw, sqlText, {statement, names});
		}
		return {
			names: kept.names,
			rows: kept.statement.all(...values) as unknown[][],
		};
	};
	return {
		close: () => database.close(),
		inTransaction: () => database.inTransaction,
		/** How many statements are kept (for the test of the bound). */
		cached: () => statements.size + raw.size,
		prepare(sqlText: string) {
			return (
				statements.get(sqlText) ??
				keep(statements, sqlText, database.prepare(sqlText))
			);
		},
		arrays: readArrays,
		rows<Row>(sqlText: string, values: readonly unknown[]): Row[] {
			const {names, rows: arrays} = readArrays(sqlText, values);
			const rows: Row[] = [];
			for (const cells of arrays) {
				const row: Record<string, unknown> = {};
				for (let index = 0; index < names.length; index++) {
					row[names[index] as string] = cells[index];
				}
				rows.push(row as Row);
			}
			return rows;
		},
	};
}

/** SQLite with BEGIN IMMEDIATE for every transaction (see the top of this file). */
class ImmediateSqliteDialect extends SqliteDialect {
	constructor(
		private readonly sqliteConfig: SqliteDialectConfig,
		private readonly busyTimeoutMs: number,
	) {
		super(sqliteConfig);
	}

	override createDriver(): Driver {
		return new ImmediateSqliteDriver(this.sqliteConfig, this.busyTimeoutMs);
	}
}

class ImmediateSqliteDriver extends SqliteDriver {
	constructor(
		config: SqliteDialectConfig,
		private readonly busyTimeoutMs: number,
	) {
		super(config);
	}

	/**
	 * Takes the write lock, waiting for another process that holds it up to the busy timeout:
	 * tried again after short pauses, so the process answers other requests meanwhile.
	 */
	override async beginTransaction(
		connection: DatabaseConnection,
	): Promise<void> {
		const deadline = Date.now() + this.busyTimeoutMs;
		for (let pause = 1; ; pause = Math.min(2 * pause, 50)) {
			try {
				await connection.executeQuery(CompiledQuery.raw('begin immediate'));
				return;
			} catch (error) {
				const code = (error as {code?: unknown} | null)?.code;
				const isBusy =
					typeof code === 'string' && code.startsWith('SQLITE_BUSY');
				if (!isBusy || Date.now() >= deadline) throw error;
				await new Promise((resolve) => setTimeout(resolve, pause));
			}
		}
	}

	/**
	 * On a full disk or an I/O error SQLite rolls the transaction back itself; the rollback that
	 * follows would fail ("no transaction is active") and its error would replace the one that
	 * says what happened (SQLITE_FULL: 503 store-unavailable, not 500).
	 */
	override async rollbackTransaction(
		connection: DatabaseConnection,
	): Promise<void> {
		try {
			await super.rollbackTransaction(connection);
		} catch (error) {
			if (!/no transaction is active/.test(messageOf(error))) throw error;
		}
	}
}

/**
 * Whether an error is the database failing (unreachable, locked, out of space, broken file)
 * rather than a query this program got wrong: the former answers 503 `store-unavailable`.
 */
export function isStoreFailure(error: unknown): boolean {
	const code = (error as {code?: unknown} | null)?.code;
	if (typeof code !== 'string') {
		// pg reports a lost or refused connection as a plain Error with one of these messages.
		const message = error instanceof Error ? error.message : '';
		return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED|Cannot use a pool after calling end/i.test(
			message,
		);
	}
	// Node's own socket errors (pg, before any PostgreSQL answer).
	if (
		/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE)$/.test(
			code,
		)
	) {
		return true;
	}
	// better-sqlite3: busy or locked past the timeout, I/O, a full disk, a file that cannot be
	// opened or is not a database, read-only.
	if (
		/^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|NOTADB|CORRUPT|READONLY|PROTOCOL|NOMEM|PERM|AUTH)/.test(
			code,
		)
	) {
		return true;
	}
	// PostgreSQL SQLSTATE classes: 08 connection, 53 insufficient resources, 57 operator
	// intervention (shutdown, query canceled by a timeout), 58 system error, 28 authorization,
	// 3D no such database; and 40001/40P01 (serialization, deadlock) that a retry would pass.
	return (
		/^(08|53|57|58|28|3D)/.test(code) || code === '40001' || code === '40P01'
	);
}

/** A store URL without its password, for messages (the one masking, engine/safe-text.ts). */
export const redact = shownUrl;
