/**
 * Ink 6.8's Output (ink/build/output.js), the same frames for less work: what the shipped
 * bundle uses in its place (scripts/bundle.mjs swaps it in; node_modules stays as installed).
 *
 * Issue 16, keystroke to frame with 1,000 licenses at 120×40: Ink builds each frame from
 * nothing. For every frame it makes a grid of width × height cells (4,800 objects), tokenizes
 * every line of every text with Intl.Segmenter (@alcalzone/ansi-tokenize), places the styled
 * characters, then turns each row of 120 cells back into a string, comparing the styles of
 * each cell with the one before. Its caches live for one frame. That was about half of a
 * keystroke's time, and the garbage of it a good part of the rest, although a key that moves
 * the selection changes two rows and scrolling only moves rows up or down.
 *
 * Here a row's text depends only on what was written on that row (each write's column and
 * line, in order, after clipping and transformers), as in Ink: the row's string is kept under
 * that, across frames, and a row seen before (on any row of the screen) is not built again. A
 * row not seen before is built exactly as Ink builds it, from the same functions, with the
 * tokenized lines and widths kept across frames too. Every cache is bounded (cleared when full).
 */

import {bounded} from './bounded-cache.js';

/** A character with its styles, as @alcalzone/ansi-tokenize makes them. */
type StyledChar = {
	type: 'char';
	value: string;
	fullWidth: boolean;
	styles: unknown[];
};

/**
 * What Ink's Output imports, passed in (the bundle passes Ink's own). Methods, so the library's
 * narrower types fit.
 */
export type OutputDependencies = {
	sliceAnsi(text: string, start: number, end?: number): string;
	stringWidth(text: string): number;
	tokenize(text: string): unknown[];
	styledCharsFromTokens(tokens: never[]): StyledChar[];
	styledCharsToString(chars: StyledChar[]): string;
};

type Transformer = (line: string, index: number) => string;

type Clip = {
	x1: number | undefined;
	x2: number | undefined;
	y1: number | undefined;
	y2: number | undefined;
};

type Operation =
	| {
			type: 'write';
			x: number;
			y: number;
			text: string;
			transformers: Transformer[];
	  }
	| {type: 'clip'; clip: Clip}
	| {type: 'unclip'};

/** Entries a cache holds before it starts again (a few screens of rows at most). */
export const CACHE_LIMIT = 4096;

/**
 * An Output class with Ink's API and output (write, clip, unclip, get), its caches shared by
 * every frame drawn with it.
 */
export function outputClass(dependencies: OutputDependencies) {
	const {
		sliceAnsi,
		stringWidth,
		tokenize,
		styledCharsFromTokens,
		styledCharsToString,
	} = dependencies;
	const styledChars = bounded(CACHE_LIMIT, (line: string) =>
		styledCharsFromTokens(tokenize(line) as never[]),
	);
	const width = bounded(CACHE_LIMIT, stringWidth);
	const widestLine = bounded(CACHE_LIMIT, (text: string) => {
		let lineWidth = 0;
		for (const line of text.split('\n')) {
			lineWidth = Math.max(lineWidth, width(line));
		}
		return lineWidth;
	});
	const rows = new Map<string, string>();

	/** One row as Ink draws it: blank cells, each write's characters over them, then text. */
	function drawRow(
		rowWidth: number,
		writes: readonly {x: number; line: string}[],
	): string {
		// One write of unstyled text, from a column on the row: Ink's cells hold its characters
		// one after the other, after blanks, so the text is the line itself (the rows a key
		// changes are mostly these: the selected row, the position and the detail lines).
		const [only] = writes;
		if (
			writes.length === 1 &&
			Number.isInteger(only!.x) &&
			only!.x >= 0 &&
			only!.x <= rowWidth &&
			!only!.line.includes('\u001B') &&
			!only!.line.includes('\u009B')
		) {
			return (' '.repeat(only!.x) + only!.line).trimEnd();
		}
		const cells: StyledChar[] = [];
		for (let x = 0; x < rowWidth; x++) {
			cells.push({type: 'char', value: ' ', fullWidth: false, styles: []});
		}
		for (const {x, line} of writes) {
			let offsetX = x;
			for (const character of styledChars(line)) {
				cells[offsetX] = character;
				const characterWidth = Math.max(1, width(character.value));
				// A wide character's following cells are cleared, as Ink does.
				for (let index = 1; index < characterWidth; index++) {
					cells[offsetX + index] = {
						type: 'char',
						value: '',
						fullWidth: false,
						styles: character.styles,
					};
				}
				offsetX += characterWidth;
			}
		}
		// Writes past the row's end leave holes, which Ink filters out.
		return styledCharsToString(
			cells.filter((cell) => cell !== undefined),
		).trimEnd();
	}

	return class Output {
		width: number;
		height: number;
		readonly operations: Operation[] = [];

		constructor(options: {width: number; height: number}) {
			this.width = options.width;
			this.height = options.height;
		}

		write(
			x: number,
			y: number,
			text: string,
			options: {transformers: Transformer[]},
		) {
			if (!text) return;
			this.operations.push({
				type: 'write',
				x,
				y,
				text,
				transformers: options.transformers,
			});
		}

		clip(clip: Clip) {
			this.operations.push({type: 'clip', clip});
		}

		unclip() {
			this.operations.push({type: 'unclip'});
		}

		get(): {output: string; height: number} {
			// What each row receives, in order: the writes' columns and lines (Ink's grid rows).
			const writes: {x: number; line: string}[][] = [];
			for (let y = 0; y < this.height; y++) writes.push([]);
			const clips: Clip[] = [];
			for (const operation of this.operations) {
				if (operation.type === 'clip') clips.push(operation.clip);
				if (operation.type === 'unclip') clips.pop();
				if (operation.type !== 'write') continue;
				const {text, transformers} = operation;
				let {x, y} = operation;
				let lines = text.split('\n');
				const clip = clips.at(-1);
				if (clip) {
					const clipHorizontally =
						typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
					const clipVertically =
						typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
					// Text wholly outside the clip is skipped.
					if (clipHorizontally) {
						const textWidth = widestLine(text);
						if (x + textWidth < clip.x1! || x > clip.x2!) continue;
					}
					if (clipVertically) {
						if (y + lines.length < clip.y1! || y > clip.y2!) continue;
					}
					if (clipHorizontally) {
						lines = lines.map((line) => {
							const from = x < clip.x1! ? clip.x1! - x : 0;
							const lineWidth = width(line);
							const to = x + lineWidth > clip.x2! ? clip.x2! - x : lineWidth;
							return sliceAnsi(line, from, to);
						});
						if (x < clip.x1!) x = clip.x1!;
					}
					if (clipVertically) {
						const from = y < clip.y1! ? clip.y1! - y : 0;
						const height = lines.length;
						const to = y + height > clip.y2! ? clip.y2! - y : height;
						lines = lines.slice(from, to);
						if (y < clip.y1!) y = clip.y1!;
					}
				}
				let offsetY = 0;
				for (let [index, line] of lines.entries()) {
					const row = writes[y + offsetY];
					// A line below the grid (or above it) is dropped, and so are the ones after it.
					if (!row) continue;
					for (const transformer of transformers) {
						line = transformer(line, index);
					}
					row.push({x, line});
					offsetY++;
				}
			}
			const output = writes.map((row) => {
				if (row.length === 0) return '';
				let key = `${this.width}`;
				for (const {x, line} of row) key += `\u0000${x}\u0000${line}`;
				let text = rows.get(key);
				if (text === undefined) {
					if (rows.size >= CACHE_LIMIT) rows.clear();
					text = drawRow(this.width, row);
					rows.set(key, text);
				}
				return text;
			});
			return {output: output.join('\n'), height: writes.length};
		}
	};
}
