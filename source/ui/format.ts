/**
 * Text helpers for the dashboard: dates in the admin's language, and the word wrapping the
 * layout relies on. Every wrapped text is cut into lines here, not by Ink, so the screen knows
 * exactly how many rows each part takes and can give the rest to the content (nothing spills
 * past the bottom row at 80×24). Widths are terminal columns, measured as `string-width` (Ink's)
 * measures them: '株' takes two, 'é' one.
 */
import {maskKey} from '../engine/keys.js';
import type {Lang} from '../i18n/index.js';
import {bounded} from './bounded-cache.js';
import {textColumns} from './text-width.js';

const LOCALES: Record<Lang, string> = {en: 'en-GB', fr: 'fr-FR'};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
	lang: Lang,
	timeZone: string | undefined,
	options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
	const id = `${lang}|${timeZone ?? ''}|${JSON.stringify(options)}`;
	let cached = formatters.get(id);
	if (!cached) {
		cached = new Intl.DateTimeFormat(LOCALES[lang], {
			...options,
			...(timeZone ? {timeZone} : {}),
		});
		formatters.set(id, cached);
	}
	return cached;
}

/** "4 Jan 2027" / "4 janv. 2027". */
export function formatDate(at: number, lang: Lang, timeZone?: string): string {
	return formatter(lang, timeZone, {dateStyle: 'medium'}).format(at);
}

/** "09:00": 24 hours in both languages. */
function formatTime(at: number, lang: Lang, timeZone?: string): string {
	return formatter(lang, timeZone, {
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	}).format(at);
}

/** "4 Jan 2027 09:00" / "4 janv. 2027 09:00". */
export function formatDateTime(
	at: number,
	lang: Lang,
	timeZone?: string,
): string {
	return `${formatDate(at, lang, timeZone)} ${formatTime(at, lang, timeZone)}`;
}

/** "2027-01-04": the compact, unambiguous form the tables use (aligned columns). */
export function formatIsoDate(at: number, timeZone?: string): string {
	// Kept: the table's rows share their dates (issue 16, a row scrolled in costs less).
	const key = `${timeZone ?? ''}|${at}`;
	let date = isoDates.get(key);
	if (date === undefined) {
		if (isoDates.size >= DATES_KEPT) isoDates.clear();
		date = isoDateOf(at, timeZone);
		isoDates.set(key, date);
	}
	return date;
}

const isoDates = new Map<string, string>();
const DATES_KEPT = 4096;

function isoDateOf(at: number, timeZone: string | undefined): string {
	const parts = formatter('en', timeZone, {
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).formatToParts(at);
	const get = (type: string) =>
		parts.find((part) => part.type === type)?.value ?? '';
	return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "2027-01-04 09:00" for the event log. */
export function formatIsoDateTime(at: number, timeZone?: string): string {
	return `${formatIsoDate(at, timeZone)} ${formatTime(at, 'en', timeZone)}`;
}

/**
 * Terminal columns a text takes (two for a wide character such as '株', as Ink counts). Widths
 * already measured are kept (4,096 at most): a frame asks for the same cells and glyphs (—, ↻, ›,
 * ·) every key, and string-width's path for any non-ASCII text is slow (issue 16).
 */
export const textWidth: (text: string) => number = bounded(4096, textColumns);

const graphemes = new Intl.Segmenter('en', {granularity: 'grapheme'});

/** The characters of a text as the terminal draws them (a letter and its accent together). */
export function charsOf(text: string): string[] {
	return Array.from(graphemes.segment(text), (part) => part.segment);
}

/** The longest start of `chars` that fits in `width` columns. */
function fitting(chars: readonly string[], width: number): string[] {
	const kept: string[] = [];
	let used = 0;
	for (const char of chars) {
		used += textWidth(char);
		if (used > width) break;
		kept.push(char);
	}
	return kept;
}

/** Cuts a text to `width` columns, ending with '…' when something was cut. */
export function truncate(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}
	if (textWidth(text) <= width) {
		return text;
	}
	return `${fitting(charsOf(text), width - 1).join('')}…`;
}

/** Pads (or truncates) to exactly `width` columns. */
export function padTo(text: string, width: number): string {
	const cut = truncate(text, width);
	return cut + ' '.repeat(Math.max(0, width - textWidth(cut)));
}

/** Pads on the left to `width` columns (numbers in columns). */
export function padLeftTo(text: string, width: number): string {
	const cut = truncate(text, width);
	return ' '.repeat(Math.max(0, width - textWidth(cut))) + cut;
}

/**
 * Word wrap to `width` columns: breaks at spaces, and inside a word only when the word alone is
 * wider than a line, then after a dash where it can (a key breaks between its groups). French
 * punctuation keeps its space and stays with its word ("changé :" never starts a line with ":").
 * Never returns an empty array (an empty text is one empty line).
 */
export function wrapText(text: string, width: number): string[] {
	const limit = Math.max(1, width);
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		for (const word of wordsOf(paragraph)) {
			const needed =
				line === '' ? textWidth(word) : textWidth(line) + 1 + textWidth(word);
			if (needed <= limit) {
				line = line === '' ? word : `${line} ${word}`;
				continue;
			}
			if (line !== '') {
				lines.push(line);
			}
			let chars = charsOf(word);
			while (textWidth(chars.join('')) > limit) {
				// At least one character a line, even one wider than the line.
				const head = fitting(chars, limit);
				const dash = head.lastIndexOf('-');
				const taken = dash > 0 ? dash + 1 : Math.max(1, head.length);
				lines.push(chars.slice(0, taken).join(''));
				chars = chars.slice(taken);
			}
			line = chars.join('');
		}
		lines.push(line);
	}
	return lines;
}

/** Punctuation that French writes after a space and that never starts a line. */
const CLOSING = /^[:;!?»]+[.,]?$/;

/** The words of a paragraph, "mot :" and "« mot" each kept as one. */
function wordsOf(paragraph: string): string[] {
	const words: string[] = [];
	let opening = '';
	for (const word of paragraph.split(' ')) {
		if (word === '«') {
			opening += `${word} `;
			continue;
		}
		const last = words.length - 1;
		if (CLOSING.test(word) && last >= 0 && opening === '')
			words[last] = `${words[last]} ${word}`;
		else words.push(`${opening}${word}`);
		opening = '';
	}
	if (opening !== '') words.push(opening.trimEnd());
	return words;
}

/** Wraps, keeping at most `maxLines` lines; the last kept line ends with '…' when text was cut. */
export function wrapLines(
	text: string,
	width: number,
	maxLines: number,
): string[] {
	const lines = wrapText(text, width);
	if (lines.length <= maxLines) {
		return lines;
	}
	const kept = lines.slice(0, Math.max(1, maxLines));
	const last = kept.length - 1;
	kept[last] = truncate(`${kept[last]} …`, width);
	if (!kept[last]!.endsWith('…')) {
		kept[last] = `${truncate(kept[last]!, width - 1)}…`;
	}
	return kept;
}

const KEY_PATTERN = /\b[0-9A-Z]{5}(?:-[0-9A-Z]{5}){4}\b/g;

/** Keys inside a free text (event details) shown masked, as in the license table. */
export function maskKeysIn(text: string): string {
	return text.replace(KEY_PATTERN, (key) => maskKey(key));
}

/**
 * A license id as the table shows it: the key masked except its last group, with the license's
 * number for installation keys (`•••••-…-QB9AJ/1`). When the column is narrow, the masked
 * groups shrink to '…' so the visible group and the number always show.
 */
export function maskedLicenseId(id: string, width: number): string {
	const [key = '', number] = id.split('/');
	const suffix = number === undefined ? '' : `/${number}`;
	const masked = `${maskKey(key)}${suffix}`;
	if (textWidth(masked) <= width) {
		return masked;
	}
	const lastGroup = masked.slice(masked.lastIndexOf('-') + 1);
	return truncate(`…-${lastGroup}`, width);
}

/**
 * Stable React keys for rows of text: the text itself, numbered when it repeats (two identical
 * rows stay two rows), so keys follow content rather than position.
 */
export function keyedByText<T>(
	items: readonly T[],
	text: (item: T) => string,
): {key: string; item: T}[] {
	const seen = new Map<string, number>();
	return items.map((item) => {
		const base = text(item);
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		return {key: count === 0 ? base : `${base}#${count}`, item};
	});
}
