/**
 * The runtime on this server's real ports, for one command or for the dashboard: the store at
 * --store, the system clock, the license server at --server (its client loaded at first use),
 * the hardware probe, the vendor key to trust (R16).
 */
import process from 'node:process';
import type {KeyvStore} from '../adapters/keyv-store.js';
import {shownUrl} from '../engine/safe-text.js';
import type {Clock, LicenseServer} from '../ports/index.js';
import type {Runtime, RuntimeOptions} from '../runtime/runtime.js';
import {UsageError} from './exit-codes.js';

export const DEFAULT_SERVER = 'http://127.0.0.1:4070';

export type CommonFlags = {
	store?: string | undefined;
	server?: string | undefined;
	vendorKey?: string | undefined;
};

/**
 * Opens the runtime on the real ports for one command: no schedule, no contact at start (the
 * command decides whether to talk to the server).
 */
export async function withRuntime<T>(
	flags: CommonFlags,
	use: (runtime: Runtime) => Promise<T>,
): Promise<T> {
	const {runtime, store} = await composeRuntime(flags, {
		schedule: false,
		contactOnStart: false,
	});
	try {
		await runtime.start();
		return await use(runtime);
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
		'schedule' | 'contactOnStart' | 'watchInterval'
	> = {},
): Promise<{runtime: Runtime; store: KeyvStore; clock: Clock}> {
	const [
		{openStore, StoreError},
		{createSystemClock},
		{createSystemProbe},
		{createRuntime},
	] = await Promise.all([
		import('../adapters/keyv-store.js'),
		import('../adapters/system-clock.js'),
		import('../adapters/hardware-probe.js'),
		import('../runtime/runtime.js'),
	]);
	const url = serverUrl(flags.server);
	const vendorKey = flags.vendorKey ?? process.env.MYQ_VENDOR_KEY ?? null;
	if (vendorKey !== null) {
		const {importPublicKey} = await import('../signing/index.js');
		try {
			importPublicKey(vendorKey);
		} catch (error) {
			throw new UsageError(`--vendor-key: ${(error as Error).message}`);
		}
	}
	let store: KeyvStore;
	try {
		store = await openStore(flags.store);
	} catch (error) {
		if (error instanceof StoreError) {
			throw error.code === 'unreachable' || error.code === 'write-failed'
				? new Error(error.message)
				: new UsageError(error.message);
		}
		throw error;
	}
	const clock = createSystemClock();
	const holder: {runtime?: Runtime} = {};
	const hardware = createSystemProbe({
		installIdFallback: async () => holder.runtime?.installationId ?? '',
	});
	const runtime = createRuntime({
		clock,
		server: lazyLicenseServer(url, clock),
		hardware,
		store,
		vendorKey,
		...options,
	});
	holder.runtime = runtime;
	return {runtime, store, clock};
}

/**
 * The HTTP client, loaded at its first use: `status` never talks to the server and should not
 * pay for loading the client (and its schema library) at every start.
 */
function lazyLicenseServer(baseUrl: string, clock: Clock): LicenseServer {
	let client: Promise<LicenseServer> | null = null;
	const load = () => {
		client ??= import('../adapters/http-license-server.js').then(
			({createHttpLicenseServer}) => createHttpLicenseServer({baseUrl, clock}),
		);
		return client;
	};
	return {
		activate: async (request) => (await load()).activate(request),
		contact: async (request) => (await load()).contact(request),
		fetchPublicKey: async () =>
			(await (await load()).fetchPublicKey?.()) ?? null,
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
