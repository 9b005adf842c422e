/**
 * The reference license server (SPEC §4): one Hono app and one service over a SQL store (a
 * SQLite file, SQLite in memory, or PostgreSQL), used by `vendor serve`, by the simulator
 * through MSW, and as a library.
 */
import {
	createPublicKey,
	randomBytes as cryptoRandomBytes,
	type KeyObject,
} from 'node:crypto';
import type {Hono} from 'hono';
import {messageOf} from '../adapters/node-error.js';
import {
	exportPrivateKey,
	exportPublicKey,
	generateVendorKeyPair,
	importPrivateKey,
	type VendorKeyPair,
} from '../signing/index.js';
import {createVendorApp, type RequestLogEntry} from './app.js';
import {
	type ActivationLimits,
	createVendorService,
	type VendorService,
} from './service.js';
import {StoreOpenError} from './sql/database.js';
import {openSqlStore} from './sql/store.js';
import type {VendorStore} from './store.js';

export {DEFAULT_MAX_BODY_BYTES, type RequestLogEntry} from './app.js';
export type {
	InstallationRecord,
	KeyRecord,
	LicenseRecord,
	LicenseSpec,
	MintSpec,
} from './catalog.js';
export {RateLimitedError, VendorError, type VendorErrorCode} from './errors.js';
export type {
	ActivateInput,
	ActivationAnswer,
	ActivationLimits,
	ContactInput,
	KeyDescription,
	VendorService,
} from './service.js';
export {DEFAULT_ACTIVATION_LIMITS} from './service.js';
export {StoreOpenError, StoreUrlError} from './sql/database.js';
export {openSqlStore} from './sql/store.js';
export type {VendorStore} from './store.js';

/**
 * How `createVendor` makes a license server: its clock, store, admin token, key pair.
 * @example
 * const options: VendorOptions = {now: () => clock.now(), token: 's3cret'};
 */
export type VendorOptions = {
	/**
	 * The store (sql/store.ts: openSqlStore). @default SQLite in memory, opened here and closed by
	 * `close()`
	 */
	store?: VendorStore;
	/** The vendor's time (the simulator drives a fake clock). */
	now: () => number;
	/** Admin bearer token; without one the admin routes answer 403 `admin-disabled`. */
	token?: string;
	/** @default the pair kept in the store, made at the first start */
	keyPair?: VendorKeyPair;
	/** @default crypto.randomBytes */
	randomBytes?: (size: number) => Uint8Array;
	/** @default 65_536 (64 KiB) */
	maxBodyBytes?: number;
	/** Where unexpected errors and an unavailable store are logged. @default console.error */
	log?: (message: string, error: unknown) => void;
	/** One call per request answered (vendor serve logs them). @default none */
	logRequest?: (entry: RequestLogEntry) => void;
	/** Churn limits on activations, counted in the store. @default DEFAULT_ACTIVATION_LIMITS (10 per key, 30 per installation, per hour) */
	activationLimits?: Partial<ActivationLimits>;
};

/**
 * A license server made by `createVendor`.
 * @example
 * const vendor: Vendor = await createVendor({now: () => Date.now()});
 * console.log(vendor.publicKey); // what MyQ servers trust (R16)
 */
export type Vendor = {
	app: Hono;
	/** The public key as `exportPublicKey` prints it: what clients pin. */
	publicKey: string;
	keyPair: VendorKeyPair;
	service: VendorService;
	/** Closes the store if createVendor opened it (the default in-memory one). */
	close(): Promise<void>;
};

/**
 * The reference license server (SPEC §4): its Hono `app` (serve it, or answer MSW with it), its
 * service, and its Ed25519 key pair.
 * @example
 * const vendor = await createVendor({now: () => Date.now(), token: 's3cret'});
 * const {key} = await vendor.service.mint({type: 'license', kind: 'perpetual', devices: 10});
 * const response = await vendor.app.fetch(new Request('http://license.test/v1/health'));
 */
export async function createVendor(options: VendorOptions): Promise<Vendor> {
	const store = options.store ?? (await openSqlStore('memory:'));
	const keyPair = options.keyPair ?? (await loadOrCreateKeyPair(store));
	const publicKey = exportPublicKey(keyPair.publicKey);
	const service = createVendorService({
		store,
		now: options.now,
		privateKey: keyPair.privateKey,
		randomBytes: options.randomBytes ?? ((size) => cryptoRandomBytes(size)),
		...(options.activationLimits === undefined
			? {}
			: {limits: options.activationLimits}),
	});
	const app = createVendorApp({
		service,
		publicKey,
		...(options.token === undefined ? {} : {token: options.token}),
		...(options.maxBodyBytes === undefined
			? {}
			: {maxBodyBytes: options.maxBodyBytes}),
		...(options.log === undefined ? {} : {log: options.log}),
		...(options.logRequest === undefined
			? {}
			: {logRequest: options.logRequest}),
		database: {engine: store.engine, ping: () => store.ping()},
	});
	return {
		app,
		publicKey,
		keyPair,
		service,
		close: async () => {
			if (options.store === undefined) await store.close();
		},
	};
}

/**
 * The vendor keeps its identity across restarts and instances: every pinned client depends on
 * it (R16). The pair in the database wins; a new one is made only for an empty database, and of
 * two instances making one at once, the database keeps one (store.keyPair). A stored pair that
 * cannot be read is never replaced (every client trusts it): the start fails and says so.
 */
async function loadOrCreateKeyPair(store: VendorStore): Promise<VendorKeyPair> {
	const stored = await store.keyPair(() => {
		const made = generateVendorKeyPair();
		return {
			privateKey: exportPrivateKey(made.privateKey),
			publicKey: exportPublicKey(made.publicKey),
		};
	});
	let privateKey: KeyObject;
	try {
		privateKey = importPrivateKey(stored.privateKey);
	} catch (error) {
		throw unreadableKeyPair(store, messageOf(error), error);
	}
	if (privateKey.asymmetricKeyType !== 'ed25519') {
		throw unreadableKeyPair(
			store,
			`an ${privateKey.asymmetricKeyType ?? 'unknown'} key, not Ed25519`,
		);
	}
	return {privateKey, publicKey: createPublicKey(privateKey)};
}

function unreadableKeyPair(
	store: VendorStore,
	reason: string,
	cause?: unknown,
): StoreOpenError {
	return new StoreOpenError(
		store.shownUrl,
		`the vendor key pair kept in it cannot be read (${reason})`,
		{cause, problem: {code: 'key-pair', reason}},
	);
}
