/** `myq-license add-key KEY...`: keys into the license table, pending activation (R3). */
import process from 'node:process';
import {keyRefusalMessage, keyRefusalParams} from '../engine/key-refusals.js';
import type {Lang} from '../i18n/lang.js';
import {EXIT} from './exit-codes.js';
import {defineCommand} from './flags.js';
import {print, printJson, textOf, usageError} from './report.js';

export const command = defineCommand({
	takesArguments: true,
	flags: {},
	async run(cli) {
		let text = cli.input.join('\n');
		if (cli.input.length === 1 && cli.input[0] === '-') {
			const {readStreamUpTo, formatLimit, INPUT_LIMITS} = await import(
				'../adapters/bounded-read.js'
			);
			const read = await readStreamUpTo(process.stdin, INPUT_LIMITS.keyList);
			if (!read.ok) {
				throw await usageError(cli.lang, 'cli.error.keys-too-big', {
					limit: formatLimit(read.limit),
				});
			}
			text = read.value.toString('utf8');
		}
		if (text.trim() === '') {
			throw await usageError(cli.lang, 'cli.error.no-key');
		}
		const {withRuntime} = await import('./compose.js');
		const {t} = await import('../i18n/index.js');
		const lang = cli.lang;
		return withRuntime(cli.flags, async (runtime) => {
			const outcome = await runtime.save(null, text);
			if (!outcome.ok) {
				print(
					await Promise.all(outcome.errors.map((error) => textOf(error, lang))),
					'err',
				);
				return EXIT.badInput;
			}
			// Decided (issue 10 point 13): R3 adds the valid keys even when others are refused, so
			// the command did its job when one was added (0; the refused ones are said on stderr and
			// in --json's `refused`). Bad input (2) is when none was.
			const code =
				outcome.accepted.length === 0 && outcome.refused.length > 0
					? EXIT.badInput
					: EXIT.ok;
			if (cli.flags.json) {
				// `ok` says what the exit code says: a script reads one or the other.
				printJson({...outcome, ok: code === EXIT.ok});
			} else {
				print(
					outcome.accepted.map((key) => t(lang, 'cli.add-key.added', {key})),
				);
				print(
					outcome.refused.map((refusal) =>
						t(lang, 'cli.add-key.refused', {
							reason: refusalText(refusal, lang, t),
						}),
					),
					'err',
				);
				if (outcome.accepted.length > 0) {
					print([t(lang, 'cli.add-key.next')]);
				}
			}
			return code;
		});
	},
});

/**
 * A refused key in the admin's language. The engine says it in English, with a code; the
 * catalogs have the French, through the one table of refusals (engine/key-refusals.ts).
 */
function refusalText(
	refusal: {input: string; code: string; message: string},
	lang: Lang,
	t: typeof import('../i18n/index.js').t,
): string {
	if (lang === 'en') return refusal.message;
	return t(lang, `key.${keyRefusalMessage(refusal.code)}`, {
		key: refusal.input.trim(),
		...keyRefusalParams(refusal.code),
	});
}
