/**
 * Text from outside (the store, the license server, a file, a command line) made safe to show
 * on a terminal (issue 10 point 7): the one function the CLI, the dashboard and the simulator's
 * table use wherever such text is shown. Pure, so the engine's own rules (device names) read the
 * same definition of "printable".
 *
 * Decisions:
 * - Made visible: the control characters (Unicode Cc: C0, DEL, C1, ESC among them), the
 *   bidirectional controls (they reorder what follows them on screen: "Trojan source"), the line
 *   and paragraph separators (U+2028, U+2029: a line break to some terminals), and lone
 *   surrogates (half a character). Each is written as its code point, `U+001B`, the notation
 *   the log formatter already used: readable, and never taken for the character itself.
 * - Cut: a text longer than its maximum (in characters as the terminal draws them, graphemes)
 *   keeps its beginning and ends with `…`. Only a prefix of a huge text is ever looked at, so
 *   a 5 MB message costs what a short one costs.
 */

/** What is never written raw to a terminal (see above). */
export const UNPRINTABLE = /[\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}]|\p{Cs}/u;
const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE.source, 'gu');

/** The most characters of one outside text a message shows, unless told otherwise. */
export const SHOWN_TEXT_MAX = 200;

const ELLIPSIS = '…';
/**
 * Made at the first text that needs cutting, not at load: an `Intl.Segmenter` costs 15 to 30 ms
 * to make (ICU's break rules), and every command loads this module (issue 16: `status --json`).
 */
let graphemes: Intl.Segmenter | null = null;

/** `U+001B` for ESC: what replaces an unprintable character. */
function codePoint(character: string): string {
	const code = character.codePointAt(0) ?? 0;
	return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Unprintable characters written as their code points; nothing cut. */
export function visible(text: string): string {
	return text.replace(UNPRINTABLE_ALL, codePoint);
}

/**
 * Outside text as a terminal may show it: unprintable characters made visible, and cut to
 * `max` characters with an ellipsis (a character made visible counts as the characters of its
 * code point, and is never cut in two). Anything that is not a string shows its string form.
 */
export function safeText(text: unknown, max: number = SHOWN_TEXT_MAX): string {
	const value = typeof text === 'string' ? text : String(text);
	if (value.length <= max && isPrintable(value)) {
		return value;
	}
	// Only a prefix is looked at: it holds more than `max` characters unless they are graphemes
	// of many code units, and then the text is cut at its end all the same.
	const budget = max * 4 + 8;
	let head = value.length > budget ? value.slice(0, budget) : value;
	if (head.length < value.length && /[\uD800-\uDBFF]$/.test(head)) {
		head = head.slice(0, -1);
	}
	const parts: string[] = [];
	const widths: number[] = [];
	let used = 0;
	let isCut = head.length < value.length;
	graphemes ??= new Intl.Segmenter('en', {granularity: 'grapheme'});
	for (const {segment} of graphemes.segment(head)) {
		const isPlain = isPrintable(segment);
		const shown = isPlain ? segment : visible(segment);
		const width = isPlain ? 1 : shown.length;
		if (used + width > max) {
			isCut = true;
			break;
		}
		parts.push(shown);
		widths.push(width);
		used += width;
	}
	if (!isCut) {
		return parts.join('');
	}
	// Room for the ellipsis.
	while (parts.length > 0 && used + 1 > max) {
		parts.pop();
		used -= widths.pop() ?? 0;
	}
	return `${parts.join('')}${ELLIPSIS}`;
}

/** Whether a text holds anything `visible` would rewrite. */
export function isPrintable(text: string): boolean {
	return !UNPRINTABLE.test(text);
}

/**
 * Text of several lines written to a terminal (a message of ours that quotes outside text):
 * line breaks kept, every other unprintable character made visible, nothing cut.
 */
export function terminalText(text: string): string {
	return text
		.split(/\r?\n/)
		.map((line) => visible(line))
		.join('\n');
}

/**
 * A URL as a message may show it: its password masked (`postgres://app:***@db/licenses`), and
 * the rest made safe (issue 10 point 13: a password in a store or server URL is never echoed).
 * A password may hold what a URL does not allow there (`/`, `@`): everything up to the last `@`
 * before the query is masked, a path with an `@` in it too rather than a piece of a password.
 */
export function shownUrl(url: string): string {
	const masked = url.replace(
		/^([a-z][a-z\d+.-]*:\/\/)([^?#]*)@/i,
		(_whole, scheme: string, userinfo: string) => {
			const colon = userinfo.indexOf(':');
			return colon === -1
				? `${scheme}${userinfo}@`
				: `${scheme}${userinfo.slice(0, colon)}:***@`;
		},
	);
	return safeText(masked, 300);
}
