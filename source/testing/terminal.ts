/**
 * ink-testing-library's terminal at a fixed size, with frames a test can compare: its `render`
 * draws, and this adds what a full-screen dashboard needs of it. Its fake stdout says 100
 * columns and has no rows; the dashboard lays itself out on both, so both are set here before
 * the dashboard's first frame (an empty tree is drawn first, then the dashboard). Frames are
 * read without colour unless asked, with keys and ids masked (frame.ts), and every wait ends:
 * on the frame awaited, or after a time with an error that shows the last frame.
 *
 * Nothing here knows a test runner: `waitFor` and `press` wait on the frames themselves.
 */
import {setImmediate, setTimeout} from 'node:timers';
import {render as inkRender} from 'ink';
import {render} from 'ink-testing-library';
import {createElement, Fragment, type ReactElement} from 'react';
import {flattenFrame, readFrame} from './frame.js';

/** ink-testing-library's own instance. */
export type InkTestingInstance = ReturnType<typeof render>;

/**
 * A terminal's size. ink-testing-library's default is 100 columns; rows default to 24.
 * @example
 * const {columns, rows}: TerminalSize = instance.size();
 */
export type TerminalSize = {columns: number; rows: number};

export const DEFAULT_SIZE: TerminalSize = {columns: 100, rows: 24};

/** How long `waitFor` and `press` wait before they fail. */
export const DEFAULT_TIMEOUT_MS = 5000;

/**
 * Colour and masking of the frames a test reads.
 * @example
 * await renderAtDay('renewal.yaml', 355, {color: true, mask: false});
 */
export type FrameOptions = {
	/** Keep the colours (and bold, dim, inverse) as terminal codes. @default false */
	color?: boolean;
	/** Mask keys and ids (frame.ts) so frames are the same in every run. @default true */
	mask?: boolean;
	/**
	 * Ink's screen-reader mode (what `INK_SCREEN_READER=true` turns on): frames are the text a
	 * screen reader reads. Set either way here, so frames do not depend on the environment.
	 * @default false
	 */
	screenReader?: boolean;
};

/**
 * How long `press` and `waitFor` wait.
 * @example
 * await instance.waitFor('Activated', {timeout: 10_000});
 */
export type WaitOptions = {
	/** Milliseconds before the wait fails, showing the last frame. @default 5000 */
	timeout?: number;
};

/**
 * ink-testing-library's instance (`lastFrame`, `frames`, `stdin`, `stdout`, `stderr`,
 * `rerender`, `unmount`, `cleanup`), with frames as a test compares them and the waits a
 * full-screen app needs.
 */
export type TerminalInstance = Omit<
	InkTestingInstance,
	'lastFrame' | 'frames'
> & {
	/**
	 * The last frame: its text without colour (unless `color`), keys and ids masked. The raw
	 * frames stay on `stdout.frames`.
	 * @example expect(instance.lastFrame()).toMatchSnapshot()
	 */
	lastFrame(): string;
	/** Every frame drawn since the dashboard's first, read as `lastFrame` reads the last one. */
	frames: string[];
	/**
	 * Sends a key (see `KEY`) or text, and resolves with the frame it drew. Fails after the
	 * timeout when the key draws nothing.
	 * @example const frame = await instance.press(KEY.tab)
	 */
	press(key: string, options?: WaitOptions): Promise<string>;
	/**
	 * Resolves with the first frame (the last one, or one to come) whose text holds `text`, also
	 * when the terminal wrapped it over several rows, or for which `text` (a function) is true;
	 * fails after the timeout showing the last frame.
	 * @example await instance.waitFor('Connect now')
	 * @example await instance.waitFor((frame) => !frame.includes('Activating'))
	 */
	waitFor(text: FrameMatch, options?: WaitOptions): Promise<string>;
	/**
	 * Resizes the terminal (as a window does: stdout's `resize`) and resolves with the frame
	 * laid out at the new size.
	 * @example const frame = await instance.resize(120, 40)
	 */
	resize(columns: number, rows: number): Promise<string>;
	/** The terminal's size now. */
	size(): TerminalSize;
	/**
	 * Resolves when the dashboard quits by itself (`q`), as Ink's `waitUntilExit`; rejects with
	 * the error it stopped on.
	 * @example
	 * await instance.press('q');
	 * await instance.waitUntilExit();
	 */
	waitUntilExit(): Promise<void>;
};

/**
 * What `waitFor` waits for: a text, a pattern, or a test of the frame.
 * @example
 * await instance.waitFor(/in \d+ day\(s\)/);
 */
export type FrameMatch = string | RegExp | ((frame: string) => boolean);

function holds(frame: string, text: FrameMatch): boolean {
	if (typeof text === 'function') return text(frame);
	const joined = flattenFrame(frame);
	return typeof text === 'string'
		? frame.includes(text) || joined.includes(text)
		: text.test(frame) || text.test(joined);
}

/** How a key is named in an error: `KEY.tab` sends a tab, shown as "\t". */
const shown = (key: string) => JSON.stringify(key);

export function checkSize(columns: number, rows: number): TerminalSize {
	for (const [name, value] of [
		['columns', columns],
		['rows', rows],
	] as const) {
		if (!Number.isInteger(value) || value < 1 || value > 1000)
			throw new RangeError(
				`${name} must be a whole number from 1 to 1000, got ${String(value)}`,
			);
	}
	return {columns, rows};
}

/** Runs `make` with INK_SCREEN_READER saying `on`: Ink reads it when it makes its instance. */
function withScreenReader<T>(on: boolean, make: () => T): T {
	const before = process.env.INK_SCREEN_READER;
	process.env.INK_SCREEN_READER = on ? 'true' : 'false';
	try {
		return make();
	} finally {
		if (before === undefined) delete process.env.INK_SCREEN_READER;
		else process.env.INK_SCREEN_READER = before;
	}
}

/**
 * Renders `tree` with ink-testing-library's `render` on a terminal of `size`, and resolves once
 * the tree listens to the keyboard (its effects ran), so the first `press` is not lost.
 */
export async function renderOnTerminal(
	tree: ReactElement,
	size: TerminalSize,
	options: FrameOptions = {},
): Promise<TerminalInstance> {
	const {terminal, ready} = openTerminal(tree, size, options);
	await ready;
	return terminal;
}

/**
 * `renderOnTerminal` without waiting: the terminal with its first frame drawn, and `ready`,
 * which resolves once the tree listens to the keyboard. `press` waits for `ready` itself.
 */
export function openTerminal(
	tree: ReactElement,
	size: TerminalSize,
	options: FrameOptions = {},
): {terminal: TerminalInstance; ready: Promise<void>} {
	const read = {color: options.color ?? false, mask: options.mask ?? true};
	let current = checkSize(size.columns, size.rows);
	const frames: string[] = [];
	const waiters = new Set<() => void>();

	// An empty tree first: ink-testing-library draws the first frame inside `render`, before
	// its stdout could be given a size.
	const instance = withScreenReader(options.screenReader ?? false, () =>
		render(createElement(Fragment)),
	);
	const {stdout, stdin, stderr} = instance;
	Object.defineProperty(stdout, 'columns', {
		configurable: true,
		enumerable: true,
		get: () => current.columns,
	});
	Object.defineProperty(stdout, 'rows', {
		configurable: true,
		enumerable: true,
		get: () => current.rows,
	});
	// Ink redraws its last tree at the new width on `resize` (but not when it believes it runs
	// in CI); the dashboard redraws itself at the new size. One frame a resize, everywhere.
	stdout.removeAllListeners('resize');
	const write = stdout.write;
	stdout.write = (frame: string) => {
		write(frame);
		// Where Ink believes it runs in CI (the CI variable set), unmounting writes its last
		// non-debug output and a newline: with debug on, that is a lone "\n", never a frame.
		if (frame === '\n') return;
		frames.push(readFrame(frame, read));
		for (const waiter of waiters) waiter();
	};
	stdout.frames.length = 0;
	// The tree goes to the Ink instance ink-testing-library made (Ink keeps one a stdout, and
	// these are its options), through Ink's own render: that one also says when the app exits.
	const ink = inkRender(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: stderr as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	const exited = ink.waitUntilExit().then(() => undefined);
	// A test that never waits for the exit must not see it as an unhandled rejection.
	exited.catch(() => {});

	const lastFrame = () => frames.at(-1) ?? '';

	/** Resolves when `isDone` holds, checked now and after every frame; fails after `timeout`. */
	const until = (
		isDone: () => boolean,
		timeout: number,
		failure: () => Error,
	): Promise<string> => {
		if (isDone()) return Promise.resolve(lastFrame());
		return new Promise((resolve, reject) => {
			const check = () => {
				if (!isDone()) return;
				finish();
				resolve(lastFrame());
			};
			const timer = setTimeout(() => {
				finish();
				reject(failure());
			}, timeout);
			const finish = () => {
				clearTimeout(timer);
				waiters.delete(check);
			};
			waiters.add(check);
		});
	};

	// The keyboard is read once the tree's effects ran (Ink's useInput attaches then).
	const ready = (async () => {
		for (
			let turn = 0;
			turn < 1000 && stdin.listenerCount('readable') === 0;
			turn++
		)
			await new Promise((resolve) => setImmediate(resolve));
	})();

	const terminal: TerminalInstance = {
		...instance,
		frames,
		lastFrame,
		size: () => ({...current}),
		waitUntilExit: () => exited,
		async press(key, waitOptions = {}) {
			await ready;
			const count = frames.length;
			stdin.write(key);
			const timeout = waitOptions.timeout ?? DEFAULT_TIMEOUT_MS;
			return until(
				() => frames.length > count,
				timeout,
				() =>
					new Error(
						`pressing ${shown(key)} drew no frame within ${timeout} ms; the last frame:\n${lastFrame()}`,
					),
			);
		},
		waitFor(text, waitOptions = {}) {
			const timeout = waitOptions.timeout ?? DEFAULT_TIMEOUT_MS;
			return until(
				() => holds(lastFrame(), text),
				timeout,
				() =>
					new Error(
						`no frame ${typeof text === 'function' ? 'passed the test' : `showed ${typeof text === 'string' ? shown(text) : String(text)}`} within ${timeout} ms; the last frame:\n${lastFrame()}`,
					),
			);
		},
		async resize(columns, rows) {
			const next = checkSize(columns, rows);
			if (next.columns === current.columns && next.rows === current.rows)
				return lastFrame();
			current = next;
			const count = frames.length;
			stdout.emit('resize');
			return until(
				() => frames.length > count,
				DEFAULT_TIMEOUT_MS,
				() =>
					new Error(
						`the resize to ${columns}×${rows} drew no frame; the last frame:\n${lastFrame()}`,
					),
			);
		},
	};
	return {terminal, ready};
}
