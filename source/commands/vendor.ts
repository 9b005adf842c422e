/**
 * `myq-license vendor serve|mint|offline-activate|extend|cancel-renewal|revoke`: the vendor side
 * (SPEC §4). Admin operations go through the server's HTTP admin API with the bearer token.
 */
import {readFile, writeFile} from 'node:fs/promises';
import process from 'node:process';
import {EXIT, UsageError} from './exit-codes.js';
import {defineCommand} from './flags.js';

export const command = defineCommand({
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
	},
	async run(cli) {
		const [action, ...rest] = cli.input;
		switch (action) {
			case 'serve':
				return serve(cli.flags);
			case 'mint':
				return mint(cli.flags);
			case 'offline-activate':
				return offlineActivate(rest, cli.flags);
			case 'extend':
			case 'cancel-renewal':
			case 'revoke':
				return admin(action, rest, cli.flags);
			default:
				throw new UsageError(
					action === undefined
						? 'Which vendor command? serve, mint, offline-activate, extend, cancel-renewal or revoke (see myq-license vendor --help).'
						: `Unknown vendor command "${action}": use serve, mint, offline-activate, extend, cancel-renewal or revoke.`,
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
	json: boolean;
};

async function serve(flags: Flags): Promise<number> {
	const port = flags.port ?? 4070;
	if (!Number.isInteger(port) || port < 0 || port > 65_535) {
		throw new UsageError(
			`--port ${port} is not a port number (0 to 65535; 0 picks a free one).`,
		);
	}
	const {serveVendor} = await import('../license-server/serve.js');
	const served = await serveVendor({
		port,
		...(flags.host === undefined ? {} : {host: flags.host}),
		...(flags.store === undefined ? {} : {storeUrl: flags.store}),
		...(flags.token === undefined ? {} : {token: flags.token}),
	});
	process.stdout.write(
		`License server listening on ${served.url}\nVendor public key: ${served.publicKey}\n`,
	);
	if (!flags.token) {
		process.stdout.write(
			'No --token: the admin routes (mint, extend, revoke) are disabled.\n',
		);
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
	process.stdout.write('License server stopped.\n');
	return EXIT.ok;
}

function requireServer(flags: Flags): string {
	if (!flags.server) {
		throw new UsageError(
			'--server URL is required: the license server to talk to (vendor serve prints it).',
		);
	}
	return flags.server.replace(/\/+$/, '');
}

function requireToken(flags: Flags): string {
	if (!flags.token) {
		throw new UsageError(
			'--token is required for admin operations: the token vendor serve was started with.',
		);
	}
	return flags.token;
}

/** `KIND:DEVICES[:TERM_DAYS][:auto]`, e.g. `subscription:10:365:auto`. */
export function parseLicenseSpec(text: string) {
	const [kind, devices, ...more] = text.split(':').map((part) => part.trim());
	if (kind !== 'perpetual' && kind !== 'subscription') {
		throw new UsageError(
			`--license "${text}": the kind must be perpetual or subscription (KIND:DEVICES[:TERM_DAYS][:auto]).`,
		);
	}
	const count = Number(devices);
	if (!Number.isInteger(count) || count < 1) {
		throw new UsageError(
			`--license "${text}": DEVICES must be a whole number of at least 1.`,
		);
	}
	const autoRenew = more.includes('auto');
	const term = more.filter((part) => part !== 'auto');
	if (kind === 'perpetual') {
		if (term.length > 0 || autoRenew) {
			throw new UsageError(
				`--license "${text}": a perpetual license has no term and no renewal.`,
			);
		}
		return {kind, devices: count} as const;
	}
	const termDays = Number(term[0]);
	if (term.length !== 1 || !Number.isInteger(termDays) || termDays < 1) {
		throw new UsageError(
			`--license "${text}": a subscription needs its term in days, like subscription:${count}:365.`,
		);
	}
	return {kind, devices: count, termDays, autoRenew} as const;
}

function mintBody(flags: Flags) {
	if (flags.type === 'installation') {
		if (!flags.license || flags.license.length === 0) {
			throw new UsageError(
				'An installation key carries licenses: give one --license KIND:DEVICES[:TERM_DAYS][:auto] per license.',
			);
		}
		return {
			type: 'installation',
			licenses: flags.license.map(parseLicenseSpec),
		};
	}
	if (flags.type !== 'license') {
		throw new UsageError(
			`--type must be license or installation${flags.type ? `, not "${flags.type}"` : ''}.`,
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
		throw new UsageError(
			'A license key needs --kind perpetual|subscription and --devices N (and --term-days N for a subscription).',
		);
	}
	return {type: 'license', ...parseLicenseSpec(spec)};
}

async function callServer(
	flags: Flags,
	path: string,
	body: unknown,
	token?: string,
) {
	const server = requireServer(flags);
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
			message: `The license server at ${server} could not be reached (${(error as Error).message}). Is vendor serve running?`,
		};
	}
	const text = await response.text();
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
		return {
			ok: false as const,
			message: `The license server refused (${response.status} ${error?.code ?? ''}): ${error?.message ?? text.slice(0, 200)}`,
		};
	}
	return {ok: true as const, json, text};
}

async function mint(flags: Flags): Promise<number> {
	const body = mintBody(flags);
	const token = requireToken(flags);
	const result = await callServer(flags, '/v1/admin/keys', body, token);
	if (!result.ok) {
		process.stderr.write(`${result.message}\n`);
		return EXIT.failed;
	}
	const {key} = result.json as {key: string};
	if (flags.json) {
		process.stdout.write(`${JSON.stringify(result.json, null, 2)}\n`);
	} else {
		process.stdout.write(`Minted a ${body.type} key:\n${key}\n`);
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
			`Usage: myq-license vendor ${action} KEY${action === 'extend' ? ' --days N' : ''} --server URL --token T`,
		);
	}
	if (
		action === 'extend' &&
		(flags.days === undefined ||
			!Number.isInteger(flags.days) ||
			flags.days < 1)
	) {
		throw new UsageError(
			'vendor extend needs --days N, a whole number of days of at least 1.',
		);
	}
	const token = requireToken(flags);
	const result = await callServer(
		flags,
		`/v1/admin/keys/${encodeURIComponent(key)}/${action}`,
		action === 'extend' ? {days: flags.days} : {},
		token,
	);
	if (!result.ok) {
		process.stderr.write(`${result.message}\n`);
		return EXIT.failed;
	}
	process.stdout.write(
		flags.json
			? `${JSON.stringify(result.json, null, 2)}\n`
			: `${action} done for ${key}.\n`,
	);
	return EXIT.ok;
}

async function offlineActivate(rest: string[], flags: Flags): Promise<number> {
	const [file, ...extra] = rest;
	if (!file || extra.length > 0 || !flags.out) {
		throw new UsageError(
			'Usage: myq-license vendor offline-activate REQUEST -o RESPONSE [--server URL | --store URL]',
		);
	}
	let request: string;
	try {
		// The request as its file, or as the block of text the dashboard shows to copy (R5 over
		// SSH: the same document).
		const {readDocumentText} = await import('../signing/document-text.js');
		const text = await readFile(file, 'utf8');
		const read = readDocumentText(text);
		request = read.ok && read.kind !== null ? read.text : text;
	} catch (error) {
		process.stderr.write(
			`Could not read ${file}: ${(error as Error).message}\n`,
		);
		return EXIT.badInput;
	}
	let response: string;
	if (flags.server) {
		const result = await callServer(flags, '/v1/offline-activation', request);
		if (!result.ok) {
			process.stderr.write(`${result.message}\n`);
			return EXIT.failed;
		}
		response = result.text;
	} else {
		const [{openStore, DEFAULT_STORE_URL}, {createVendor, VendorError}] =
			await Promise.all([
				import('../license-server/serve.js'),
				import('../license-server/index.js'),
			]);
		const store = await openStore(flags.store ?? DEFAULT_STORE_URL);
		try {
			const vendor = await createVendor({store, now: () => Date.now()});
			response = await vendor.service.offlineActivate(request);
		} catch (error) {
			if (error instanceof VendorError) {
				process.stderr.write(
					`The request was refused (${error.code}): ${error.message}\n`,
				);
				return EXIT.badInput;
			}
			throw error;
		} finally {
			await store.disconnect();
		}
	}
	await writeFile(flags.out, response);
	process.stdout.write(
		`Response written to ${flags.out}. On the MyQ server: myq-license import ${flags.out}\n`,
	);
	return EXIT.ok;
}
