import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	describeKeyKind,
	formatKey,
	isKey,
	KEY_ALPHABET,
	type KeyErrorCode,
	maskKey,
	mintKey,
	normalizeKey,
	parseKey,
	splitKeyList,
} from '../source/engine/keys.js';
import type {KeyKind} from '../source/engine/types.js';

/** A random source that replays fixed bytes, so examples are stable. */
function bytesFrom(values: number[]): (size: number) => Uint8Array {
	return (size) =>
		Uint8Array.from({length: size}, (_, i) => values[i % values.length] ?? 0);
}

const installationKey = mintKey(
	'installation',
	bytesFrom([3, 141, 59, 26, 53, 58, 97, 93, 238, 46]),
);
const licenseKey = mintKey(
	'license',
	bytesFrom([27, 182, 81, 82, 84, 59, 4, 52, 87, 47]),
);
const KEY_SHAPE = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/;

function symbolsOf(key: string): string[] {
	return [...key.replaceAll('-', '')];
}

function errorOf(input: string, options?: {expect?: KeyKind}) {
	const result = parseKey(input, options);
	if (result.ok)
		throw new Error(`expected ${JSON.stringify(input)} to be refused`);
	return result.error;
}

describe('SPEC §3 key format', () => {
	it('uses the Crockford base32 alphabet: digits and letters without I, L, O, U', () => {
		expect(KEY_ALPHABET).toBe('0123456789ABCDEFGHJKMNPQRSTVWXYZ');
		expect(new Set(KEY_ALPHABET).size).toBe(32);
	});

	it('mints formatted keys whose first symbol tells the kind', () => {
		expect(installationKey).toMatch(KEY_SHAPE);
		expect(licenseKey).toMatch(KEY_SHAPE);
		expect(installationKey[0]).toBe('N');
		expect(licenseKey[0]).toBe('K');
		expect(parseKey(installationKey)).toEqual({
			ok: true,
			value: {key: installationKey, kind: 'installation'},
		});
		expect(parseKey(licenseKey)).toEqual({
			ok: true,
			value: {key: licenseKey, kind: 'license'},
		});
	});

	it('mints the same key from the same random bytes, and asks for 23 of them', () => {
		const sizes: number[] = [];
		const source = (size: number) => {
			sizes.push(size);
			return new Uint8Array(size).fill(7);
		};
		expect(mintKey('license', source)).toBe(mintKey('license', source));
		expect(sizes).toEqual([23, 23]);
		expect(mintKey('installation', source)).not.toBe(
			mintKey('license', source),
		);
	});

	it('refuses a random source that gives too few bytes', () => {
		expect(() => mintKey('license', () => new Uint8Array(3))).toThrow(
			/23 random bytes/,
		);
	});
});

describe('SPEC §3 normalisation', () => {
	const symbols = installationKey.replaceAll('-', '');
	const lower = installationKey.toLowerCase();

	it.each([
		['formatted', installationKey],
		['lower case', lower],
		[
			'mixed case',
			[...installationKey]
				.map((c, i) => (i % 2 ? c.toLowerCase() : c))
				.join(''),
		],
		['no dashes', symbols],
		['spaces between groups', installationKey.replaceAll('-', ' ')],
		['surrounding spaces and tabs', `  \t${installationKey} \n`],
		['a missing dash', installationKey.replace('-', '')],
		[
			'extra dashes',
			`-${symbols.slice(0, 3)}--${symbols.slice(3, 17)}-${symbols.slice(17)}-`,
		],
		['dashes in the wrong places', symbols.replace(/(.{4})/g, '$1-')],
		['en dashes from a word processor', installationKey.replaceAll('-', '–')],
		['spaces inside groups', [...symbols].join(' ')],
	])('reads a key typed with %s', (_, typed) => {
		expect(parseKey(typed)).toEqual({
			ok: true,
			value: {key: installationKey, kind: 'installation'},
		});
	});

	it('maps O to 0 and I, L to 1, in either case', () => {
		expect(normalizeKey('oOiIlL01')).toBe('00111101');
		expect(normalizeKey('k0a1-b2c3 d4')).toBe('K0A1B2C3D4');
	});

	it('reads a key whose 0 and 1 were typed as O, I or L', () => {
		const withLookAlikes = mintKey('license', bytesFrom([0, 1, 0, 1, 0]));
		expect(withLookAlikes).toMatch(/0.*1|1.*0/);
		let i = 0;
		const typed = withLookAlikes.replace(
			/[01]/g,
			(c) => (c === '0' ? 'oO'[i++ % 2] : 'IlL'[i++ % 3]) ?? c,
		);
		expect(typed).not.toBe(withLookAlikes);
		expect(parseKey(typed)).toEqual({
			ok: true,
			value: {key: withLookAlikes, kind: 'license'},
		});
	});

	it('keeps characters that are not symbols, so they can be named', () => {
		expect(normalizeKey('ab-u#é')).toBe('ABU#é');
		// only ASCII is uppercased: 'ß' must not become the two symbols SS
		expect(normalizeKey('ß')).toBe('ß');
		expect(normalizeKey('')).toBe('');
	});

	it('lone-surrogates-joined-by-a-dropped-separator: two halves around a space stay two', () => {
		// U+D803 U+DD6E together are U+10D6E, a dash (Pd): joining them made a separator, so a
		// second normalisation gave '' where the first gave one character (found by fuzzing).
		const normalized = normalizeKey('\ud803 \udd6e');
		expect(normalized).toBe('\ufffd\ufffd');
		expect(normalizeKey(normalized)).toBe(normalized);
	});
});

describe('SPEC §3 formatting and masking', () => {
	it('formats 25 symbols as five groups of five', () => {
		expect(formatKey('NABCDEFGHJKMNPQRSTVWXYZ01')).toBe(
			'NABCD-EFGHJ-KMNPQ-RSTVW-XYZ01',
		);
		expect(formatKey('nabcd efghj-kmnpq  rstvw xyzo1')).toBe(
			'NABCD-EFGHJ-KMNPQ-RSTVW-XYZ01',
		);
	});

	it('masks every group but the last', () => {
		expect(maskKey('NABCD-EFGHJ-KMNPQ-RSTVW-XYZ01')).toBe(
			'•••••-•••••-•••••-•••••-XYZ01',
		);
		expect(maskKey(licenseKey)).toBe(
			`•••••-•••••-•••••-•••••-${licenseKey.slice(-5)}`,
		);
		expect(maskKey('nabcdefghjkmnpqrstvwxyz01')).toBe(
			'•••••-•••••-•••••-•••••-XYZ01',
		);
	});

	it('names the kinds in French and English', () => {
		expect(describeKeyKind('installation', 'en')).toBe('installation key');
		expect(describeKeyKind('license', 'en')).toBe('license key');
		expect(describeKeyKind('installation', 'fr')).toBe('clé d’installation');
		expect(describeKeyKind('license', 'fr')).toBe('clé de licence');
	});
});

describe('SPEC §3 errors name the input and say what to do', () => {
	const symbols = symbolsOf(licenseKey);
	const withFirst = (first: string) => [first, ...symbols.slice(1)].join('');
	// A substitution in the middle of a license key: still starts with K, so the checksum speaks.
	const typo = [
		...symbols.slice(0, 10),
		symbols[10] === 'A' ? 'B' : 'A',
		...symbols.slice(11),
	].join('');

	it.each<[string, string, KeyErrorCode, string]>([
		[
			'nothing',
			'',
			'empty',
			'No key was typed: a key has 25 symbols (5 groups of 5), like KXXXX-XXXXX-XXXXX-XXXXX-XXXXX.',
		],
		[
			'spaces only',
			'   ',
			'empty',
			'No key was typed: a key has 25 symbols (5 groups of 5), like KXXXX-XXXXX-XXXXX-XXXXX-XXXXX.',
		],
		[
			'dashes only',
			'-----',
			'empty',
			'"-----" holds no key symbols: a key has 25 symbols (5 groups of 5), like KXXXX-XXXXX-XXXXX-XXXXX-XXXXX.',
		],
		[
			'too few symbols',
			'NABCD-1234',
			'length',
			'"NABCD-1234" is too short: a key has 25 symbols (5 groups of 5), this has 9. Check that no symbol is missing.',
		],
		[
			'too many symbols',
			`${licenseKey}-ABCDE`,
			'length',
			`"${licenseKey}-ABCDE" is too long: a key has 25 symbols (5 groups of 5), this has 30. Check for an extra symbol, or put several keys on separate lines or between commas.`,
		],
		[
			'a U',
			'NABCD-EUGHJ-KMNPQ-RSTVW-XYZ01',
			'symbol',
			'"NABCD-EUGHJ-KMNPQ-RSTVW-XYZ01": the symbol "U" at position 7 (group 2) is not used in keys. Keys use only the digits 0-9 and the letters A-Z except U.',
		],
		[
			'punctuation',
			'NABCD.EFGHJ',
			'symbol',
			'"NABCD.EFGHJ": the symbol "." at position 6 (group 2) is not used in keys. Keys use only the digits 0-9 and the letters A-Z except U.',
		],
		[
			'an unknown first symbol',
			withFirst('X'),
			'kind',
			`"${withFirst('X')}" is not a MyQ key: keys start with N (installation key) or K (license key), this one starts with "X".`,
		],
		[
			'a typo',
			typo,
			'checksum',
			`"${typo}" has a typo: its check symbol does not match. Check each symbol against your license document.`,
		],
	])('refuses %s', (_, input, code, message) => {
		expect(errorOf(input)).toEqual({code, input, message});
		expect(isKey(input)).toBe(false);
	});

	it('shortens a long input and keeps it on one line', () => {
		const input = `${'A'.repeat(60)}\n${'B'.repeat(10)}`;
		const {message} = errorOf(input);
		expect(message).toMatch(/^"A{47}…" is too long: .* this has 70\./);
		expect(message).not.toContain('\n');
	});

	it('says what kind a key typed into the wrong flow is', () => {
		expect(errorOf(installationKey, {expect: 'license'})).toEqual({
			code: 'wrong-kind',
			input: installationKey,
			message: `"${installationKey}" is an installation key, not a license key. Enter a license key here (it starts with K).`,
		});
		expect(errorOf(licenseKey.toLowerCase(), {expect: 'installation'})).toEqual(
			{
				code: 'wrong-kind',
				input: licenseKey.toLowerCase(),
				message: `"${licenseKey}" is a license key, not an installation key. Enter an installation key here (it starts with N).`,
			},
		);
	});

	it('accepts a key of the expected kind', () => {
		expect(parseKey(installationKey, {expect: 'installation'}).ok).toBe(true);
		expect(parseKey(licenseKey, {expect: 'license'}).ok).toBe(true);
		expect(isKey(licenseKey)).toBe(true);
	});
});

describe('R3 splitKeyList', () => {
	const [a, b, c] = [
		installationKey,
		licenseKey,
		mintKey('license', bytesFrom([200, 13, 77])),
	];

	it.each<[string, string, string[]]>([
		['one key', a, [a]],
		['commas', `${a},${b}, ${c}`, [a, b, c]],
		['semicolons', `${a};${b}`, [a, b]],
		['new lines, blank lines and CRLF', `${a}\r\n\n${b}\n`, [a, b]],
		[
			'several keys on one line separated by spaces',
			`${a} ${b}\t${c}`,
			[a, b, c],
		],
		[
			'a key written with spaced groups',
			a.replaceAll('-', ' '),
			[a.replaceAll('-', ' ')],
		],
		[
			'two keys written with spaced groups on one line',
			`${a.replaceAll('-', ' ')}   ${b.replaceAll('-', ' ')}`,
			[a.replaceAll('-', ' '), b.replaceAll('-', ' ')],
		],
		[
			'a spaced key beside a dashed key',
			`${a} ${b.replaceAll('-', ' ')}`,
			[a, b.replaceAll('-', ' ')],
		],
		[
			'a key split unevenly by a space',
			`${a.slice(0, 13)} ${a.slice(13)}`,
			[`${a.slice(0, 13)} ${a.slice(13)}`],
		],
		['bullets', `- ${a}\n- ${b}`, [a, b]],
		['nothing', '', []],
		['only separators', ' ,\n; , ', []],
	])('splits %s', (_, text, keys) => {
		expect(splitKeyList(text)).toEqual(keys);
	});

	it('returns leftovers as typed, so parseKey refuses them by name', () => {
		const pieces = splitKeyList(`NABCD 1234 ${b}, garbage`);
		expect(pieces).toEqual(['NABCD 1234', b, 'garbage']);
		expect(pieces.map((piece) => parseKey(piece).ok)).toEqual([
			false,
			true,
			false,
		]);
		expect(errorOf('NABCD 1234').code).toBe('length');
	});

	it('leaves every key of a pasted list readable by parseKey', () => {
		const text = `${a}\n${b.toLowerCase().replaceAll('-', ' ')}, ${c.replaceAll('-', '')}`;
		expect(splitKeyList(text).map((piece) => parseKey(piece))).toEqual([
			{ok: true, value: {key: a, kind: 'installation'}},
			{ok: true, value: {key: b, kind: 'license'}},
			{ok: true, value: {key: c, kind: 'license'}},
		]);
	});
});

describe('SPEC §3 check symbol (property tests)', () => {
	const mintedKey = fc
		.record({
			kind: fc.constantFrom<KeyKind>('installation', 'license'),
			bytes: fc.uint8Array({minLength: 23, maxLength: 23}),
		})
		.map(({kind, bytes}) => mintKey(kind, () => bytes));

	it('minted keys are valid, formatted and of their kind', () => {
		fc.assert(
			fc.property(
				fc.constantFrom<KeyKind>('installation', 'license'),
				fc.uint8Array({minLength: 23}),
				(kind, bytes) => {
					const key = mintKey(kind, () => bytes);
					expect(key).toMatch(KEY_SHAPE);
					expect(parseKey(key)).toEqual({ok: true, value: {key, kind}});
				},
			),
			{numRuns: 500},
		);
	});

	it('SPEC §3 (1): every single-symbol substitution at every position to every other symbol is detected', () => {
		fc.assert(
			fc.property(mintedKey, (key) => {
				const symbols = symbolsOf(key);
				for (let position = 0; position < symbols.length; position++) {
					for (const other of KEY_ALPHABET) {
						if (other === symbols[position]) continue;
						const changed = symbols.with(position, other);
						const result = parseKey(formatKey(changed.join('')));
						expect(result.ok).toBe(false);
						if (result.ok) return;
						// The kind check may speak first when the first symbol is no longer N or K;
						// whenever it does not, the check symbol must catch the change.
						const expected =
							other === 'N' || other === 'K' || position > 0
								? 'checksum'
								: 'kind';
						expect(result.error.code).toBe(expected);
					}
				}
			}),
			{numRuns: 200},
		);
	});

	it('SPEC §3 (2): every swap of two adjacent different symbols is detected', () => {
		fc.assert(
			fc.property(mintedKey, (key) => {
				const symbols = symbolsOf(key);
				for (let position = 0; position + 1 < symbols.length; position++) {
					const [left, right] = [
						symbols[position] ?? '',
						symbols[position + 1] ?? '',
					];
					if (left === right) continue;
					const swapped = symbols
						.with(position, right)
						.with(position + 1, left);
					const result = parseKey(swapped.join(''));
					expect(result.ok).toBe(false);
					if (result.ok) return;
					const expected =
						position > 0 || right === 'N' || right === 'K'
							? 'checksum'
							: 'kind';
					expect(result.error.code).toBe(expected);
				}
			}),
			{numRuns: 200},
		);
	});

	it('SPEC §3 (2): detects a swap at the start between N and K through the check symbol', () => {
		// Both orders start with a valid kind symbol, so only the check symbol can tell.
		const key = mintKey('installation', bytesFrom([19, 0]));
		expect(key.slice(0, 2)).toBe('NK');
		expect(errorOf(`KN${key.slice(2)}`).code).toBe('checksum');
	});

	it('SPEC §3 (3): parse(format(key)) round-trips, through any normalisation', () => {
		fc.assert(
			fc.property(
				mintedKey,
				fc.boolean(),
				fc.boolean(),
				(key, isLower, isSpaced) => {
					let typed = formatKey(key);
					if (isLower) typed = typed.toLowerCase();
					if (isSpaced) typed = typed.replaceAll('-', ' ');
					const result = parseKey(typed);
					expect(result.ok && result.value.key).toBe(key);
					expect(result.ok && formatKey(result.value.key)).toBe(key);
				},
			),
			{numRuns: 500},
		);
	});

	it.each([
		['fc.string', fc.string({maxLength: 80})],
		[
			'fc.string of full Unicode (fast-check 4 replacement for fc.fullUnicodeString)',
			fc.string({unit: 'binary', maxLength: 80}),
		],
		['fc.string of graphemes', fc.string({unit: 'grapheme', maxLength: 40})],
		[
			'strings made of key symbols and separators',
			fc.string({
				unit: fc.constantFrom(...KEY_ALPHABET, '-', ' ', 'o', 'l', 'U'),
				maxLength: 40,
			}),
		],
	])(
		'SPEC §3 (3): parse never throws on arbitrary strings (%s)',
		(_, arbitrary) => {
			fc.assert(
				fc.property(
					arbitrary,
					fc.constantFrom<KeyKind | undefined>(
						undefined,
						'installation',
						'license',
					),
					(input, kind) => {
						const result = parseKey(input, kind ? {expect: kind} : {});
						if (result.ok) {
							expect(result.value.key).toMatch(KEY_SHAPE);
							return;
						}
						expect(result.error.input).toBe(input);
						expect(result.error.message.length).toBeGreaterThan(0);
						expect(result.error.message).not.toMatch(/\n|\bat .+:\d+:\d+/);
					},
				),
				{numRuns: 2000},
			);
		},
	);

	it('R3: splitKeyList never loses a key from a list of minted keys joined by any separator', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(mintedKey, fc.constantFrom('-', ' ', '')), {
					minLength: 1,
					maxLength: 6,
				}),
				fc.constantFrom(',', ', ', '\n', '\r\n', ' ', '  ', ';', '\t'),
				(keys, separator) => {
					const text = keys
						.map(([key, dash]) => key.replaceAll('-', dash))
						.join(separator);
					const parsed = splitKeyList(text).map((piece) => parseKey(piece));
					expect(parsed.map((result) => result.ok && result.value.key)).toEqual(
						keys.map(([key]) => key),
					);
				},
			),
		);
	});
});
