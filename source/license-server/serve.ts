/**
 * `myq-license vendor serve`: the vendor app on a real port (SPEC §4), its catalog in a Keyv
 * store named by URL. This is the imperative shell: the only place the vendor reads the system
 * clock.
 */
import type {AddressInfo} from 'node:net';
import {serve} from '@hono/node-server';
import KeyvSqlite from '@keyv/sqlite';
import Keyv, {type KeyvStoreAdapter} from 'keyv';
import {createVendor} from './index.js';

export type ServeVendorOptions = {
	/** 0 picks any free port. */
	port: number;
	/** @default '127.0.0.1' (reachable from this machine only; say 0.0.0.0 to publish it) */
	host?: string;
	/**
	 * Where the catalog lives: `sqlite://PATH`, `memory:`, or the URL of another Keyv store
	 * (`postgresql://`, `redis://`, `mysql://`, `mongodb://`) whose `@keyv/*` package is installed.
	 * @default 'sqlite://./vendor.sqlite'
	 */
	storeUrl?: string;
	/** Admin bearer token; without one the admin routes are disabled. */
	token?: string;
	/** @default Date.now */
	now?: () => number;
	/** @default console.error */
	log?: (message: string, error: unknown) => void;
};

export type ServedVendor = {
	/** `http://HOST:PORT`, with the port actually bound. */
	url: string;
	publicKey: string;
	close(): Promise<void>;
};

export const DEFAULT_STORE_URL = 'sqlite://./vendor.sqlite';

export async function serveVendor(
	options: ServeVendorOptions,
): Promise<ServedVendor> {
	const host = options.host ?? '127.0.0.1';
	const log =
		options.log ??
		((message: string, error: unknown) => console.error(message, error));
	const store = await openStore(options.storeUrl ?? DEFAULT_STORE_URL);
	store.on('error', (error: unknown) => log('vendor: store error', error));
	let vendor: Awaited<ReturnType<typeof createVendor>>;
	try {
		vendor = await createVendor({
			store,
			now: options.now ?? (() => Date.now()),
			log,
			...(options.token === undefined ? {} : {token: options.token}),
		});
	} catch (error) {
		await store.disconnect().catch(() => undefined);
		throw error;
	}

	const server = serve({
		fetch: vendor.app.fetch,
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
		await store.disconnect().catch(() => undefined);
		const code = (error as {code?: string}).code;
		throw new Error(
			code === 'EADDRINUSE'
				? `Port ${options.port} on ${host} is already in use: stop what runs there or choose another port.`
				: `The license server could not listen on ${host}:${options.port}: ${(error as Error).message}`,
			{cause: error},
		);
	}

	const address = server.address() as AddressInfo;
	const shownHost =
		address.family === 'IPv6' ? `[${address.address}]` : address.address;
	return {
		url: `http://${shownHost}:${address.port}`,
		publicKey: vendor.publicKey,
		async close() {
			await new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				// Keep-alive connections would hold close() open until they time out.
				if ('closeAllConnections' in server) server.closeAllConnections();
			});
			await store.disconnect();
		},
	};
}

/** Keyv adapters other than SQLite are loaded only when asked for: they are optional packages. */
const ADAPTERS: Record<string, string> = {
	'postgres:': '@keyv/postgres',
	'postgresql:': '@keyv/postgres',
	'redis:': '@keyv/redis',
	'rediss:': '@keyv/redis',
	'mysql:': '@keyv/mysql',
	'mongodb:': '@keyv/mongo',
};

export async function openStore(storeUrl: string): Promise<Keyv> {
	if (storeUrl === 'memory:' || storeUrl === 'memory://') {
		return new Keyv();
	}
	if (storeUrl.startsWith('sqlite://')) {
		return new Keyv({store: new KeyvSqlite(storeUrl)});
	}
	const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(storeUrl)?.[0].toLowerCase();
	const packageName = scheme === undefined ? undefined : ADAPTERS[scheme];
	if (packageName === undefined) {
		throw new Error(
			`The store URL "${storeUrl}" is not one the license server knows: use sqlite://PATH (the default), memory:, or a postgresql://, redis://, mysql:// or mongodb:// URL.`,
		);
	}
	let adapterModule: {default: new (uri: string) => KeyvStoreAdapter};
	try {
		adapterModule = (await import(packageName)) as typeof adapterModule;
	} catch (error) {
		throw new Error(
			`The store URL "${redact(storeUrl)}" needs the package ${packageName}: install it with npm install ${packageName}.`,
			{
				cause: error,
			},
		);
	}
	return new Keyv({store: new adapterModule.default(storeUrl)});
}

/** A store URL without its password, for messages. */
function redact(storeUrl: string): string {
	return storeUrl.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}
