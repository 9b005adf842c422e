/**
 * `myq-license vendor serve`: the vendor app on a real port (SPEC §4), its store a SQL database
 * named by URL (a SQLite file by default, PostgreSQL for several instances). This is the
 * imperative shell: the only place the vendor reads the system clock, and where requests are
 * logged and the server stops cleanly (issue 11, point 7).
 */
import type {AddressInfo} from 'node:net';
import {serve} from '@hono/node-server';
import {messageOf} from '../adapters/node-error.js';
import {visible} from '../engine/safe-text.js';
import type {RequestLogEntry} from './app.js';
import {createVendor} from './index.js';
import {openSqlStore} from './sql/store.js';

export type LogFormat = 'text' | 'json';

export type ServeVendorOptions = {
	/** 0 picks any free port. */
	port: number;
	/** @default '127.0.0.1' (reachable from this machine only; say 0.0.0.0 to publish it) */
	host?: string;
	/**
	 * The database: `sqlite://PATH`, `memory:`, or `postgres://USER@HOST:PORT/DATABASE`.
	 * @default DEFAULT_STORE_URL
	 */
	storeUrl?: string;
	/** Admin bearer token; without one the admin routes are disabled. */
	token?: string;
	/** @default Date.now */
	now?: () => number;
	/** Where log lines go, one line each (requests, errors). @default stdout */
	write?: (line: string) => void;
	/** @default 'text' */
	logFormat?: LogFormat;
	/** How long `close()` lets requests in flight finish before cutting them. @default 10_000 */
	graceMs?: number;
};

export type ServedVendor = {
	/** `http://HOST:PORT`, with the port actually bound. */
	url: string;
	publicKey: string;
	/** Stops taking requests, lets those in flight finish, then closes the database. */
	close(): Promise<void>;
};

export const DEFAULT_STORE_URL = 'sqlite://./vendor.sqlite';

/** The server could not listen where it was told: `code` is Node's (EADDRINUSE, ENOTFOUND...). */
export class ListenError extends Error {
	constructor(
		readonly host: string,
		readonly port: number,
		readonly code: string | undefined,
		/** Node's words for it. */
		readonly reason: string,
		options?: {cause: unknown},
	) {
		super(
			code === 'EADDRINUSE'
				? `Port ${port} on ${host} is already in use: stop what runs there or choose another port.`
				: `The license server could not listen on ${host}:${port}: ${reason}`,
			options,
		);
		this.name = 'ListenError';
	}

	/** A host that names no address of this machine is bad input; a port in use is not. */
	get isBadInput(): boolean {
		return /^(ENOTFOUND|EAI_NONAME|EAI_FAIL|EADDRNOTAVAIL|EINVAL)$/.test(
			this.code ?? '',
		);
	}
}

/**
 * Log lines: `TIME METHOD ROUTE STATUS MSms` as text, or one JSON object a line for a
 * collector. An error's message is logged, never its stack (one event, one line). The path of a
 * request no route answered and an error's words come from outside: in text, their control
 * characters are written as code points (`U+000A`), so a request cannot write a line of its own
 * nor send escapes to the terminal that shows the log (JSON escapes them itself).
 */
export function createServerLog(
	format: LogFormat,
	write: (line: string) => void,
	now: () => number = Date.now,
) {
	const time = () => new Date(now()).toISOString();
	return {
		request(entry: RequestLogEntry) {
			write(
				format === 'json'
					? JSON.stringify({time: time(), level: 'info', ...entry})
					: `${time()} ${entry.method} ${visible(entry.route)} ${entry.status} ${entry.ms}ms`,
			);
		},
		error(message: string, error: unknown) {
			const reason = describe(error);
			write(
				format === 'json'
					? JSON.stringify({
							time: time(),
							level: 'error',
							message,
							error: reason,
						})
					: `${time()} ERROR ${visible(`${message}: ${reason}`)}`,
			);
		},
	};
}

export async function serveVendor(
	options: ServeVendorOptions,
): Promise<ServedVendor> {
	const host = options.host ?? '127.0.0.1';
	const write = options.write ?? batchedStdout();
	const log = createServerLog(options.logFormat ?? 'text', write);
	const store = await openSqlStore(options.storeUrl ?? DEFAULT_STORE_URL);
	let vendor: Awaited<ReturnType<typeof createVendor>>;
	try {
		vendor = await createVendor({
			store,
			now: options.now ?? (() => Date.now()),
			log: log.error,
			logRequest: log.request,
			...(options.token === undefined ? {} : {token: options.token}),
		});
	} catch (error) {
		await store.close().catch(() => undefined);
		throw error;
	}

	// Requests being answered: close() waits for them before it closes the database.
	let inFlight = 0;
	const server = serve({
		fetch: async (request: Request) => {
			inFlight += 1;
			try {
				return await vendor.app.fetch(request);
			} finally {
				inFlight -= 1;
			}
		},
		port: options.port,
		hostname: host,
		// Replacing the global Request/Response would change them for everything else in this
		// process (MSW, the runtime's fetch); the speed it buys does not matter here.
		overrideGlobalObjects: false,
	});
	try {
		await new Promise<void>((resolve, reject) => {
			server.once('listening', resolve);
			server.once('error', reject);
		});
	} catch (error) {
		await store.close().catch(() => undefined);
		throw new ListenError(
			host,
			options.port,
			(error as {code?: string}).code,
			messageOf(error),
			{cause: error},
		);
	}

	const address = server.address() as AddressInfo;
	const shownHost =
		address.family === 'IPv6' ? `[${address.address}]` : address.address;
	const graceMs = options.graceMs ?? 10_000;
	return {
		url: `http://${shownHost}:${address.port}`,
		publicKey: vendor.publicKey,
		async close() {
			await drain(server, () => inFlight, graceMs);
			await store.close();
		},
	};
}

type ClosableServer = ReturnType<typeof serve> & {
	closeIdleConnections?: () => void;
	closeAllConnections?: () => void;
};

/**
 * Stops accepting connections, answers what is in flight, then closes every connection (a
 * keep-alive one would otherwise hold the server open until it times out).
 */
async function drain(
	server: ClosableServer,
	inFlight: () => number,
	graceMs: number,
): Promise<void> {
	const closed = new Promise<void>((resolve) => {
		server.close(() => resolve());
	});
	const deadline = Date.now() + graceMs;
	while (inFlight() > 0 && Date.now() < deadline) {
		server.closeIdleConnections?.();
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	server.closeAllConnections?.();
	await closed;
}

/**
 * Log lines to stdout, written together once per turn of the event loop: one write for all the
 * requests answered in that turn instead of one each (a write per line cost as much as the
 * contact itself under load). Still one line per request, in order.
 */
function batchedStdout(): (line: string) => void {
	let pending: string[] = [];
	const flush = () => {
		const lines = pending;
		pending = [];
		process.stdout.write(`${lines.join('\n')}\n`);
	};
	process.once('exit', () => {
		if (pending.length > 0) flush();
	});
	return (line) => {
		if (pending.length === 0) setImmediate(flush);
		pending.push(line);
	};
}

function describe(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const code = (error as {code?: unknown}).code;
	return typeof code === 'string' && !error.message.includes(code)
		? `${error.message} (${code})`
		: error.message;
}
