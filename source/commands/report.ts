/**
 * Printing for people (text in the admin's language) or scripts (`--json`), and the exit code
 * that goes with it.
 */
import process from 'node:process';
import {terminalText, UNPRINTABLE} from '../engine/safe-text.js';
import type {MessageParams} from '../i18n/index.js';
import type {Lang} from '../i18n/lang.js';
import type {Outcome} from '../runtime/outcome.js';
import {EXIT, UsageError} from './exit-codes.js';

/**
 * A runtime outcome: said as a message, or as data (`{code, params}`, STYLE 11) that the catalogs
 * turn into French or English.
 */
export type Reportable = {ok: boolean} & Said;

/** Something said: a message id with its parameters, a code of the catalogs, or a sentence. */
export type Said = {
	code?: string;
	message?: string;
	messageId?: string;
	params?: Record<string, unknown>;
};

/** The text of what was said, in a language: from the catalogs when it is data. */
export async function textOf(said: Said, lang: Lang): Promise<string> {
	const {t, messages} = await import('../i18n/index.js');
	if (isOutcome(said)) {
		const {renderOutcome} = await import('../i18n/outcome.js');
		return renderOutcome(lang, said);
	}
	const known = (id: string | undefined): id is Parameters<typeof t>[1] =>
		id !== undefined && id in messages[lang];
	if (known(said.messageId))
		return t(lang, said.messageId, said.params as MessageParams);
	if (typeof said.message === 'string') return said.message;
	return known(said.code)
		? t(lang, said.code, said.params as MessageParams)
		: (said.code ?? '');
}

/** A runtime outcome (runtime/outcome.ts): `{code, params}`, rendered as `outcome.<code>`. */
function isOutcome(said: Said): said is Outcome {
	return (
		typeof said.code === 'string' &&
		typeof said.params === 'object' &&
		said.messageId === undefined &&
		said.message === undefined
	);
}

/** Bad input, said in the admin's language: the message to throw (exit 2). */
export async function usageError(
	lang: Lang,
	id: `cli.error.${string}`,
	params?: Record<string, string | number>,
): Promise<UsageError> {
	const {t, messages} = await import('../i18n/index.js');
	return new UsageError(
		id in messages[lang] ? t(lang, id as Parameters<typeof t>[1], params) : id,
	);
}

/**
 * Writes lines to stdout (or stderr), one per line. The terminal's edge (issue 10 point 7): a
 * control character that reached a line (a company, a device name, a server's message) is made
 * visible here, whatever the path it came by; the line breaks between lines are ours.
 */
export function print(lines: readonly string[], stream: 'out' | 'err' = 'out') {
	if (lines.length === 0) return;
	(stream === 'out' ? process.stdout : process.stderr).write(
		`${lines.map(terminalText).join('\n')}\n`,
	);
}

/** One JSON document on stdout, for scripts. */
export function printJson(document: unknown) {
	process.stdout.write(`${jsonText(document)}\n`);
}

/**
 * JSON as a terminal may show it: JSON.stringify leaves DEL, the C1 controls, the bidirectional
 * controls and U+2028 raw inside strings; they are written as `\u` escapes, the same value.
 */
export function jsonText(document: unknown): string {
	return JSON.stringify(document, null, 2).replace(
		UNPRINTABLE_IN_JSON,
		(character) =>
			// The line breaks of the layout are JSON's own (those inside strings are escaped).
			character === '\n'
				? character
				: `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
	);
}

const UNPRINTABLE_IN_JSON = new RegExp(UNPRINTABLE.source, 'gu');

/** Prints a command's outcome and gives its exit code (0 done, 1 failed). */
export async function report(
	outcome: Reportable,
	cli: {flags: {json: boolean}; lang: Lang},
	extra: object = {},
): Promise<number> {
	const message = await textOf(outcome, cli.lang);
	if (cli.flags.json) {
		printJson({...outcome, message, ...extra});
	} else {
		print([message], outcome.ok ? 'out' : 'err');
	}
	return outcome.ok ? EXIT.ok : EXIT.failed;
}
