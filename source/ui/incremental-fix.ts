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

type Write = NodeJS.WriteStream['write'];

/** `stdout` for Ink, the incremental frames' cursor-up corrected; the rest passes as is. */
export function withIncrementalFix<Stream extends {write: Write}>(
	stdout: Stream,
): Stream {
	const write = ((chunk: unknown, ...rest: unknown[]) => {
		if (typeof chunk === 'string') {
			const up = CURSOR_UP.exec(chunk);
			if (up) {
				chunk = `\u001B[${Number(up[1]) + 1}A${chunk.slice(up[0].length)}`;
			}
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
