/**
 * The Output the bundle gives Ink (source/ui/ink-output.ts, issue 16: keystroke to frame) draws
 * every frame as Ink 6.8's own Output does: the same text for any writes (styles, wide
 * characters, emoji, lines below or left of the grid, past its right edge), clips and
 * transformers, frame after frame with its caches kept between them (rows seen before, on other
 * rows, at other widths). Ink's Output and the functions it imports are loaded from Ink's files,
 * as the bundle loads them.
 */

import fc from 'fast-check';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {
	styledCharsFromTokens,
	styledCharsToString,
	tokenize,
} from '../../node_modules/@alcalzone/ansi-tokenize/build/index.js';
import InkOutput from '../../node_modules/ink/build/output.js';
import inkWidestLine from '../../node_modules/widest-line/index.js';
import {outputClass} from '../../source/ui/ink-output.js';
import widestLine from '../../source/ui/ink-widest-line.js';

const dependencies = {
	sliceAnsi,
	stringWidth,
	tokenize,
	styledCharsFromTokens,
	styledCharsToString,
};

type Transformer = (line: string, index: number) => string;

const TRANSFORMERS: Record<string, Transformer> = {
	upper: (line) => line.toUpperCase(),
	numbered: (line, index) => `${index}:${line}`,
	red: (line) => `\u001B[31m${line}\u001B[39m`,
};

/** Pieces of the texts Ink writes: words, spaces, styles opened and closed, wide characters. */
const piece = fc.constantFrom(
	'K0190',
	'Active',
	' ',
	'   ',
	'↻ 2027-08-12',
	'—',
	'›',
	'·',
	'中文',
	'😀',
	'é',
	'\n',
	'\u001B[1m',
	'\u001B[22m',
	'\u001B[7m',
	'\u001B[27m',
	'\u001B[32m',
	'\u001B[39m',
	'\u001B[2m',
	'\u001B[38;5;208m',
	'\u001B[0m',
);

const text = fc
	.array(piece, {minLength: 0, maxLength: 12})
	.map((pieces) => pieces.join(''));

const bound = fc.option(fc.integer({min: -2, max: 24}), {nil: undefined});

type Operation =
	| {type: 'write'; x: number; y: number; text: string; transformers: string[]}
	| {
			type: 'clip';
			x1: number | undefined;
			x2: number | undefined;
			y1: number | undefined;
			y2: number | undefined;
	  }
	| {type: 'unclip'};

const operation: fc.Arbitrary<Operation> = fc.oneof(
	{
		arbitrary: fc.record({
			type: fc.constant('write' as const),
			x: fc.integer({min: -3, max: 24}),
			y: fc.integer({min: -3, max: 9}),
			text,
			transformers: fc.subarray(Object.keys(TRANSFORMERS)),
		}),
		weight: 6,
	},
	{
		arbitrary: fc.record({
			type: fc.constant('clip' as const),
			x1: bound,
			x2: bound,
			y1: bound,
			y2: bound,
		}),
		weight: 1,
	},
	{arbitrary: fc.record({type: fc.constant('unclip' as const)}), weight: 1},
);

const frame = fc.record({
	width: fc.integer({min: 0, max: 22}),
	height: fc.integer({min: 0, max: 7}),
	operations: fc.array(operation, {maxLength: 10}),
});

type AnyOutput = {
	write(
		x: number,
		y: number,
		text: string,
		options: {transformers: Transformer[]},
	): void;
	clip(clip: Omit<Extract<Operation, {type: 'clip'}>, 'type'>): void;
	unclip(): void;
	get(): {output: string; height: number};
};

function draw(output: AnyOutput, operations: readonly Operation[]) {
	for (const op of operations) {
		if (op.type === 'write') {
			output.write(op.x, op.y, op.text, {
				transformers: op.transformers.map((name) => TRANSFORMERS[name]!),
			});
		} else if (op.type === 'clip') {
			output.clip({x1: op.x1, x2: op.x2, y1: op.y1, y2: op.y2});
		} else {
			output.unclip();
		}
	}
	return output.get();
}

describe("issue 16: Ink's frames built with less work", () => {
	it("the bundle's Output draws each frame as Ink's, its caches kept from frame to frame", () => {
		fc.assert(
			fc.property(fc.array(frame, {minLength: 1, maxLength: 6}), (frames) => {
				// One class for the whole run: its caches carry over, as in the dashboard.
				const Output = outputClass(dependencies);
				for (const {width, height, operations} of frames) {
					const expected = draw(
						new InkOutput({width, height}) as unknown as AnyOutput,
						operations,
					);
					const actual = draw(new Output({width, height}), operations);
					expect(actual).toEqual(expected);
				}
			}),
			{numRuns: 1000},
		);
	});

	it('a row drawn before, now on another row of a scrolled table, is the same text', () => {
		const Output = outputClass(dependencies);
		const rows = Array.from(
			{length: 8},
			(_, index) =>
				`K${index}  \u001B[32mActive\u001B[39m  ↻ 2027-08-1${index}`,
		);
		for (let first = 0; first < 4; first++) {
			const shown = rows.slice(first, first + 4);
			const operations: Operation[] = shown.map((row, y) => ({
				type: 'write',
				x: (first + y) % 3,
				y,
				text: y === 1 ? `\u001B[7m${row}\u001B[27m` : row,
				transformers: [],
			}));
			expect(draw(new Output({width: 40, height: 4}), operations)).toEqual(
				draw(
					new InkOutput({width: 40, height: 4}) as unknown as AnyOutput,
					operations,
				),
			);
		}
	});

	it("the bundle's widest-line measures as widest-line, twice in a row", () => {
		fc.assert(
			fc.property(text, (value) => {
				expect(widestLine(value)).toBe(inkWidestLine(value));
				expect(widestLine(value)).toBe(inkWidestLine(value));
			}),
		);
	});
});
