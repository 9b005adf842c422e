/**
 * `myq-license vendor serve|mint|offline-activate|extend|cancel-renewal|revoke`: the vendor side
 * (SPEC §4). Admin operations go through the server's HTTP admin API with the bearer token.
 */
import {writeFile} from 'node:fs/promises';
import process from 'node:process';
import {safeText} from '../engine/safe-text.js';
import {type MessageId, type MessageParams, t} from '../i18n/index.js';
import type {Lang} from '../i18n/lang.js';
import {EXIT, UsageError} from './exit-codes.js';
import {defineCommand} from './flags.js';
import {print, printJson, usageError} from './report.js';

/** What the vendor commands say, in the admin's language (`cli.vendor.<id>`). */
function say(lang: Lang, id: VendorMessage, params?: MessageParams): string {
	return t(lang, `cli.vendor.${id}`, params);
}

type VendorMessage = VendorSuffix<MessageId>;
type VendorSuffix<Id> = Id extends `cli.vendor.${infer Name}` ? Name : never;

/**
 * Where vendor serve cannot listen: a host that is no address of this machine is bad input
 * (thrown, exit 2); a port in use or refused fails (said, exit 1). Anything else: a store.
 */
async function listenRefused(error: unknown, lang: Lang): Promise<number> {
	const {ListenError} = await import('../license-server/serve.js');
	if (!(error instanceof ListenError)) return storeRefused(error, lang);
	const params = {
		host: safeText(error.host),
		port: error.port,
		reason: safeText(error.reason),
	};
	if (error.isBadInput) {
		throw await usageError(lang, 'cli.error.vendor-host', params);
	}
	const said = await usageError(
		lang,
		error.code === 'EADDRINUSE'
			? 'cli.error.vendor-port-in-use'
			: 'cli.error.vendor-listen',
		params,
	);
	print([said.message], 'err');
	return EXIT.failed;
}

/**
 * A store the vendor cannot use: a URL of no database it knows is bad input (thrown, exit 2); a
 * database it cannot open fails (said, exit 1). Anything else is not about the store: rethrown.
 */
async function storeRefused(error: unknown, lang: Lang): Promise<number> {
	const {StoreOpenError, StoreUrlError} = await import(
		'../license-server/sql/database.js'
	);
	if (error instanceof StoreUrlError) {
		throw await usageError(
			lang,
			error.reason === 'malformed'
				? 'cli.error.vendor-store-url-malformed'
				: 'cli.error.vendor-store-url',
			{url: error.url},
		);
	}
	if (error instanceof StoreOpenError) {
		const {problem} = error;
		const said =
			problem === undefined
				? await usageError(lang, 'cli.error.vendor-store-open', {
						url: error.shownUrl,
						reason: error.reason,
					})
				: await usageError(lang, `cli.error.vendor-store-${problem.code}`, {
						...problem,
						url: error.shownUrl,
					});
		print([said.message], 'err');
		return EXIT.failed;
	}
	throw error;
}

export const command = defineCommand({
	takesArguments: true,
	// --store, --server and --json are global flags; here they name the vendor's store and server.
	flags: {
		port: {type: 'number'},
		host: {type: 'string'},
		token: {type: 'string'},
		type: {type: 'string'},
		kind: {type: 'string'},
		devices: {type: 'number'},
		termDays: {type: 'number'},
		autoRenew: {type: 'boolean', default: false},
		license: {type: 'string', isMultiple: true},
		out: {type: 'string', shortFlag: 'o'},
		days: {type: 'number'},
		log: {type: 'string'},
	},
	async run(cli) {
		const [action, ...rest] = cli.input;
		const flags = {...cli.flags, lang: cli.lang};
		switch (action) {
			case 'serve':
				return serve(flags);
			case 'mint':
				return mint(flags);
			case 'offline-activate':
				return offlineActivate(rest, flags, cli.lang);
			case 'extend':
			case 'cancel-renewal':
			case 'revoke':
				return admin(action, rest, flags);
			default:
				throw new UsageError(
					action === undefined
						? say(cli.lang, 'which')
						: say(cli.lang, 'unknown', {action}),
				);
		}
	},
});

type Flags = {
	port?: number;
	host?: string;
	store?: string;
	server?: string;
	token?: string;
	type?: string;
	kind?: string;
	devices?: number;
	termDays?: number;
	autoRenew: boolean;
	license?: string[];
	out?: string;
	days?: number;
	log?: string;
	json: boolean;
	lang: Lang;
};

async function serve(flags: Flags): Promise<number> {
	const port = flags.port ?? 4070;
	if (!Number.isInteger(port) || port < 0 || port > 65_535) {
		throw new UsageError(say(flags.lang, 'port', {port}));
	}
	if (flags.log !== undefined && flags.log !== 'text' && flags.log !== 'json') {
		throw await usageError(flags.lang, 'cli.error.vendor-log-format', {
			format: flags.log,
		});
	}
	const {serveVendor} = await import('../license-server/serve.js');
	let served: Awaited<ReturnType<typeof serveVendor>>;
	try {
		served = await serveVendor({
			port,
			logFormat: flags.log === 'json' ? 'json' : 'text',
			...(flags.host === undefined ? {} : {host: flags.host}),
			...(flags.store === undefined ? {} : {storeUrl: flags.store}),
			...(flags.token === undefined ? {} : {token: flags.token}),
		});
	} catch (error) {
		return listenRefused(error, flags.lang);
	}
	print([
		say(flags.lang, 'listening', {url: served.url}),
		say(flags.lang, 'public-key', {key: served.publicKey}),
	]);
	if (!flags.token) {
		print([say(flags.lang, 'no-token')]);
	}
	await new Promise<void>((resolve) => {
		const stop = () => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			resolve();
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
	await served.close();
	print([say(flags.lang, 'stopped')]);
	return EXIT.ok;
}

async function requireServer(flags: Flags): Promise<string> {
	if (!flags.server) {
		throw new UsageError(say(flags.lang, 'server-required'));
	}
	// The same checks as the MyQ side's --server: http(s), no password (never echoed).
	const {serverUrl} = await import('./compose.js');
	return serverUrl(flags.server);
}

function requireToken(flags: Flags): string {
	if (!flags.token) {
		throw new UsageError(say(flags.lang, 'token-required'));
	}
	return flags.token;
}

/** `KIND:DEVICES[:TERM_DAYS][:auto]`, e.g. `subscription:10:365:auto`. */
export function parseLicenseSpec(text: string, lang: Lang = 'en') {
	const [kind, devices, ...more] = text.split(':').map((part) => part.trim());
	if (kind !== 'perpetual' && kind !== 'subscription') {
		throw new UsageError(say(lang, 'license-kind', {spec: text}));
	}
	const count = Number(devices);
	if (!Number.isInteger(count) || count < 1) {
		throw new UsageError(say(lang, 'license-devices', {spec: text}));
	}
	const autoRenew = more.includes('auto');
	const term = more.filter((part) => part !== 'auto');
	if (kind === 'perpetual') {
		if (term.length > 0 || autoRenew) {
			throw new UsageError(say(lang, 'license-perpetual', {spec: text}));
		}
		return {kind, devices: count} as const;
	}
	const termDays = Number(term[0]);
	if (term.length !== 1 || !Number.isInteger(termDays) || termDays < 1) {
		throw new UsageError(
			say(lang, 'license-term', {spec: text, devices: count}),
		);
	}
	return {kind, devices: count, termDays, autoRenew} as const;
}

function mintBody(flags: Flags) {
	if (flags.type === 'installation') {
		if (!flags.license || flags.license.length === 0) {
			throw new UsageError(say(flags.lang, 'installation-licenses'));
		}
		return {
			type: 'installation',
			licenses: flags.license.map((spec) => parseLicenseSpec(spec, flags.lang)),
		};
	}
	if (flags.type !== 'license') {
		throw new UsageError(
			flags.type
				? say(flags.lang, 'type-not', {type: flags.type})
				: say(flags.lang, 'type'),
		);
	}
	const spec = [
		flags.kind,
		flags.devices,
		flags.termDays,
		flags.autoRenew ? 'auto' : undefined,
	]
		.filter((part) => part !== undefined)
		.join(':');
	if (!flags.kind || flags.devices === undefined) {
		throw new UsageError(say(flags.lang, 'license-key-flags'));
	}
	return {type: 'license', ...parseLicenseSpec(spec, flags.lang)};
}

async function callServer(
	flags: Flags,
	path: string,
	body: unknown,
	token?: string,
) {
	const server = await requireServer(flags);
	let response: Response;
	try {
		response = await fetch(`${server}${path}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				...(token ? {authorization: `Bearer ${token}`} : {}),
			},
			body: typeof body === 'string' ? body : JSON.stringify(body),
			signal: AbortSignal.timeout(15_000),
		});
	} catch (error) {
		return {
			ok: false as const,
			message: say(flags.lang, 'unreachable', {
				server,
				reason: (error as Error).message,
			}),
		};
	}
	const {readResponseUpTo, formatLimit, INPUT_LIMITS} = await import(
		'../adapters/bounded-read.js'
	);
	const read = await readResponseUpTo(response, INPUT_LIMITS.serverReply);
	if (!read.ok) {
		return {
			ok: false as const,
			message: say(flags.lang, 'answer-too-big', {
				limit: formatLimit(read.limit),
			}),
		};
	}
	const text = read.value;
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	if (!response.ok) {
		const error = (
			json as {error?: {code?: string; message?: string}} | undefined
		)?.error;
		// The server's words are outside text: made visible and cut (issue 10 point 7).
		return {
			ok: false as const,
			message: say(flags.lang, 'refused', {
				status: response.status,
				code: safeText(error?.code ?? '', 60),
				message: safeText(error?.message ?? text),
			}),
			// The request was bad (a wrong token, a malformed key, a damaged request file): bad
			// input, as offline-activate --store says it. Too many requests, or the server's own
			// trouble, is a failure.
			isBadInput:
				response.status >= 400 &&
				response.status < 500 &&
				response.status !== 408 &&
				response.status !== 429,
		};
	}
	return {ok: true as const, json, text};
}

/** The exit code of a call the server refused or never answered. */
function refusedExit(result: {isBadInput?: boolean}): number {
	return result.isBadInput === true ? EXIT.badInput : EXIT.failed;
}

async function mint(flags: Flags): Promise<number> {
	const body = mintBody(flags);
	const token = requireToken(flags);
	const result = await callServer(flags, '/v1/admin/keys', body, token);
	if (!result.ok) {
		print([result.message], 'err');
		return refusedExit(result);
	}
	const {key} = result.json as {key: string};
	if (flags.json) {
		printJson(result.json);
	} else {
		// The key alone on the last line, for scripts.
		print([
			say(
				flags.lang,
				body.type === 'installation' ? 'minted-installation' : 'minted-license',
			),
			safeText(key),
		]);
	}
	return EXIT.ok;
}

async function admin(
	action: 'extend' | 'cancel-renewal' | 'revoke',
	rest: string[],
	flags: Flags,
): Promise<number> {
	const [key, ...extra] = rest;
	if (!key || extra.length > 0) {
		throw new UsageError(
			say(flags.lang, action === 'extend' ? 'extend-usage' : 'admin-usage', {
				action,
			}),
		);
	}
	if (
		action === 'extend' &&
		(flags.days === undefined ||
			!Number.isInteger(flags.days) ||
			flags.days < 1)
	) {
		throw new UsageError(say(flags.lang, 'extend-days'));
	}
	const token = requireToken(flags);
	const result = await callServer(
		flags,
		`/v1/admin/keys/${encodeURIComponent(key)}/${action}`,
		action === 'extend' ? {days: flags.days} : {},
		token,
	);
	if (!result.ok) {
		print([result.message], 'err');
		return refusedExit(result);
	}
	if (flags.json) {
		printJson(result.json);
	} else {
		print([
			say(flags.lang, `done-${action}`, {
				key: safeText(key),
				days: flags.days ?? 0,
			}),
		]);
	}
	return EXIT.ok;
}

async function offlineActivate(
	rest: string[],
	flags: Flags,
	lang: Lang,
): Promise<number> {
	const [file, ...extra] = rest;
	if (!file || extra.length > 0 || !flags.out) {
		throw new UsageError(say(lang, 'offline-usage'));
	}
	// The license server takes request bodies up to this size; a bigger file is not a request
	// (issue 10 point 5), and is refused before it is read whole.
	const [{DEFAULT_MAX_BODY_BYTES}, {readFileUpTo, formatLimit}] =
		await Promise.all([
			import('../license-server/app.js'),
			import('../adapters/bounded-read.js'),
		]);
	let request: string;
	try {
		const read = await readFileUpTo(file, DEFAULT_MAX_BODY_BYTES);
		if (!read.ok) {
			throw await usageError(lang, 'cli.error.request-too-big', {
				file,
				limit: formatLimit(read.limit),
			});
		}
		// The request as its file, or as the block of text the dashboard shows to copy (R5 over
		// SSH: the same document).
		const {readDocumentText} = await import('../signing/document-text.js');
		const text = read.value.toString('utf8');
		const block = readDocumentText(text);
		request = block.ok && block.kind !== null ? block.text : text;
	} catch (error) {
		if (error instanceof UsageError) throw error;
		print(
			[
				(
					await usageError(lang, 'cli.error.cannot-read', {
						file,
						reason: (error as Error).message,
					})
				).message,
			],
			'err',
		);
		return EXIT.badInput;
	}
	let response: string;
	if (flags.server) {
		const result = await callServer(flags, '/v1/offline-activation', request);
		if (!result.ok) {
			print([result.message], 'err');
			return refusedExit(result);
		}
		response = result.text;
	} else {
		const [{DEFAULT_STORE_URL}, {createVendor, VendorError, openSqlStore}] =
			await Promise.all([
				import('../license-server/serve.js'),
				import('../license-server/index.js'),
			]);
		let store: Awaited<ReturnType<typeof openSqlStore>>;
		try {
			store = await openSqlStore(flags.store ?? DEFAULT_STORE_URL);
		} catch (error) {
			return storeRefused(error, lang);
		}
		try {
			const vendor = await createVendor({store, now: () => Date.now()});
			response = await vendor.service.offlineActivate(request);
		} catch (error) {
			if (error instanceof VendorError) {
				print(
					[
						say(lang, 'request-refused', {
							code: error.code,
							message: safeText(error.message),
						}),
					],
					'err',
				);
				return EXIT.badInput;
			}
			throw error;
		} finally {
			await store.close();
		}
	}
	await writeFile(flags.out, response);
	print([say(lang, 'response-written', {file: flags.out})]);
	return EXIT.ok;
}
