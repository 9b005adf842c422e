/**
 * `myq-license trust [KEY] [--replace]`: record the vendor public key this user trusts in the
 * trust file (R16), like ssh's known_hosts. With KEY (or --vendor-key), the key the vendor
 * published; without, the key the license server at --server presents: trusting it on first use
 * is the admin's explicit choice, never made for them. A trust file already holding another key
 * is left alone unless --replace says the vendor's key really changed.
 */
import {EXIT} from './exit-codes.js';
import {defineCommand} from './flags.js';
import {print, report, usageError} from './report.js';

export const command = defineCommand({
	takesArguments: true,
	flags: {replace: {type: 'boolean'}},
	async run(cli) {
		const [given, ...extra] = cli.input;
		if (extra.length > 0 || (given !== undefined && cli.flags.vendorKey)) {
			throw await usageError(cli.lang, 'cli.error.trust-usage');
		}
		const [
			{readTrustFile, trustFilePath, writeTrustFile, TrustFileError},
			{exportPublicKey, importPublicKey},
			{serverUrl},
		] = await Promise.all([
			import('../adapters/trust-file.js'),
			import('../signing/index.js'),
			import('./compose.js'),
		]);
		const text = given ?? cli.flags.vendorKey;
		let key: string;
		let server: string | null = null;
		if (text !== undefined) {
			try {
				key = exportPublicKey(importPublicKey(text));
			} catch {
				const {visible} = await import('../i18n/index.js');
				throw await usageError(cli.lang, 'cli.error.not-a-key', {
					key: JSON.stringify(visible(text.slice(0, 80))),
				});
			}
		} else {
			server = serverUrl(cli.flags.server);
			const fetched = await presentedKey(server);
			if (!fetched.ok) return report(fetched.outcome, cli);
			key = fetched.key;
		}
		const file = await trustFilePath();
		try {
			const trusted = await readTrustFile(file).catch((error: unknown) => {
				// A damaged trust file is what --replace is for; without it, say what is wrong.
				if (cli.flags.replace && error instanceof TrustFileError) return null;
				throw error;
			});
			if (trusted?.vendorKey === key) {
				return report(
					{
						ok: true,
						code: 'vendor-key-already-trusted',
						params: {key, file},
					},
					cli,
					{file, key},
				);
			}
			if (trusted && !cli.flags.replace) {
				return report(
					{
						ok: false,
						code: 'vendor-key-differs',
						params: {file, key, trusted: trusted.vendorKey},
					},
					cli,
					{file, key, trusted: trusted.vendorKey},
				);
			}
			const how = server === null ? 'given' : 'first-use';
			await writeTrustFile(file, {
				vendorKey: key,
				how,
				server,
				trustedAt: new Date().toISOString(),
			});
			return report(
				{
					ok: true,
					code: 'vendor-key-pinned',
					params: {
						key,
						file,
						how:
							server === null
								? {code: 'trust-given', params: {}}
								: {code: 'trust-first-use', params: {server}},
					},
				},
				cli,
				{file, key, how, server},
			);
		} catch (error) {
			if (error instanceof TrustFileError) {
				// The path may hold anything (MYQ_CONFIG_DIR): said made visible. A trust file that
				// cannot be used is bad input, as for every other command; one not written, a failure.
				print([error.message], 'err');
				return error.isWrite ? EXIT.failed : EXIT.badInput;
			}
			throw error;
		}
	},
});

/** The key the license server presents, or the outcome saying why there is none. */
async function presentedKey(
	server: string,
): Promise<
	| {ok: true; key: string}
	| {ok: false; outcome: import('../runtime/outcome.js').Failed}
> {
	const [{createHttpLicenseServer}, {createSystemClock}, outcomes] =
		await Promise.all([
			import('../adapters/http-license-server.js'),
			import('../adapters/system-clock.js'),
			import('../runtime/outcome.js'),
		]);
	const client = createHttpLicenseServer({
		baseUrl: server,
		clock: createSystemClock(),
	});
	const reply = await client.fetchPublicKey();
	if (reply.ok) return {ok: true, key: reply.value};
	const {failure} = reply;
	if (failure.kind === 'wrong-url') {
		return {ok: false, outcome: outcomes.failureOutcome(failure)};
	}
	return {
		ok: false,
		outcome: outcomes.failed('vendor-key-unavailable', {
			reason: outcomes.failureReason(failure),
		}),
	};
}
