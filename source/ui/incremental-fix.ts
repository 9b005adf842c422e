/**
 * Ink 6.8's `incrementalRendering` rewrites only the rows that changed (issue 12, point 10), but
 * it starts each frame one row too low when the frame ends with a newline, which the dashboard's
 * always does (it draws one row less than the terminal, so Ink never clears the whole screen):
 * it moves the cursor up `visible lines - 1` from the row under the frame instead of `visible
 * lines`. Ink 7.0 fixed it (vadimdemedes/ink#910, `cursorUp(previousLines.length - 1)`); Ink 7
 * needs Node 22. Until then the dashboard's stdout goes through this: the one write that opens
 * an incremental frame (a cursor-up first) gets its missing row back. Seen in tmux before: each
 * frame one row lower, unchanged rows left where they were.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape sequence is what it finds.
const CURSOR_UP = /^\u001B\[(\d+)A/;

/**
 * Ink steps over each unchanged row with its own "cursor next line" (ESC [ E, 3 bytes), and
 * starts each changed row with "column 1" (ESC [ 1 G) even right after one. The same moves in
 * fewer bytes (issue 16: a demo day-advance at 80×24 wrote about 1,200 bytes, 50 of every frame
 * on stepping over rows): a run of n steps is one ESC [ n E (ECMA-48 CNL takes a count, as
 * xterm, tmux and screen read it), and a column 1 right after it, where CNL already left the
 * cursor, goes.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape sequences are what it finds.
const NEXT_LINES = /((?:\u001B\[E)+)(\u001B\[1G)?/g;

/** Ink's frame text with its row steps said shortly (see NEXT_LINES). */
export function shortenRowSteps(text: string): string {
	if (!text.includes('\u001B[E')) return text;
	return text.replace(NEXT_LINES, (_match, steps: string) => {
		const count = steps.length / 3;
		return count === 1 ? steps : `\u001B[${count}E`;
	});
}

type Write = NodeJS.WriteStream['write'];

/**
 * `stdout` for Ink, the incremental frames' cursor-up corrected and their row steps shortened;
 * the rest passes as is.
 */
export function withIncrementalFix<Stream extends {write: Write}>(
	stdout: Stream,
): Stream {
	const write = ((chunk: unknown, ...rest: unknown[]) => {
		if (typeof chunk === 'string') {
			const up = CURSOR_UP.exec(chunk);
			if (up) {
				chunk = `\u001B[${Number(up[1]) + 1}A${chunk.slice(up[0].length)}`;
			}
			chunk = shortenRowSteps(chunk as string);
		}
		return (stdout.write as (...args: unknown[]) => boolean)(chunk, ...rest);
	}) as Write;
	return new Proxy(stdout, {
		get(target, property) {
			if (property === 'write') return write;
			const value = Reflect.get(target, property, target);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
}
