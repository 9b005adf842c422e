/**
 * string-width's answer, sooner for the texts the dashboard draws (issue 16, keystroke to
 * frame). string-width takes a fast path for printable ASCII only: one `↻`, `—`, `›` or `·` in a
 * row and the whole text goes through Intl.Segmenter, about a microsecond a character, for
 * every text Ink measures that changed since the frame before (the selected row, the position
 * line...). Here a text of printable ASCII and characters that are always a grapheme of their
 * own, between SGR colour sequences, is summed character by character, each such character's
 * width being string-width's of it alone; any other text goes to string-width whole.
 */
import stringWidth from 'string-width';

/** Colour and style sequences (SGR), which string-width strips as ANSI codes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape sequence is what it finds.
const SGR = /\u001B\[(?:\d{1,3}(?:;\d{1,3})*)?m/g;

/**
 * Latin-1 to Armenian, and general punctuation to the miscellaneous symbols and arrows: no
 * character there joins its neighbours into one grapheme (no Prepend, Hangul, regional
 * indicator or joiner), once marks, controls, format characters and line or paragraph
 * separators are left out.
 */
const ALONE_RANGE = /^[\u00A0-\u058F\u2010-\u2BFF]$/;
const NOT_ALONE = /[\p{M}\p{C}\p{Zl}\p{Zp}]/u;

/** A character's width when it is a grapheme of its own, or -1: the text goes to string-width. */
const aloneWidths = new Map<number, number>();

function aloneWidth(code: number): number {
	let width = aloneWidths.get(code);
	if (width === undefined) {
		const char = String.fromCharCode(code);
		width =
			ALONE_RANGE.test(char) && !NOT_ALONE.test(char) ? stringWidth(char) : -1;
		aloneWidths.set(code, width);
	}
	return width;
}

/** Terminal columns of `text`, as string-width counts them (ANSI codes count none). */
export function textColumns(text: string): number {
	const plain = text.includes('\u001B') ? text.replace(SGR, '') : text;
	let width = 0;
	for (let index = 0; index < plain.length; index++) {
		const code = plain.charCodeAt(index);
		if (code >= 0x20 && code <= 0x7e) {
			width++;
			continue;
		}
		const alone = aloneWidth(code);
		if (alone < 0) return stringWidth(text);
		width += alone;
	}
	return width;
}
