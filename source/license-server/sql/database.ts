/**
 * The license server's database by URL: `sqlite://PATH` (the default, one file), `memory:`
 * (SQLite in memory: the simulator and tests) or `postgres://user@host:port/db` (several
 * instances on one database). Kysely over better-sqlite3 or pg: one typed query language for
 * both engines, their differences kept to this folder.
 *
 * SQLite runs in WAL mode (readers never wait for the writer) with a busy timeout, and every
 * transaction starts with BEGIN IMMEDIATE: it takes the write lock at once, so two processes on
 * one file queue instead of failing when a read transaction turns into a write.
 */
import {mkdirSync} from 'node:fs';
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
import pg from 'pg';
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
	db: Kysely<Database>;
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
	/** The URL without its password, for messages and logs. */
	shownUrl: string;
};

/** A store URL that names no database this server can use: bad input (exit 2). */
export class StoreUrlError extends Error {
	constructor(
		readonly url: string,
		readonly reason: 'unknown-scheme' | 'no-path',
	) {
		super(
			reason === 'no-path'
				? `The store URL "${url}" names no file: use sqlite://PATH, memory:, or postgres://USER@HOST:PORT/DATABASE.`
				: `The store URL "${url}" is not one the license server knows: use sqlite://PATH (the default), memory:, or postgres://USER@HOST:PORT/DATABASE.`,
		);
		this.name = 'StoreUrlError';
	}
}

/** A database that could not be opened or prepared (unreachable, refused, not a database). */
export class StoreOpenError extends Error {
	constructor(
		readonly shownUrl: string,
		readonly reason: string,
		options?: {cause: unknown},
	) {
		super(
			`The license server cannot open its database ${shownUrl}: ${reason}`,
			options,
		);
		this.name = 'StoreOpenError';
	}
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
		return {engine: 'postgres', connectionString: trimmed};
	}
	throw new StoreUrlError(redact(url), 'unknown-scheme');
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
		// An idle connection that breaks (the database restarted) must not end the process: the
		// next query opens a new one, or answers 503.
		pool.on('error', () => undefined);
		return {
			db: new Kysely<Database>({dialect: new PostgresDialect({pool})}),
			engine: 'postgres',
			shownUrl,
			prepared: async <Row>(name: string, text: string, values: unknown[]) =>
				(await pool.query({name, text, values})).rows as Row[],
		};
	}
	const {file} = parsed;
	const config: SqliteDialectConfig = {
		database: async () => {
			if (file !== ':memory:') {
				mkdirSync(path.dirname(path.resolve(file)), {recursive: true});
			}
			const database = new BetterSqlite3(file, {timeout: busyTimeoutMs});
			if (file !== ':memory:') database.pragma('journal_mode = WAL');
			database.pragma(`busy_timeout = ${busyTimeoutMs}`);
			database.pragma('foreign_keys = ON');
			return withStatementCache(database);
		},
	};
	return {
		db: new Kysely<Database>({dialect: new ImmediateSqliteDialect(config)}),
		engine: 'sqlite',
		shownUrl,
	};
}

/** Prepared statements kept for reuse: the program has a few dozen distinct queries. */
export const STATEMENT_CACHE_SIZE = 200;

/**
 * Kysely prepares every query anew; preparing costs more than running the contact's one
 * statement. The same SQL text gets the same prepared statement, from a cache bounded to
 * {@link STATEMENT_CACHE_SIZE} (the oldest goes first).
 */
export function withStatementCache(database: BetterSqlite3.Database) {
	const statements = new Map<string, BetterSqlite3.Statement>();
	return {
		close: () => database.close(),
		/** How many statements are kept (for the test of the bound). */
		cached: () => statements.size,
		prepare(sqlText: string) {
			let statement = statements.get(sqlText);
			if (statement === undefined) {
				statement = database.prepare(sqlText);
				if (statements.size >= STATEMENT_CACHE_SIZE) {
					const oldest = statements.keys().next().value;
					if (oldest !== undefined) statements.delete(oldest);
				}
				statements.set(sqlText, statement);
			}
			return statement;
		},
	};
}

/** SQLite with BEGIN IMMEDIATE for every transaction (see the top of this file). */
class ImmediateSqliteDialect extends SqliteDialect {
	constructor(private readonly sqliteConfig: SqliteDialectConfig) {
		super(sqliteConfig);
	}

	override createDriver(): Driver {
		return new ImmediateSqliteDriver(this.sqliteConfig);
	}
}

class ImmediateSqliteDriver extends SqliteDriver {
	override async beginTransaction(
		connection: DatabaseConnection,
	): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'));
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

/** A store URL without its password, for messages. */
export function redact(url: string): string {
	return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}
