/**
 * The UI tests' screen: a tree drawn by ink-testing-library on myq-license/testing's terminal
 * (source/testing/terminal.ts: columns AND rows fixed, which ink-testing-library's stdout lacks,
 * and the dashboard lays itself out on both), read as the entry reads frames: no colour, keys
 * and ids masked, so snapshots are stable. The project's frame and interaction tests go through
 * it, so the entry users get is the one the suite proves (issue 14 point 3).
 */
import {setTimeout as sleep} from 'node:timers/promises';
import type {ReactElement} from 'react';
import {flattenFrame, maskFrame} from '../../source/testing/frame.js';
import {KEY as ENTRY_KEY} from '../../source/testing/keys.js';
import {
	openTerminal,
	type TerminalInstance,
} from '../../source/testing/terminal.js';

export {maskFrame};

/** Lines joined with single spaces: a text wrapped over several rows reads as one. */
export const flatten = flattenFrame;

export type Screen = {
	/** The last frame, keys masked. */
	frame(): string;
	/** The last frame as written (keys not masked): for size checks. */
	rawFrame(): string;
	/** The last frame as one line of text (wrapped lines joined): for checks on wrapped texts. */
	text(): string;
	/** Types text or sends a key sequence, then waits for the next frame. */
	press(data: string): Promise<void>;
	/** Waits until the frame, or its wrapped lines joined, contains `text` (or matches). */
	waitFor(text: string | RegExp, timeout?: number): Promise<string>;
	/** Resizes the terminal now; the promise resolves with the frame laid out at that size. */
	resize(columns: number, rows: number): Promise<string>;
	unmount(): void;
	hasExited(): boolean;
	/** myq-license/testing's instance: ink-testing-library's, with its waits. */
	terminal: TerminalInstance;
	stdin: TerminalInstance['stdin'];
	stdout: TerminalInstance['stdout'];
};

/**
 * The entry's keys (source/testing/keys.ts), with the names these tests used before it:
 * `backtab` (Shift+Tab), `ctrlK`, `ctrlT`, `ctrlU`.
 */
export const KEY = {
	...ENTRY_KEY,
	backtab: ENTRY_KEY.shiftTab,
	ctrlK: ENTRY_KEY.ctrl('k'),
	ctrlT: ENTRY_KEY.ctrl('t'),
	ctrlU: ENTRY_KEY.ctrl('u'),
} as const;

/** How long no frame must come, after a key's work is done, for its last frame to be drawn. */
const QUIET_MS = 20;

export type ScreenOptions = {
	/** Ink's screen-reader mode (INK_SCREEN_READER=true): frames are plain lines. */
	isScreenReader?: boolean;
	/**
	 * After a key's frame: resolves once the work the key started is done, true when there was
	 * some to wait for (the demo's controls: dashboard-world.ts). `press` then waits until the
	 * frames stop, so it resolves with the frame that says the work is done.
	 */
	settle?: () => Promise<boolean>;
};

export function renderScreen(
	node: ReactElement,
	size: {columns: number; rows: number},
	options: ScreenOptions = {},
): Screen {
	const {terminal} = openTerminal(node, size, {
		screenReader: options.isScreenReader ?? false,
	});
	let exited = false;
	terminal.waitUntilExit().then(
		() => {
			exited = true;
		},
		() => {
			exited = true;
		},
	);
	const frame = () => terminal.lastFrame();
	return {
		frame,
		rawFrame: () => terminal.stdout.lastFrame() ?? '',
		text: () => flatten(frame()),
		async press(data) {
			await terminal.press(data);
			if (!(await options.settle?.())) return;
			// The dashboard draws the work's end in a later turn: until no frame comes for a while
			for (let count = -1; count !== terminal.frames.length && !exited; ) {
				count = terminal.frames.length;
				await sleep(QUIET_MS);
			}
		},
		waitFor: (text, timeout) =>
			terminal.waitFor(text, timeout === undefined ? {} : {timeout}),
		resize(columns, rows) {
			const resized = terminal.resize(columns, rows);
			// A test that checks the next frame itself need not wait for this one.
			resized.catch(() => {});
			return resized;
		},
		unmount() {
			terminal.unmount();
			terminal.cleanup();
		},
		hasExited: () => exited,
		terminal,
		stdin: terminal.stdin,
		stdout: terminal.stdout,
	};
}
