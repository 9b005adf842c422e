/**
 * The Store port on Keyv: SQLite by default (a file in the user's data directory), or any Keyv
 * URL (`postgresql://`, `redis://`) when its adapter package is installed (SPEC §4, §6).
 *
 * The whole engine state is ONE value under the key `state`, so a save is one atomic row write.
 * Values are stored as plain JSON text (no Keyv `{value, expires}` envelope) so that a row edited
 * by hand can be read back as the raw text it is, reported as `corrupt` and quarantined: R16 never
 * crashes on bad data and never deletes it.
 *
 * One file on purpose although long: the compare-and-set write, the quarantine and the raw-row
 * reads are one protocol over the same table and must be read (and changed) together.
 */
import type {Stats} from 'node:fs';
import {open, stat} from 'node:fs/promises';
import path from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv, {type DeserializedData, type KeyvStoreAdapter} from 'keyv';
import {shownUrl} from '../engine/safe-text.js';
import {
	revisionOf,
	type Store,
	type StoreLoad,
	storedRevision,
} from '../ports/index.js';
import {makeDirectories} from './make-directories.js';
import {hasCode, messageOf} from './node-error.js';

export type StoreErrorCode =
	| 'unreachable'
	/** The path cannot be a store file: a directory, or under a folder that cannot exist. */
	| 'bad-path'
	| 'not-a-database'
	| 'unsupported-url'
	| 'write-failed';

/** A store failure a person can act on: the message says what, where, and what to do. */
export class StoreError extends Error {
	override name = 'StoreError';
	readonly code: StoreErrorCode;
	/** The store URL, with any password masked. */
	readonly url: string;

	constructor(
		code: StoreErrorCode,
		url: string,
		message: string,
		options?: {cause?: unknown},
	) {
		super(message, options);
		this.code = code;
		this.url = url;
	}
}

export type QuarantineEntry = {name: string; value: unknown};

/**
 * The Store port on Keyv (SQLite by default), as `openStore` opens it: its URL, masked, and a
 * `close` to call when done.
 * @example
 * const store: KeyvStore = await openStore('sqlite:///tmp/myq.sqlite');
 * console.log(store.url);
 * await store.close();
 */
export type KeyvStore = Store & {
	/** The URL the store was opened with, normalised (`sqlite://<absolute path>`), password masked. */
	url: string;
	/** The Keyv instance, for other kinds of records (e.g. the vendor catalog). Values are JSON, no TTL. */
	raw: Keyv;
	/** Everything R16 set aside, oldest first. A row that is not JSON is returned as its raw text. */
	listQuarantine(): Promise<QuarantineEntry[]>;
};

export type OpenStoreOptions = {
	/**
	 * Keyv namespace: several programs can share one database under different namespaces.
	 * @default 'myq-license'
	 */
	namespace?: string;
	/**
	 * Where quarantine names take their time from. The simulator passes its clock so that
	 * quarantined copies are named after simulated time.
	 * @default Date.now
	 */
	now?: () => number;
	/**
	 * How long SQLite waits for another process holding the file (the CLI while the dashboard
	 * runs) before giving up.
	 * @default 5000
	 */
	busyTimeoutMs?: number;
	/**
	 * Opens the store for reading only (`status`): for SQLite, no file, folder or table is made
	 * and the file is opened read-only, so a store this user may not write still reads; every
	 * write fails. @default false
	 */
	readOnly?: boolean;
};

const STATE_KEY = 'state';
const QUARANTINE_PREFIX = 'quarantine:';
const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * A row's revision in SQLite's words, exactly as storedRevision says it in JavaScript: a whole
 * number from 0 to 2^53 - 1 written as an integer, 0 for JSON with anything else there, -1 for a
 * value that is not JSON text (NULL, a blob, broken text). The compare-and-set and the load both
 * read it here, so that the revision a process compares with is the one the store compares
 * (issue 10 point 4: `1.0`, `1e20` and `9007199254740993` were read one way by each side, and
 * every save spun forever). Where the two readings still differ (a key written twice, an escaped
 * key), the load calls the row corrupt rather than trusting either.
 */
const REVISION_SQL = `CASE
	WHEN typeof(value) <> 'text' OR NOT json_valid(value) THEN -1
	WHEN json_type(value, '$.revision') = 'integer'
		AND json_extract(value, '$.revision') BETWEEN 0 AND ${Number.MAX_SAFE_INTEGER}
		THEN json_extract(value, '$.revision')
	ELSE 0 END`;

/** `sqlite://<data dir>/myq-license.sqlite`, the data directory as env-paths gives it (SPEC §6). */
export async function defaultStoreUrl(): Promise<string> {
	// Loaded only when no --store is given: scripts that name their store do not pay for it.
	const {default: envPaths} = await import('env-paths');
	const {data} = envPaths('myq-license', {suffix: ''});
	return `sqlite://${path.join(data, 'myq-license.sqlite')}`;
}

/**
 * Opens (and for SQLite, creates) the store. Throws StoreError when the URL cannot be used:
 * that is the edge where the CLI shows the message and exits, before any engine work starts.
 * @example
 * const store = await openStore('sqlite:///var/lib/myq/myq-license.sqlite');
 */
export async function openStore(
	url?: string,
	options: OpenStoreOptions = {},
): Promise<KeyvStore> {
	const target = parseStoreUrl(url ?? (await defaultStoreUrl()));
	const namespace = options.namespace ?? 'myq-license';
	const now = options.now ?? Date.now;

	const keyv =
		target.kind !== 'sqlite'
			? await openRemote(target, namespace)
			: options.readOnly
				? await openSqliteReadOnly(target, namespace)
				: await openSqlite(target, namespace, options.busyTimeoutMs ?? 5000);
	return createKeyvStore(keyv, target.display, now);
}

type StoreTarget =
	| {kind: 'sqlite'; file: string; display: string}
	| {kind: 'postgres' | 'redis'; url: string; display: string};

function parseStoreUrl(input: string): StoreTarget {
	const text = input.trim();
	const scheme = /^([a-z][a-z\d+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
	if (scheme === undefined) {
		// A bare path (or `:memory:`) means SQLite: the common case for `--store`.
		return sqliteTarget(text, input);
	}
	switch (scheme) {
		case 'sqlite':
			return sqliteTarget(text.slice('sqlite://'.length), input);
		case 'postgres':
		case 'postgresql':
			return {kind: 'postgres', url: text, display: redact(text)};
		case 'redis':
		case 'rediss':
			return {kind: 'redis', url: text, display: redact(text)};
		default:
			throw new StoreError(
				'unsupported-url',
				redact(text),
				`The store URL ${redact(text)} has the scheme "${scheme}://", which is not supported. ` +
					'Use a SQLite file path (sqlite://path/to/file.sqlite), postgresql://... or redis://...',
			);
	}
}

function sqliteTarget(location: string, input: string): StoreTarget {
	if (location === '') {
		throw new StoreError(
			'unsupported-url',
			input,
			`The store URL "${input}" names no file. Give a path, e.g. sqlite://./myq-license.sqlite.`,
		);
	}
	if (location === ':memory:') {
		return {kind: 'sqlite', file: ':memory:', display: 'sqlite://:memory:'};
	}
	const file = path.resolve(location);
	return {kind: 'sqlite', file, display: `sqlite://${file}`};
}

/** Masks the password of `scheme://user:password@host` so it never lands in a message or log. */
const redact = shownUrl;

/**
 * Values are plain JSON of the value itself. A value JSON cannot represent (undefined, a
 * function) throws here, before anything is written.
 */
function serialize<Value>(data: DeserializedData<Value>): string {
	const text = JSON.stringify(data.value);
	if (text === undefined) {
		throw new TypeError(`a ${typeof data.value} cannot be stored as JSON`);
	}
	return text;
}

function deserialize<Value>(text: string): DeserializedData<Value> {
	return {value: JSON.parse(text) as Value};
}

function createKeyv(adapter: KeyvStoreAdapter, namespace: string): Keyv {
	const keyv = new Keyv({
		store: adapter,
		namespace,
		serialize,
		deserialize,
		throwOnErrors: true,
	});
	// Keyv re-emits adapter errors (an SQLite file that fails to open, a lost Redis link).
	// Keyv 5.6's emitter drops unheard errors, but Node's EventEmitter, used by adapters and by
	// other Keyv versions, throws them as uncaught exceptions: listen, always. The failing call
	// itself rejects (throwOnErrors), and that is where the error is reported.
	keyv.on('error', () => {});
	return keyv;
}

async function openSqlite(
	target: StoreTarget & {kind: 'sqlite'},
	namespace: string,
	busyTimeout: number,
): Promise<Keyv> {
	if (target.file !== ':memory:') {
		await refuseNonDatabase(target.file, target.display);
		try {
			await makeDirectories(path.dirname(target.file));
		} catch (error) {
			// A folder that cannot exist (under /proc, under a file) is the path's fault: bad input.
			// One the system will not let us make (permissions, a read-only disk) is not.
			throw new StoreError(
				hasCode(error, 'ENOENT') || hasCode(error, 'ENOTDIR')
					? 'bad-path'
					: 'unreachable',
				target.display,
				`Cannot create the directory ${path.dirname(target.file)} for the store (${messageOf(error)}). ` +
					'Check the path and its permissions, or choose another --store.',
				{cause: error},
			);
		}
	}
	const adapter = new KeyvSqlite({uri: `sqlite://${target.file}`, busyTimeout});
	const keyv = createKeyv(adapter, namespace);
	try {
		// WAL + synchronous=NORMAL: a save is one append to the log instead of a journal file
		// created, synced and deleted, which matters when a 10-year simulation saves daily.
		// The first query also proves the file opened and the table exists.
		await adapter.query('PRAGMA journal_mode=WAL');
		await adapter.query('PRAGMA synchronous=NORMAL');
	} catch (error) {
		throw sqliteOpenError(error, target);
	}
	return keyv;
}

/** See read-only-sqlite.ts: a file that does not exist reads as an empty store, and stays absent. */
async function openSqliteReadOnly(
	target: StoreTarget & {kind: 'sqlite'},
	namespace: string,
): Promise<Keyv> {
	if (target.file !== ':memory:') {
		await refuseNonDatabase(target.file, target.display);
	}
	const {ReadOnlySqlite} = await import('./read-only-sqlite.js');
	try {
		const adapter = await ReadOnlySqlite.open(target.file);
		return createKeyv(adapter as unknown as KeyvStoreAdapter, namespace);
	} catch (error) {
		throw sqliteOpenError(error, target);
	}
}

/**
 * A file that exists and is not an SQLite database is refused before SQLite touches it: no
 * write, no journal beside it (R16: never destroy data). An empty file is a new database.
 */
async function refuseNonDatabase(file: string, display: string): Promise<void> {
	let size: number;
	try {
		const info = await stat(file);
		if (info.isDirectory()) {
			throw new StoreError(
				'bad-path',
				display,
				`The store path ${file} is a directory. Give a file path, e.g. ${path.join(file, 'myq-license.sqlite')}.`,
			);
		}
		if (!info.isFile()) {
			// A named pipe or a device states no size: SQLite would wait on a pipe for a writer
			// forever, and read /dev/zero as an empty store (status said Unlicensed).
			throw new StoreError(
				'bad-path',
				display,
				`The store path ${file} is not a file (${specialFileKind(info)}). Give the path of a file, e.g. ${path.join(path.dirname(file), 'myq-license.sqlite')}.`,
			);
		}
		size = info.size;
	} catch (error) {
		if (error instanceof StoreError) throw error;
		if (hasCode(error, 'ENOENT')) return;
		throw new StoreError(
			// A folder on the way is a file: the path cannot be a store (bad input).
			hasCode(error, 'ENOTDIR') ? 'bad-path' : 'unreachable',
			display,
			`Cannot read the store file ${file} (${messageOf(error)}).`,
			{
				cause: error,
			},
		);
	}
	if (size === 0) return;

	const header = Buffer.alloc(SQLITE_HEADER.length);
	let bytesRead = 0;
	try {
		const handle = await open(file, 'r');
		try {
			({bytesRead} = await handle.read(header, 0, header.length, 0));
		} finally {
			await handle.close();
		}
	} catch (error) {
		throw new StoreError(
			'unreachable',
			display,
			`Cannot read the store file ${file} (${messageOf(error)}).`,
			{
				cause: error,
			},
		);
	}
	const start = header.subarray(0, bytesRead);
	if (start.toString('latin1') !== SQLITE_HEADER) {
		throw notADatabase(
			file,
			display,
			`it begins with ${JSON.stringify(start.toString('utf8'))}`,
		);
	}
}

/** What a path that is neither a file nor a directory is, as its error says it. */
function specialFileKind(info: Stats): string {
	if (info.isFIFO()) return 'a named pipe';
	if (info.isSocket()) return 'a socket';
	if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
	return 'not a regular file';
}

function notADatabase(
	file: string,
	display: string,
	detail: string,
	cause?: unknown,
): StoreError {
	return new StoreError(
		'not-a-database',
		display,
		`The store file ${file} is not an SQLite database (${detail}). It was left untouched. ` +
			'Point --store at another file, or move this one away if it is not needed.',
		{cause},
	);
}

function sqliteOpenError(
	error: unknown,
	target: StoreTarget & {kind: 'sqlite'},
): StoreError {
	if (hasCode(error, 'SQLITE_NOTADB') || hasCode(error, 'SQLITE_CORRUPT')) {
		return notADatabase(target.file, target.display, messageOf(error), error);
	}
	return new StoreError(
		'unreachable',
		target.display,
		`Cannot open the store ${target.display} (${messageOf(error)}). Check the path and its permissions.`,
		{cause: error},
	);
}

const REMOTE_PACKAGES = {
	postgres: '@keyv/postgres',
	redis: '@keyv/redis',
} as const;

/** Postgres and Redis adapters are optional packages: loaded only when such a URL is given. */
async function openRemote(
	target: StoreTarget & {kind: 'postgres' | 'redis'},
	namespace: string,
): Promise<Keyv> {
	const packageName = REMOTE_PACKAGES[target.kind];
	let module: {default?: unknown};
	try {
		module = (await import(packageName)) as {default?: unknown};
	} catch (error) {
		throw new StoreError(
			'unsupported-url',
			target.display,
			hasCode(error, 'ERR_MODULE_NOT_FOUND')
				? `The store URL ${target.display} needs the package ${packageName}, which is not installed. ` +
						`Install it with \`npm install ${packageName}\` beside myq-license, or use a SQLite store (a file path).`
				: `The package ${packageName}, needed for ${target.display}, failed to load (${messageOf(error)}).`,
			{cause: error},
		);
	}
	if (typeof module.default !== 'function') {
		throw new StoreError(
			'unsupported-url',
			target.display,
			`The package ${packageName} does not export a Keyv adapter class; check its version.`,
		);
	}
	const Adapter = module.default as new (options: unknown) => KeyvStoreAdapter;
	let keyv: Keyv;
	try {
		keyv = createKeyv(
			target.kind === 'postgres'
				? new Adapter({uri: target.url})
				: new Adapter(target.url),
			namespace,
		);
		// Touch the server now, so a wrong URL fails at start rather than at the first save.
		await keyv.store.get(keyv._getKeyPrefix(STATE_KEY));
	} catch (error) {
		throw new StoreError(
			'unreachable',
			target.display,
			`Cannot reach the store ${target.display} (${messageOf(error)}). Check that the server runs and the URL is right.`,
			{cause: error},
		);
	}
	return keyv;
}

function createKeyvStore(
	keyv: Keyv,
	url: string,
	now: () => number,
): KeyvStore {
	const adapter = keyv.store as KeyvStoreAdapter;
	let isClosed = false;

	const ensureOpen = () => {
		if (isClosed) {
			throw new StoreError('unreachable', url, `The store ${url} is closed.`);
		}
	};

	/** Reads a row as the adapter stores it: the exact text, never parsed by Keyv. */
	const readRaw = async (key: string): Promise<unknown> => {
		ensureOpen();
		try {
			return await adapter.get(keyv._getKeyPrefix(key));
		} catch (error) {
			throw readError(error, url);
		}
	};

	const write = async (key: string, value: unknown, what: string) => {
		ensureOpen();
		try {
			await keyv.set(key, value);
		} catch (error) {
			throw new StoreError(
				'write-failed',
				url,
				`Could not save ${what} to the store ${url} (${messageOf(error)}). Check free disk space and permissions.`,
				{cause: error},
			);
		}
	};

	return {
		url,
		raw: keyv,

		async load(): Promise<StoreLoad> {
			if (isSqlite(adapter)) {
				ensureOpen();
				return loadSqlite(adapter, keyv._getKeyPrefix(STATE_KEY), url);
			}
			const raw = await readRaw(STATE_KEY);
			if (raw === undefined || raw === null) {
				// A row whose value is NULL was edited by hand: it is not "empty", and must not be
				// overwritten silently by the next save.
				if (
					raw === null &&
					(await adapter.has?.(keyv._getKeyPrefix(STATE_KEY)))
				) {
					return {kind: 'corrupt', reason: 'the stored state is NULL', raw: ''};
				}
				return {kind: 'empty'};
			}
			return readStateText(raw);
		},

		async save(value: unknown): Promise<void> {
			await write(STATE_KEY, value, 'the license state');
		},

		async saveIfRevision(value: unknown, expected: number): Promise<boolean> {
			ensureOpen();
			const text = JSON.stringify(value);
			const key = keyv._getKeyPrefix(STATE_KEY);
			if (isSqlite(adapter)) {
				// One statement, so the check and the write are one atomic step for every process
				// that shares the file (the CLI beside the dashboard).
				try {
					const rows =
						expected === -2
							? await adapter.query(
									'INSERT INTO keyv (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING RETURNING key',
									key,
									text,
								)
							: await adapter.query(
									`UPDATE keyv SET value = ? WHERE key = ? AND (${REVISION_SQL}) = ? RETURNING key`,
									text,
									key,
									expected,
								);
					return Array.isArray(rows) && rows.length > 0;
				} catch (error) {
					throw new StoreError(
						'write-failed',
						url,
						`Could not save the license state to the store ${url} (${messageOf(error)}). Check free disk space and permissions.`,
						{cause: error},
					);
				}
			}
			// Other Keyv stores have no compare-and-set through Keyv: check, then write. Two
			// processes on one Postgres or Redis store can still race here.
			const current = await this.load();
			if (storedRevision(current) !== expected) {
				return false;
			}
			await write(STATE_KEY, value, 'the license state');
			return true;
		},

		async quarantine(label: string, value: unknown): Promise<void> {
			ensureOpen();
			// Named after the time it was set aside (R16); a counter keeps two copies of the same
			// instant apart, so nothing already quarantined is ever overwritten. '~' sorts after
			// ':' and the counter is padded, so names sort oldest first.
			const base = `${QUARANTINE_PREFIX}${new Date(now()).toISOString()}`;
			const safeLabel = label.replaceAll(/\s+/g, '-').slice(0, 100);
			let name = `${base}:${safeLabel}`;
			for (let n = 2; (await readRaw(name)) != null; n++) {
				name = `${base}~${String(n).padStart(3, '0')}:${safeLabel}`;
			}
			await write(name, value, `a quarantined copy (${label})`);
		},

		async listQuarantine(): Promise<QuarantineEntry[]> {
			ensureOpen();
			if (typeof adapter.iterator !== 'function') {
				throw new StoreError(
					'unsupported-url',
					url,
					`The store ${url} cannot list its records.`,
				);
			}
			const entries: QuarantineEntry[] = [];
			try {
				for await (const [key, raw] of adapter.iterator(keyv.namespace)) {
					const name = keyv._getKeyUnprefix(String(key));
					if (!name.startsWith(QUARANTINE_PREFIX)) continue;
					entries.push({name, value: parseOrRaw(raw)});
				}
			} catch (error) {
				throw readError(error, url);
			}
			return entries.sort((a, b) =>
				a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
			);
		},

		async close(): Promise<void> {
			if (isClosed) return;
			isClosed = true;
			try {
				await keyv.disconnect();
			} catch (error) {
				throw new StoreError(
					'write-failed',
					url,
					`Closing the store ${url} failed (${messageOf(error)}).`,
					{
						cause: error,
					},
				);
			}
		},
	};
}

/**
 * The state row and its revision as SQLite reads it, in one statement. A row whose revision
 * JavaScript reads otherwise is corrupt: no process could compare-and-set it.
 */
async function loadSqlite(
	adapter: KeyvSqlite,
	key: string,
	url: string,
): Promise<StoreLoad> {
	let rows: unknown;
	try {
		rows = await adapter.query(
			`SELECT value, (${REVISION_SQL}) AS revision FROM keyv WHERE key = ?`,
			key,
		);
	} catch (error) {
		throw readError(error, url);
	}
	const row = (rows as {value: unknown; revision: number}[])[0];
	if (row === undefined) {
		return {kind: 'empty'};
	}
	const {revision} = row;
	if (row.value === null) {
		return {
			kind: 'corrupt',
			reason: 'the stored state is NULL',
			raw: '',
			revision,
		};
	}
	const load = readStateText(row.value);
	if (load.kind === 'loaded' && revisionOf(load.value) !== revision) {
		return {
			kind: 'corrupt',
			reason: `its revision (${revisionText(row.value)}) is not a whole number the store and this program read alike, so no save could replace it`,
			raw: row.value as string,
			revision,
		};
	}
	return {...load, revision};
}

/** A row's text as a load: the value, or why it is corrupt (never a throw). */
function readStateText(raw: unknown): StoreLoad {
	if (typeof raw !== 'string') {
		return {
			kind: 'corrupt',
			reason: `the stored state is a ${typeof raw}, not JSON text`,
			raw: String(raw),
		};
	}
	try {
		return {kind: 'loaded', value: JSON.parse(raw)};
	} catch (error) {
		return {
			kind: 'corrupt',
			reason: `the stored state is not valid JSON (${messageOf(error)})`,
			raw,
		};
	}
}

/** How the row writes its revision, for the reason: `1.0`, `1e20`, or where it is written twice. */
function revisionText(raw: unknown): string {
	const written = [
		...String(raw).matchAll(/"revision"\s*:\s*([^,}\]\s]{1,40})/g),
	].map((match) => match[1]);
	return written.length === 0 ? 'written unusually' : written.join(', ');
}

function parseOrRaw(raw: unknown): unknown {
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

function readError(error: unknown, url: string): StoreError {
	if (hasCode(error, 'SQLITE_NOTADB') || hasCode(error, 'SQLITE_CORRUPT')) {
		return new StoreError(
			'not-a-database',
			url,
			`The store ${url} is damaged (${messageOf(error)}). It was left untouched; restore it from a backup or choose another --store.`,
			{cause: error},
		);
	}
	return new StoreError(
		'unreachable',
		url,
		`Could not read the store ${url} (${messageOf(error)}).`,
		{cause: error},
	);
}

function isSqlite(
	adapter: KeyvStoreAdapter,
): adapter is KeyvStoreAdapter & KeyvSqlite {
	return adapter instanceof KeyvSqlite;
}
