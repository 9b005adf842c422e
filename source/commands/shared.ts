/**
 * What the admin commands share: flag parsing, opening the runtime on the real ports for one
 * command, and printing for people (`text`) or scripts (`--json`).
 */
import process from 'node:process';
import {parseArgs as nodeParseArgs} from 'node:util';
import type {KeyvStore} from '../adapters/keyv-store.js';
import type {Evaluation} from '../engine/evaluate.js';
import type {EngineState} from '../engine/types.js';
// The banner texts and language choice only: the full message catalogs are for the dashboard.
import {bannerText} from '../i18n/banners.js';
import {detectLang, type Lang, parseLang} from '../i18n/lang.js';
import type {Clock, LicenseServer} from '../ports/index.js';
import type {Outcome} from '../runtime/outcome.js';
import type {Runtime, RuntimeOptions} from '../runtime/runtime.js';
import {EXIT, UsageError} from './exit-codes.js';

export const DEFAULT_SERVER = 'http://127.0.0.1:4070';

export const COMMON_FLAGS = {
	store: {type: 'string'},
	server: {type: 'string'},
	vendorKey: {type: 'string'},
	json: {type: 'boolean', default: false},
	lang: {type: 'string'},
} as const satisfies Record<string, FlagSpec>;

export const COMMON_HELP = `
Common options
  --store URL       the store (a Keyv URL; default: a SQLite file in your data directory)
  --server URL      the license server (default: $MYQ_LICENSE_SERVER or ${DEFAULT_SERVER})
  --vendor-key KEY  the vendor public key to trust (default: $MYQ_VENDOR_KEY, else pinned at first activation)
  --json            print one JSON document for scripts
  --lang fr|en      language of messages and banners

Exit codes: 0 done, 1 failed, 2 bad input.`;

export type FlagSpec = {
	type: 'string' | 'boolean' | 'number';
	default?: unknown;
	shortFlag?: string;
	isMultiple?: boolean;
};
type FlagValue<S> = S extends {isMultiple: true}
	? (S extends {type: 'number'} ? number[] : string[]) | undefined
	: S extends {type: 'boolean'}
		? S extends {default: boolean}
			? boolean
			: boolean | undefined
		: S extends {type: 'number'}
			? number | undefined
			: string | undefined;
export type ParsedFlags<F> = {[K in keyof F]: FlagValue<F[K]>};

/** `--help` was asked for: the text to print, exit 0. */
export class HelpRequested extends Error {
	constructor(readonly text: string) {
		super('help');
		this.name = 'HelpRequested';
	}
}

/**
 * Flags and arguments through Node's own `util.parseArgs`: it is loaded already, where a flag
 * library would cost scripts tens of milliseconds at every start (issue 6: a fast CLI).
 * camelCase flag names are written kebab-case (`vendorKey` is `--vendor-key`).
 */
export function parseArgs<F extends Record<string, FlagSpec>>(
	help: string,
	argv: string[],
	flags: F,
): {flags: ParsedFlags<F>; input: string[]} {
	if (argv.includes('--help') || argv.includes('-h')) {
		throw new HelpRequested(`${help.trim()}\n${COMMON_HELP}\n`);
	}
	const options: Record<
		string,
		{type: 'string' | 'boolean'; multiple?: boolean; short?: string}
	> = {};
	const names = new Map<string, string>();
	for (const [name, spec] of Object.entries(flags)) {
		const kebab = name.replace(
			/[A-Z]/g,
			(letter) => `-${letter.toLowerCase()}`,
		);
		names.set(kebab, name);
		options[kebab] = {
			type: spec.type === 'boolean' ? 'boolean' : 'string',
			...(spec.isMultiple ? {multiple: true} : {}),
			...(spec.shortFlag ? {short: spec.shortFlag} : {}),
		};
	}
	let parsed: {values: Record<string, unknown>; positionals: string[]};
	try {
		parsed = nodeParseArgs({
			args: argv,
			options,
			allowPositionals: true,
			strict: true,
		});
	} catch (error) {
		const message = (error as Error).message;
		const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
		throw new UsageError(
			unknown
				? `Unknown flag ${unknown}. Run with --help to see the flags.`
				: `${message.split('.')[0]}. Run with --help to see the flags.`,
		);
	}
	const values: Record<string, unknown> = {};
	for (const [kebab, value] of Object.entries(parsed.values)) {
		const name = names.get(kebab) ?? kebab;
		const spec = flags[name];
		if (spec?.type === 'number') {
			const toNumber = (text: unknown) => {
				const number = Number(text);
				if (
					typeof text !== 'string' ||
					text.trim() === '' ||
					!Number.isFinite(number)
				) {
					throw new UsageError(`--${kebab} "${String(text)}" is not a number.`);
				}
				return number;
			};
			values[name] = Array.isArray(value)
				? value.map(toNumber)
				: toNumber(value);
		} else {
			values[name] = value;
		}
	}
	for (const [name, spec] of Object.entries(flags)) {
		if (values[name] === undefined && spec.default !== undefined) {
			values[name] = spec.default;
		}
	}
	return {flags: values as ParsedFlags<F>, input: parsed.positionals};
}

export function chooseLang(
	flag: string | undefined,
	fallback: () => Lang = () => detectLang(process.env),
): Lang {
	if (flag === undefined) {
		return fallback();
	}
	const lang = parseLang(flag);
	if (!lang) {
		throw new UsageError(
			`--lang "${flag}" is not a language this program speaks: use fr or en.`,
		);
	}
	return lang;
}

export type CommonFlags = {store?: string; server?: string; vendorKey?: string};

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
	try {
		const parsed = new URL(url);
		if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
			throw new Error('not http');
		}
	} catch {
		throw new UsageError(
			`--server "${url}" is not an http(s) URL, like ${DEFAULT_SERVER}.`,
		);
	}
	return url.replace(/\/+$/, '');
}

const iso = (time: number | null) =>
	time === null ? null : new Date(time).toISOString();

/** The `status --json` document (SPEC §5 day entry, plus what an admin script needs). */
export function statusDocument(
	state: EngineState,
	evaluation: Evaluation,
	lang: Lang,
) {
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
			list: evaluation.devices.list.map((device) => ({
				id: device.id,
				activatedAt: iso(device.activatedAt),
				licensed: device.licensed,
			})),
		},
		server: {
			reachable: state.server.unreachableSince === null,
			lastSuccessAt: iso(state.server.lastSuccessAt),
			unreachableSince: iso(state.server.unreachableSince),
		},
		hardware: {
			bound: evaluation.hardware.bound,
			current: evaluation.hardware.current,
			changed: evaluation.hardware.changed,
		},
		customer: state.customer,
		installationId: state.installationId,
	};
}

/**
 * Prints a command's outcome, rendered in `lang`, and gives its exit code. The catalogs are
 * loaded here, not at start: `status` never reports an outcome.
 */
export async function report(
	outcome: Outcome,
	json: boolean,
	extra: object = {},
	lang: Lang = 'en',
): Promise<number> {
	const {renderOutcome} = await import('../i18n/outcome.js');
	const message = renderOutcome(lang, outcome);
	if (json) {
		process.stdout.write(
			`${JSON.stringify({...outcome, message, ...extra}, null, 2)}\n`,
		);
	} else if (outcome.ok) {
		process.stdout.write(`${message}\n`);
	} else {
		process.stderr.write(`${message}\n`);
	}
	return outcome.ok ? EXIT.ok : EXIT.failed;
}
