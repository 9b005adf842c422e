/**
 * License keys (SPEC §3): 25 symbols of Crockford base32 in five groups of five,
 * `XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`.
 *
 * - Symbol 1 tells the kind: `N` installation key, `K` license key.
 * - Symbols 2 to 24 are random (23 × 5 = 115 bits).
 * - Symbol 25 is a check symbol.
 *
 * The check: each symbol is a 5-bit value, read as an element of GF(32) = GF(2)[x]/(x^5+x^2+1).
 * A key is valid when Σ w_i·s_i = 0 over its 25 positions, with w_i = α^(24−i), α = x.
 * x^5+x^2+1 is irreducible and 31 is prime, so α has order 31: the 25 weights are nonzero and
 * pairwise distinct, and the last one is α^0 = 1 (so the check symbol is the sum of the others).
 * - A substitution s → s' at position i changes the sum by w_i·(s − s'), nonzero because a
 *   field has no zero divisors: always detected.
 * - A swap of different symbols a, b at positions i, j changes it by (w_i − w_j)·(a − b),
 *   nonzero because the weights differ: always detected (adjacent swaps included, which is
 *   what SPEC §3 asks; any other transposition too).
 * test/keys.test.ts checks both exhaustively on random minted keys.
 */
import type {KeyKind} from './types.js';

export const KEY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export type ParsedKey = {key: string; kind: KeyKind};
export type KeyErrorCode =
	| 'empty'
	| 'length'
	| 'symbol'
	| 'checksum'
	| 'kind'
	| 'wrong-kind';
export type KeyError = {code: KeyErrorCode; input: string; message: string};

const KEY_LENGTH = 25;
const GROUP_LENGTH = 5;
const RANDOM_SYMBOLS = KEY_LENGTH - 2;
const KIND_SYMBOL: Record<KeyKind, string> = {installation: 'N', license: 'K'};
/** x^5 + x^2 + 1 */
const FIELD_POLYNOMIAL = 0b100101;

function gfMultiply(a: number, b: number): number {
	let product = 0;
	let left = a;
	for (let right = b; right > 0; right >>= 1) {
		if (right & 1) product ^= left;
		left <<= 1;
		if (left & 0b100000) left ^= FIELD_POLYNOMIAL;
	}
	return product;
}

/** w_i = α^(24−i): WEIGHTS[24] = 1, WEIGHTS[23] = α, ... */
const WEIGHTS: readonly number[] = (() => {
	const weights = new Array<number>(KEY_LENGTH);
	let power = 1;
	for (let i = KEY_LENGTH - 1; i >= 0; i--) {
		weights[i] = power;
		power = gfMultiply(power, 0b10);
	}
	return weights;
})();

const SYMBOL_VALUE = new Map<string, number>(
	[...KEY_ALPHABET].map((symbol, value) => [symbol, value]),
);

/** Σ w_i·s_i over the symbols given (addition in GF(32) is XOR). Symbols must be in the alphabet. */
function weightedSum(symbols: string): number {
	let sum = 0;
	for (let i = 0; i < symbols.length; i++) {
		sum ^= gfMultiply(WEIGHTS[i] ?? 0, SYMBOL_VALUE.get(symbols[i] ?? '') ?? 0);
	}
	return sum;
}

/** The 25th symbol for 24 symbols: with weight 1 and characteristic 2, minus is plus. */
function checkSymbolFor(body: string): string {
	return KEY_ALPHABET[weightedSum(body)] ?? '0';
}

/** Spaces (any Unicode space) and dashes (including the en dash and minus sign a PDF or a word
 * processor may turn a hyphen into) separate groups and are ignored. */
const SEPARATOR = /[\s\p{Pd}\u2212]/u;
const LOOK_ALIKES: Record<string, string> = {O: '0', I: '1', L: '1'};

/**
 * The symbols of an input: separators removed, ASCII letters uppercased, O→0, I/L→1.
 * Other characters are kept as they are (so `parseKey` can name them); the result may have any
 * length. Only ASCII is uppercased: `'ß'.toUpperCase()` is `SS`, which would invent symbols.
 */
export function normalizeKey(input: string): string {
	let symbols = '';
	// Lone surrogates become U+FFFD first: dropping a separator between two halves would
	// otherwise join them into a new character (a dash, even), and normalising twice would differ.
	for (const char of input.toWellFormed()) {
		if (SEPARATOR.test(char)) continue;
		const upper = char >= 'a' && char <= 'z' ? char.toUpperCase() : char;
		symbols += LOOK_ALIKES[upper] ?? upper;
	}
	return symbols;
}

/** Normalises, then writes the symbols in groups of five joined by dashes. */
export function formatKey(symbols: string): string {
	const normalized = [...normalizeKey(symbols)];
	const groups: string[] = [];
	for (let i = 0; i < normalized.length; i += GROUP_LENGTH) {
		groups.push(normalized.slice(i, i + GROUP_LENGTH).join(''));
	}
	return groups.join('-');
}

const MAX_QUOTED = 48;

/** The input as a message shows it: trimmed, one line, at most 48 characters. */
function quote(input: string): string {
	const oneLine = input
		.trim()
		.replace(/\s+/gu, ' ')
		.replace(/\p{Cc}/gu, '?');
	const chars = [...oneLine];
	const shown =
		chars.length > MAX_QUOTED
			? `${chars.slice(0, MAX_QUOTED - 1).join('')}…`
			: oneLine;
	return `"${shown}"`;
}

/** A symbol as a person can read it: control and invisible characters by their code point. */
function showSymbol(symbol: string): string {
	return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(symbol)
		? `"${symbol}"`
		: `U+${(symbol.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function failure(
	code: KeyErrorCode,
	input: string,
	message: string,
): {ok: false; error: KeyError} {
	return {ok: false, error: {code, input, message}};
}

function kindOf(firstSymbol: string): KeyKind | undefined {
	if (firstSymbol === KIND_SYMBOL.installation) return 'installation';
	if (firstSymbol === KIND_SYMBOL.license) return 'license';
	return undefined;
}

/**
 * Reads a key as typed (R3). Checks, in order: something was typed, every symbol is in the
 * alphabet, there are 25 of them, the first one names a kind, the check symbol matches, and the
 * kind is the one expected. Never throws.
 */
export function parseKey(
	input: string,
	options: {
		/** The kind this flow accepts; a key of the other kind is refused with `wrong-kind`.
		 * @default undefined (both kinds) */
		expect?: KeyKind;
	} = {},
): {ok: true; value: ParsedKey} | {ok: false; error: KeyError} {
	const symbols = [...normalizeKey(input)];
	const shape = `a key has ${KEY_LENGTH} symbols (5 groups of 5), like KXXXX-XXXXX-XXXXX-XXXXX-XXXXX`;

	if (symbols.length === 0) {
		const message =
			input.trim() === ''
				? `No key was typed: ${shape}.`
				: `${quote(input)} holds no key symbols: ${shape}.`;
		return failure('empty', input, message);
	}

	const badIndex = symbols.findIndex((symbol) => !SYMBOL_VALUE.has(symbol));
	if (badIndex >= 0) {
		const position = badIndex + 1;
		const group = Math.ceil(position / GROUP_LENGTH);
		return failure(
			'symbol',
			input,
			`${quote(input)}: the symbol ${showSymbol(symbols[badIndex]!)} at position ${position} (group ${group}) is not used in keys. Keys use only the digits 0-9 and the letters A-Z except U.`,
		);
	}

	if (symbols.length !== KEY_LENGTH) {
		const isShort = symbols.length < KEY_LENGTH;
		const hint = isShort
			? ' Check that no symbol is missing.'
			: ' Check for an extra symbol, or put several keys on separate lines or between commas.';
		return failure(
			'length',
			input,
			`${quote(input)} is too ${isShort ? 'short' : 'long'}: a key has ${KEY_LENGTH} symbols (5 groups of 5), this has ${symbols.length}.${hint}`,
		);
	}

	const normalized = symbols.join('');
	const key = formatKey(normalized);
	const kind = kindOf(normalized[0] ?? '');
	if (kind === undefined) {
		return failure(
			'kind',
			input,
			`${quote(input)} is not a MyQ key: keys start with N (installation key) or K (license key), this one starts with "${normalized[0]}".`,
		);
	}

	if (weightedSum(normalized) !== 0) {
		return failure(
			'checksum',
			input,
			`${quote(input)} has a typo: its check symbol does not match. Check each symbol against your license document.`,
		);
	}

	if (options.expect !== undefined && options.expect !== kind) {
		const expected = options.expect;
		return failure(
			'wrong-kind',
			input,
			`"${key}" is ${article(kind)} ${describeKeyKind(kind, 'en')}, not ${article(expected)} ${describeKeyKind(expected, 'en')}. Enter ${article(expected)} ${describeKeyKind(expected, 'en')} here (it starts with ${KIND_SYMBOL[expected]}).`,
		);
	}

	return {ok: true, value: {key, kind}};
}

function article(kind: KeyKind): string {
	return kind === 'installation' ? 'an' : 'a';
}

export function isKey(input: string): boolean {
	return parseKey(input).ok;
}

/**
 * A new valid key of the given kind, formatted. Deterministic given `randomBytes` (the vendor
 * passes `crypto.randomBytes`, tests a seeded source). Asks for 23 bytes and uses 5 bits of each;
 * 256 is a multiple of 32, so every symbol is equally likely.
 */
export function mintKey(
	kind: KeyKind,
	randomBytes: (size: number) => Uint8Array,
): string {
	const bytes = randomBytes(RANDOM_SYMBOLS);
	if (bytes.length < RANDOM_SYMBOLS) {
		// A broken random source is a programming error, not bad input.
		throw new RangeError(
			`mintKey needs ${RANDOM_SYMBOLS} random bytes, the source gave ${bytes.length}.`,
		);
	}
	let body = KIND_SYMBOL[kind];
	for (let i = 0; i < RANDOM_SYMBOLS; i++) {
		body += KEY_ALPHABET[(bytes[i] ?? 0) & 0b11111];
	}
	return formatKey(body + checkSymbolFor(body));
}

/**
 * R3: the raw key texts in a field holding one or several keys. Commas, semicolons and new lines
 * always separate. Within a segment, whitespace-separated tokens are joined while together they
 * make one key written with spaces between its groups (until they reach 25 symbols); a token of
 * 25 symbols or more stands alone. Leftovers are returned as typed, so `parseKey` names them.
 * Pieces with no symbol at all (a lone dash used as a bullet) are dropped.
 */
export function splitKeyList(text: string): string[] {
	const pieces: string[] = [];
	const keep = (piece: string) => {
		if (normalizeKey(piece) !== '') pieces.push(piece);
	};
	for (const segment of text.split(/[,;\n\r\u2028\u2029]/u)) {
		let start = -1;
		let end = -1;
		let count = 0;
		const flush = () => {
			if (start >= 0) keep(segment.slice(start, end));
			start = -1;
			count = 0;
		};
		for (const match of segment.matchAll(/\S+/gu)) {
			const token = match[0];
			const tokenStart = match.index;
			const tokenEnd = tokenStart + token.length;
			const length = [...normalizeKey(token)].length;
			if (length >= KEY_LENGTH) {
				flush();
				keep(token);
				continue;
			}
			if (start < 0) start = tokenStart;
			end = tokenEnd;
			count += length;
			if (count >= KEY_LENGTH) flush();
		}
		flush();
	}
	return pieces;
}

/** '•••••-•••••-•••••-•••••-ABCDE': every group but the last masked, for screens and logs. */
export function maskKey(key: string): string {
	const symbols = [...normalizeKey(key)];
	const visibleFrom = Math.max(0, symbols.length - GROUP_LENGTH);
	const masked = symbols.map((symbol, i) => (i < visibleFrom ? '•' : symbol));
	const groups: string[] = [];
	for (let i = 0; i < masked.length; i += GROUP_LENGTH) {
		groups.push(masked.slice(i, i + GROUP_LENGTH).join(''));
	}
	return groups.join('-');
}

const KIND_NAMES: Record<'fr' | 'en', Record<KeyKind, string>> = {
	en: {installation: 'installation key', license: 'license key'},
	fr: {installation: 'clé d’installation', license: 'clé de licence'},
};

export function describeKeyKind(kind: KeyKind, lang: 'fr' | 'en'): string {
	return KIND_NAMES[lang][kind];
}
