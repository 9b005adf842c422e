/**
 * The runtime on this server's real ports, for one command or for the dashboard: the store at
 * --store, the system clock, the license server at --server (its client loaded at first use),
 * the hardware probe, the vendor key to trust (R16: from the configuration, never the store).
 */
import process from 'node:process';
import type {HttpLicenseServer} from '../adapters/http-license-server.js';
import type {KeyvStore} from '../adapters/keyv-store.js';
import type {TrustHow} from '../adapters/trust-file.js';
import {shownUrl} from '../engine/safe-text.js';
import type {Clock, LicenseServer} from '../ports/index.js';
import type {Runtime, RuntimeOptions} from '../runtime/runtime.js';
import type {VendorTrustOffer} from '../ui/dashboard-source.js';
import {UsageError} from './exit-codes.js';

export const DEFAULT_SERVER = 'http://127.0.0.1:4070';

export type CommonFlags = {
	store?: string | undefined;
	server?: string | undefined;
	vendorKey?: string | undefined;
};

/**
 * How the vendor key came to be trusted (R16), as `status` says it: `--vendor-key`,
 * `MYQ_VENDOR_KEY`, the trust file (given by the admin, or trusted on first use of a server),
 * or none at all. `file` is where the trust file is, or would be.
 */
export type VendorKeyTrust =
	| {source: 'none'; key: null; file: string}
	| {source: 'flag' | 'env'; key: string; file: string}
	| {
			source: 'trust-file';
			key: string;
			file: string;
			how: TrustHow;
			server: string | null;
			trustedAt: string;
	  };

/**
 * R16: the vendor key from the configuration, first found of `--vendor-key`, `MYQ_VENDOR_KEY`,
 * the trust file. A key that is not one, or a trust file that cannot be used, is bad input.
 */
export async function resolveVendorKey(
	flag: string | undefined,
	env: Record<string, string | undefined> = process.env,
): Promise<VendorKeyTrust> {
	const {readTrustFile, trustFilePath, TrustFileError} = await import(
		'../adapters/trust-file.js'
	);
	const file = await trustFilePath(env);
	const given =
		flag !== undefined
			? {source: 'flag' as const, text: flag, name: '--vendor-key'}
			: env.MYQ_VENDOR_KEY !== undefined && env.MYQ_VENDOR_KEY.trim() !== ''
				? {
						source: 'env' as const,
						text: env.MYQ_VENDOR_KEY,
						name: 'MYQ_VENDOR_KEY',
					}
				: null;
	if (given !== null) {
		const {importPublicKey, exportPublicKey} = await import(
			'../signing/index.js'
		);
		try {
			const key = exportPublicKey(importPublicKey(given.text));
			return {source: given.source, key, file};
		} catch (error) {
			throw new UsageError(`${given.name}: ${(error as Error).message}`);
		}
	}
	try {
		const entry = await readTrustFile(file);
		if (entry === null) return {source: 'none', key: null, file};
		return {
			source: 'trust-file',
			key: entry.vendorKey,
			file,
			how: entry.how,
			server: entry.server,
			trustedAt: entry.trustedAt,
		};
	} catch (error) {
		if (error instanceof TrustFileError) throw new UsageError(error.message);
		throw error;
	}
}

/**
 * Opens the runtime on the real ports for one command beside the MyQ server: no schedule, no
 * contact at start (the command decides whether to talk to the server), no "server started".
 * `readOnly`: the store is opened read-only and nothing is written (status).
 */
export async function withRuntime<T>(
	flags: CommonFlags,
	use: (runtime: Runtime, trust: VendorKeyTrust) => Promise<T>,
	options: {readOnly?: boolean} = {},
): Promise<T> {
	const {runtime, store, trust} = await composeRuntime(
		flags,
		{
			schedule: false,
			contactOnStart: false,
			isServer: false,
			readOnly: options.readOnly === true,
		},
		{readOnly: options.readOnly === true},
	);
	try {
		await runtime.start();
		return await use(runtime, trust);
	} finally {
		await runtime.stop();
		await store.close();
	}
}

/**
 * The runtime on this server's real ports: the store at --store, the system clock, the license
 * server at --server (its client loaded at first use), the hardware probe. Bad flags and a store
 * that cannot be used are UsageErrors (exit 2); the caller starts the runtime and closes the store.
 */
export async function composeRuntime(
	flags: CommonFlags,
	options: Pick<
		RuntimeOptions,
		'schedule' | 'contactOnStart' | 'watchInterval' | 'isServer' | 'readOnly'
	> = {},
	storeOptions: {readOnly?: boolean} = {},
): Promise<{
	runtime: Runtime;
	store: KeyvStore;
	clock: Clock;
	trust: VendorKeyTrust;
	server: LicenseServer & Pick<HttpLicenseServer, 'fetchPublicKey'>;
	/** Trusting the key the server presents, when the admin chooses to (the dashboard's offer). */
	vendorTrust: VendorTrustOffer;
}> {
	const [{createSystemClock}, {createSystemProbe}, {createRuntime}] =
		await Promise.all([
			import('../adapters/system-clock.js'),
			import('../adapters/hardware-probe.js'),
			import('../runtime/runtime.js'),
		]);
	const url = serverUrl(flags.server);
	const trust = await resolveVendorKey(flags.vendorKey);
	const store = await openConfiguredStore(flags.store, storeOptions);
	const clock = createSystemClock();
	const holder: {runtime?: Runtime} = {};
	const hardware = createSystemProbe({
		installIdFallback: async () => holder.runtime?.installationId ?? '',
	});
	const server = lazyLicenseServer(url, clock, () => runtime.vendorPublicKey);
	const runtime = createRuntime({
		clock,
		server,
		hardware,
		store,
		vendorKey: trust.key,
		...options,
	});
	holder.runtime = runtime;
	const vendorTrust: VendorTrustOffer = {
		presented: () => server.fetchPublicKey(),
		async trust(key) {
			const {writeTrustFile} = await import('../adapters/trust-file.js');
			await writeTrustFile(trust.file, {
				vendorKey: key,
				how: 'first-use',
				server: url,
				trustedAt: new Date(clock.now()).toISOString(),
			});
			await runtime.trustVendorKey(key);
			return {file: trust.file};
		},
	};
	return {runtime, store, clock, trust, server, vendorTrust};
}

/**
 * The store at --store (default: the SQLite file in the data directory). A URL that cannot be
 * used is bad input (exit 2); a store that cannot be reached or written is a failure (exit 1).
 */
export async function openConfiguredStore(
	url: string | undefined,
	options: {readOnly?: boolean} = {},
): Promise<KeyvStore> {
	const {openStore, StoreError} = await import('../adapters/keyv-store.js');
	try {
		return await openStore(url, {readOnly: options.readOnly === true});
	} catch (error) {
		if (error instanceof StoreError) {
			throw error.code === 'unreachable' || error.code === 'write-failed'
				? new Error(error.message)
				: new UsageError(error.message);
		}
		throw error;
	}
}

/**
 * The HTTP client, loaded at its first use: `status` never talks to the server and should not
 * pay for loading the client (and its schema library) at every start. It checks answers with
 * the key the runtime trusts, read at each call: the admin may choose one meanwhile (R16).
 */
export function lazyLicenseServer(
	baseUrl: string,
	clock: Clock,
	vendorKey: () => string | null,
): LicenseServer & Pick<HttpLicenseServer, 'fetchPublicKey'> {
	let cached: {key: string | null; server: Promise<HttpLicenseServer>} | null =
		null;
	const load = (): Promise<HttpLicenseServer> => {
		const key = vendorKey();
		if (cached === null || cached.key !== key) {
			cached = {
				key,
				server: Promise.all([
					import('../adapters/http-license-server.js'),
					import('../signing/index.js'),
				]).then(([{createHttpLicenseServer}, {importPublicKey}]) =>
					createHttpLicenseServer({
						baseUrl,
						clock,
						publicKey: key === null ? null : importPublicKey(key),
					}),
				),
			};
		}
		return cached.server;
	};
	return {
		activate: async (request) => (await load()).activate(request),
		contact: async (request) => (await load()).contact(request),
		fetchPublicKey: async () => (await load()).fetchPublicKey(),
	};
}

export function serverUrl(flag: string | undefined): string {
	const url = flag ?? process.env.MYQ_LICENSE_SERVER ?? DEFAULT_SERVER;
	let parsed: URL;
	try {
		parsed = new URL(url);
		if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
			throw new Error('not http');
		}
	} catch {
		throw new UsageError(
			`--server "${shownUrl(url)}" is not an http(s) URL, like ${DEFAULT_SERVER}.`,
		);
	}
	// fetch refuses a URL with credentials (and its error quotes them): a license server takes
	// none, so say it here, the password masked (issue 10 point 13).
	if (parsed.username !== '' || parsed.password !== '') {
		throw new UsageError(
			`--server "${shownUrl(url)}" holds a user name or password: a license server URL takes none. Give it as ${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}.`,
		);
	}
	return url.replace(/\/+$/, '');
}
