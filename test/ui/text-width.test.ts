/**
 * textColumns (source/ui/text-width.ts: issue 16, keystroke to frame) counts as string-width,
 * which Ink measures with, for any text: ASCII with the table's glyphs, colour sequences,
 * combining accents, joiners and emoji sequences, Hangul, flags, wide characters, controls and
 * other escape sequences, line separators.
 */
import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {textColumns} from '../../source/ui/text-width.js';

const PIECES = [
	'K0190',
	' ',
	'↻',
	'—',
	'–',
	'›',
	'·',
	'●',
	'▲',
	'…',
	'é',
	'Ä',
	'\u00A0',
	'\u00AD',
	'\u0301',
	'\u20DD',
	'\u200D',
	'\uFE0F',
	'\u2028',
	'\u2060',
	'\u0600',
	'\u0D4E',
	'\u1100',
	'\u1161',
	'한',
	'中',
	'ｱ',
	'\uFF9E',
	'😀',
	'👍🏽',
	'🇫🇷',
	'❤',
	'\t',
	'\r',
	'\n',
	'\u0007',
	'\u001B[31m',
	'\u001B[1;38;5;208m',
	'\u001B[m',
	'\u001B[0m',
	'\u001B[12345m',
	'\u001B]8;;https://x.test\u0007',
	'\u001B\\',
	'\u009B31m',
	'\u001B',
	'[',
	'm',
];

describe('issue 16: text widths without string-width for the usual texts', () => {
	it('textColumns counts as string-width for any text', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.oneof(
						fc.constantFrom(...PIECES),
						// Any character of the ranges counted alone, beside any other.
						fc
							.integer({min: 0xa0, max: 0x2bff})
							.map((code) => String.fromCharCode(code)),
					),
					{maxLength: 10},
				),
				(pieces) => {
					const text = pieces.join('');
					expect(textColumns(text)).toBe(stringWidth(text));
				},
			),
			{numRuns: 3000},
		);
	});

	it('a table row with its glyphs and colours, and every character it allows alone', () => {
		const row =
			' K0190  \u001B[32mActive\u001B[39m  2027-01-04  ↻ 2027-08-12 · ›';
		expect(textColumns(row)).toBe(stringWidth(row));
		for (let code = 0xa0; code <= 0x2bff; code++) {
			const char = String.fromCharCode(code);
			expect(textColumns(`a${char}b`), code.toString(16)).toBe(
				stringWidth(`a${char}b`),
			);
		}
	});
});
