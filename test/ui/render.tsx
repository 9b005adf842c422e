/**
 * The UI tests' render helper: Ink on a fake terminal whose size is fixed, columns AND rows
 * (ink-testing-library's fake stdout has no rows, and the dashboard lays itself out on both).
 * Frames come back with the randomly minted keys masked, so snapshots are stable.
 */
import {EventEmitter} from 'node:events';
import {render} from 'ink';
import type {ReactElement} from 'react';
import {vi} from 'vitest';

class FakeStdout extends EventEmitter {
	readonly frames: string[] = [];
	isTTY = false;
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write = (frame: string) => {
		this.frames.push(frame);
		return true;
	};
	lastFrame = () => this.frames.at(-1);
}

class FakeStdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write = (data: string) => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
	read = () => {
		const {data} = this;
		this.data = null;
		return data;
	};
}

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
	resize(columns: number, rows: number): void;
	unmount(): void;
	hasExited(): boolean;
	stdin: FakeStdin;
	stdout: FakeStdout;
};

export const KEY = {
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	backtab: '\u001B[Z',
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageDown: '\u001B[6~',
	pageUp: '\u001B[5~',
	backspace: '\u007F',
	ctrlK: '\u000B',
	ctrlT: '\u0014',
	ctrlU: '\u0015',
} as const;

/** Keys are minted at random by the simulated vendor: frames show them as X's. */
export function maskFrame(frame: string): string {
	return frame
		.replace(
			/\b[0-9A-Z]{5}(?:-[0-9A-Z]{5}){4}\b/g,
			'XXXXX-XXXXX-XXXXX-XXXXX-XXXXX',
		)
		.replace(/((?:•{5}-){4})[0-9A-Z]{1,5}/g, '$1XXXXX')
		.replace(/…-[0-9A-Z]{5}/g, '…-XXXXX');
}

/** Lines joined with single spaces: a text wrapped over several rows reads as one. */
export function flatten(frame: string): string {
	return frame
		.split('\n')
		.map((line) => line.trim())
		.join(' ')
		.replace(/\s+/g, ' ');
}

export function renderScreen(
	node: ReactElement,
	size: {columns: number; rows: number},
	options: {isScreenReader?: boolean} = {},
): Screen {
	const stdout = new FakeStdout(size.columns, size.rows);
	const stdin = new FakeStdin();
	const stderr = new FakeStdout(size.columns, size.rows);
	let exited = false;
	const instance = render(node, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: stderr as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
		isScreenReaderEnabled: options.isScreenReader ?? false,
	});
	instance.waitUntilExit().then(
		() => {
			exited = true;
		},
		() => {
			exited = true;
		},
	);
	const frame = () => maskFrame(stdout.lastFrame() ?? '');
	const text = () => flatten(frame());
	return {
		frame,
		rawFrame: () => stdout.lastFrame() ?? '',
		text,
		async press(data) {
			const count = stdout.frames.length;
			stdin.write(data);
			await vi.waitFor(() => {
				if (stdout.frames.length === count && !exited)
					throw new Error(`no frame after ${JSON.stringify(data)}`);
			});
		},
		async waitFor(text, timeout = 5000) {
			let last = '';
			await vi.waitFor(
				() => {
					last = frame();
					const joined = flatten(last);
					const found =
						typeof text === 'string'
							? last.includes(text) || joined.includes(text)
							: text.test(last) || text.test(joined);
					if (!found)
						throw new Error(
							`the frame does not show ${String(text)}:\n${last}`,
						);
				},
				{timeout, interval: 10},
			);
			return last;
		},
		resize(columns, rows) {
			stdout.columns = columns;
			stdout.rows = rows;
			stdout.emit('resize');
		},
		unmount() {
			instance.unmount();
			instance.cleanup();
		},
		hasExited: () => exited,
		stdin,
		stdout,
	};
}
