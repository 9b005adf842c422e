/**
 * The reference license server (SPEC §4): one Hono app and one service over a Keyv catalog,
 * used by `vendor serve`, by the simulator through MSW, and as a library.
 */
import {createPublicKey, randomBytes as cryptoRandomBytes} from 'node:crypto';
import type {Hono} from 'hono';
import type Keyv from 'keyv';
import {
	exportPrivateKey,
	exportPublicKey,
	generateVendorKeyPair,
	importPrivateKey,
	type VendorKeyPair,
} from '../signing/index.js';
import {createVendorApp} from './app.js';
import {Catalog} from './catalog.js';
import {
	type ActivationLimits,
	createVendorService,
	type VendorService,
} from './service.js';

export {DEFAULT_MAX_BODY_BYTES} from './app.js';
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
	ActivationLimits,
	ContactInput,
	KeyDescription,
	VendorService,
} from './service.js';
export {DEFAULT_ACTIVATION_LIMITS} from './service.js';

export type VendorOptions = {
	/** The catalog: any Keyv store (`new Keyv()` in memory, `@keyv/sqlite` for `vendor serve`). */
	store: Keyv;
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
	/** Where unexpected errors are logged. @default console.error */
	log?: (message: string, error: unknown) => void;
	/** Churn limits on activations, kept in memory. @default DEFAULT_ACTIVATION_LIMITS (10 per key, 30 per installation, per hour) */
	activationLimits?: Partial<ActivationLimits>;
};

export type Vendor = {
	app: Hono;
	/** The public key as `exportPublicKey` prints it: what clients pin. */
	publicKey: string;
	keyPair: VendorKeyPair;
	service: VendorService;
};

const KEY_PAIR_SETTING = 'key-pair';

type StoredKeyPair = {privateKey: string; publicKey: string};

export async function createVendor(options: VendorOptions): Promise<Vendor> {
	const catalog = new Catalog(options.store);
	const keyPair = options.keyPair ?? (await loadOrCreateKeyPair(catalog));
	const publicKey = exportPublicKey(keyPair.publicKey);
	const service = createVendorService({
		catalog,
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
	});
	return {app, publicKey, keyPair, service};
}

/** The vendor keeps its identity across restarts: every pinned client depends on it (R16). */
async function loadOrCreateKeyPair(catalog: Catalog): Promise<VendorKeyPair> {
	const stored = await catalog.setting<StoredKeyPair>(KEY_PAIR_SETTING);
	if (stored !== undefined) {
		const privateKey = importPrivateKey(stored.privateKey);
		return {privateKey, publicKey: createPublicKey(privateKey)};
	}
	const keyPair = generateVendorKeyPair();
	await catalog.saveSetting(KEY_PAIR_SETTING, {
		privateKey: exportPrivateKey(keyPair.privateKey),
		publicKey: exportPublicKey(keyPair.publicKey),
	} satisfies StoredKeyPair);
	return keyPair;
}
