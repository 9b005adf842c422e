/**
 * What the admin commands share: flag parsing, opening the runtime on the real ports for one
 * command, and printing for people (`text`) or scripts (`--json`).
 */
import process from 'node:process';
import meow, {type AnyFlags} from 'meow';
import type {Evaluation} from '../engine/evaluate.js';
import type {EngineState} from '../engine/types.js';
import {bannerText, detectLang, type Lang, parseLang} from '../i18n/index.js';
import type {Runtime} from '../runtime/runtime.js';
import {EXIT, UsageError} from './exit-codes.js';

export const DEFAULT_SERVER = 'http://127.0.0.1:4070';

export const COMMON_FLAGS = {
	store: {type: 'string'},
	server: {type: 'string'},
	vendorKey: {type: 'string'},
	json: {type: 'boolean', default: false},
	lang: {type: 'string'},
} as const satisfies AnyFlags;

export const COMMON_HELP = `
Common options
  --store URL       the store (a Keyv URL; default: a SQLite file in your data directory)
  --server URL      the license server (default: $MYQ_LICENSE_SERVER or ${DEFAULT_SERVER})
  --vendor-key KEY  the vendor public key to trust (default: $MYQ_VENDOR_KEY, else pinned at first activation)
  --json            print one JSON document for scripts
  --lang fr|en      language of messages and banners

Exit codes: 0 done, 1 failed, 2 bad input.`;

export function parseArgs<F extends AnyFlags>(help: string, argv: string[], flags: F) {
	// meow renames the process after the package; keep the command line visible to ps and
	// pkill (`pkill -f "vendor serve"`), and skip its package.json lookup.
	const title = process.title;
	const cli = meow(`${help}\n${COMMON_HELP}`, {
		importMeta: import.meta,
		argv,
		flags,
		allowUnknownFlags: false,
		description: false,
		pkg: {name: 'myq-license'},
	});
	process.title = title;
	return cli;
}

export function chooseLang(flag: string | undefined): Lang {
	if (flag === undefined) {
		return detectLang(process.env);
	}
	const lang = parseLang(flag);
	if (!lang) {
		throw new UsageError(`--lang "${flag}" is not a language this program speaks: use fr or en.`);
	}
	return lang;
}

export type CommonFlags = {store?: string; server?: string; vendorKey?: string};

/**
 * Opens the runtime on the real ports for one command: no schedule, no contact at start (the
 * command decides whether to talk to the server).
 */
export async function withRuntime<T>(flags: CommonFlags, use: (runtime: Runtime) => Promise<T>): Promise<T> {
	const [{openStore, StoreError}, {createSystemClock}, {createSystemProbe}, {createHttpLicenseServer}, {createRuntime}] =
		await Promise.all([
			import('../adapters/keyv-store.js'),
			import('../adapters/system-clock.js'),
			import('../adapters/hardware-probe.js'),
			import('../adapters/http-license-server.js'),
			import('../runtime/runtime.js'),
		]);
	let store: Awaited<ReturnType<typeof openStore>>;
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
	const vendorKey = flags.vendorKey ?? process.env.MYQ_VENDOR_KEY ?? null;
	if (vendorKey !== null) {
		const {importPublicKey} = await import('../signing/index.js');
		try {
			importPublicKey(vendorKey);
		} catch (error) {
			await store.close();
			throw new UsageError(`--vendor-key: ${(error as Error).message}`);
		}
	}
	const server = createHttpLicenseServer({baseUrl: serverUrl(flags.server), clock});
	const holder: {runtime?: Runtime} = {};
	const hardware = createSystemProbe({installIdFallback: async () => holder.runtime?.installationId ?? ''});
	const runtime = createRuntime({clock, server, hardware, store, vendorKey, schedule: false, contactOnStart: false});
	holder.runtime = runtime;
	try {
		await runtime.start();
		return await use(runtime);
	} finally {
		await runtime.stop();
		await store.close();
	}
}

export function serverUrl(flag: string | undefined): string {
	const url = flag ?? process.env.MYQ_LICENSE_SERVER ?? DEFAULT_SERVER;
	try {
		const parsed = new URL(url);
		if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
			throw new Error('not http');
		}
	} catch {
		throw new UsageError(`--server "${url}" is not an http(s) URL, like ${DEFAULT_SERVER}.`);
	}
	return url.replace(/\/+$/, '');
}

const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

/** The `status --json` document (SPEC §5 day entry, plus what an admin script needs). */
export function statusDocument(state: EngineState, evaluation: Evaluation, lang: Lang) {
	return {
		state: evaluation.state,
		operational: evaluation.operational,
		capacity: evaluation.capacity,
		at: iso(evaluation.now),
		banners: evaluation.banners.map((banner) => ({
			id: banner.id,
			days: banner.days ?? null,
			text: bannerText(banner.id, lang, banner.days),
		})),
		licenses: evaluation.licenses.map((license) => ({
			key: license.id,
			kind: license.kind,
			devices: license.devices,
			status: license.status,
			reason: license.reason,
			activatedAt: iso(license.activatedAt),
			expiresAt: iso(license.expiresAt),
			renewsAt: iso(license.renewsAt),
			...(license.refusal ? {refusal: license.refusal} : {}),
		})),
		devices: {
			activated: evaluation.devices.activated,
			licensed: evaluation.devices.licensed,
			capacity: evaluation.devices.capacity,
			list: evaluation.devices.list.map((device) => ({id: device.id, activatedAt: iso(device.activatedAt), licensed: device.licensed})),
		},
		server: {
			reachable: state.server.unreachableSince === null,
			lastSuccessAt: iso(state.server.lastSuccessAt),
			unreachableSince: iso(state.server.unreachableSince),
		},
		hardware: {bound: evaluation.hardware.bound, current: evaluation.hardware.current, changed: evaluation.hardware.changed},
		customer: state.customer,
		installationId: state.installationId,
	};
}

/** Prints a command's outcome and gives its exit code. */
export function report(outcome: {ok: boolean; message: string; code?: string}, json: boolean, extra: object = {}): number {
	if (json) {
		process.stdout.write(`${JSON.stringify({...outcome, ...extra}, null, 2)}\n`);
	} else if (outcome.ok) {
		process.stdout.write(`${outcome.message}\n`);
	} else {
		process.stderr.write(`${outcome.message}\n`);
	}
	return outcome.ok ? EXIT.ok : EXIT.failed;
}
