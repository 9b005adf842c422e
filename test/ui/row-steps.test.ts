import {describe, expect, it} from 'vitest';
import {
	shortenRowSteps,
	withIncrementalFix,
} from '../../source/ui/incremental-fix.js';

const ESC = '\u001B';

/**
 * A small terminal: the escape sequences Ink's incremental frames use (cursor up, cursor next
 * line with a count, column, erase to the end of the line, synchronized output marks, SGR),
 * drawn onto rows of cells. Enough to tell whether two frames draw the same screen.
 */
function draw(text: string, rows = 24, columns = 80): string[] {
	const screen = Array.from({length: rows}, () => Array(columns).fill(' '));
	let row = rows - 1;
	let column = 0;
	const clampRow = (value: number) => Math.max(0, Math.min(rows - 1, value));
	for (let index = 0; index < text.length; ) {
		if (text[index] === ESC) {
			// biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences are what it reads.
			const match = /^\u001B\[(\??)(\d*)([A-Za-z])/.exec(text.slice(index));
			if (!match) throw new Error(`unknown sequence at ${index}`);
			const [whole, isPrivate, digits, final] = match;
			const count = digits === '' ? 1 : Number(digits);
			index += whole.length;
			if (isPrivate || final === 'm') continue;
			if (final === 'A') row = clampRow(row - count);
			else if (final === 'E') {
				row = clampRow(row + count);
				column = 0;
			} else if (final === 'G') column = count - 1;
			else if (final === 'K') screen[row]!.fill(' ', column);
			else throw new Error(`unexpected ${whole}`);
			continue;
		}
		const char = text[index]!;
		index += 1;
		if (char === '\r') column = 0;
		else if (char === '\n') row = clampRow(row + 1);
		else {
			screen[row]![column] = char;
			column += 1;
		}
	}
	return screen.map((cells) => cells.join('').trimEnd());
}

/** A demo day-advance frame as Ink 6.8 writes it at 80×24 (its cursor-up already corrected). */
const FRAME = `${ESC}[?2026h${ESC}[23A${ESC}[1G${ESC}[1mMyQ License${ESC}[22m 5 Jan 2027 09:00${ESC}[K\r\n${ESC}[E${ESC}[E${ESC}[E${ESC}[E${ESC}[1G│ Subscription  Expires on 3 Feb 2027 (in 29 day(s))${ESC}[K\r\n${ESC}[E${ESC}[1G│ License server Last contact 5 Jan 2027 09:00${ESC}[K\r\n${'\u001B[E'.repeat(11)}${ESC}[1GDEMO · day 1${ESC}[K\r\n${ESC}[E${ESC}[E${ESC}[E${ESC}[?2026l`;

describe('incremental frames in fewer bytes (issue 16: at most 1,000 bytes a demo day at 80×24)', () => {
	it('row-steps-shortened: runs of cursor-next-line become one with a count, and a column 1 after one goes; the screen drawn is the same', () => {
		const before = `${'x'.repeat(10)}\r\n`.repeat(24);
		const shortened = shortenRowSteps(FRAME);
		expect(draw(before + shortened)).toEqual(draw(before + FRAME));
		expect(shortened).toContain(`${ESC}[11E`);
		expect(shortened).not.toContain(`${ESC}[E${ESC}[E`);
		// biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences are what it finds.
		expect(shortened).not.toMatch(/\u001B\[\d*E\u001B\[1G/);
		expect(Buffer.byteLength(shortened)).toBeLessThan(
			Buffer.byteLength(FRAME) - 40,
		);
	});

	it('row-steps-through-stdout: the dashboard stdout shortens what Ink writes, and leaves other text alone', () => {
		const written: string[] = [];
		const stdout = {
			write: (text: string) => {
				written.push(text);
				return true;
			},
		};
		const fixed = withIncrementalFix(stdout as unknown as NodeJS.WriteStream);
		fixed.write(`${ESC}[22A${ESC}[E${ESC}[E${ESC}[1Gline\n`);
		fixed.write('plain E\n');
		expect(written).toEqual([`${ESC}[23A${ESC}[2Eline\n`, 'plain E\n']);
	});
});
