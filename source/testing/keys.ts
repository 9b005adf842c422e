/**
 * The keys a test presses, as the bytes a terminal sends for them (xterm's sequences, which Ink
 * reads): `instance.press(KEY.enter)`, `instance.press('Acme')` for text.
 * @example
 * await instance.press(KEY.tab);
 * await instance.press(KEY.ctrl('k'));
 */
export const KEY = {
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	/** Shift+Tab: back to the previous control or screen. */
	shiftTab: '\u001B[Z',
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	/** The Backspace key (DEL, as terminals send it). */
	backspace: '\u007F',
	/** The Delete key (deactivates the selected device on Devices). */
	delete: '\u001B[3~',
	/**
	 * Ctrl and a letter: `KEY.ctrl('k')` (the demo's paste of a demo key), `KEY.ctrl('t')`.
	 * @example await instance.press(KEY.ctrl('t'))
	 */
	ctrl(letter: string): string {
		const code = letter.toLowerCase().charCodeAt(0);
		if (letter.length !== 1 || code < 0x61 || code > 0x7a)
			throw new RangeError(
				`KEY.ctrl takes one letter from a to z, got ${JSON.stringify(letter)}`,
			);
		return String.fromCharCode(code - 0x60);
	},
} as const;
