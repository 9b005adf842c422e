/**
 * The alternate screen is left, and the cursor shown again, whatever ends the dashboard: q
 * (leave), a signal, a crash. Checked on a fake process and a fake terminal.
 */
import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import {
	ALTERNATE_SCREEN,
	enterFullScreen,
	splashText,
} from '../../source/ui/terminal.js';

function fakes() {
	const written: string[] = [];
	const errors: string[] = [];
	const exits: number[] = [];
	const proc = Object.assign(new EventEmitter(), {
		exit: (code: number) => {
			exits.push(code);
		},
	}) as unknown as NodeJS.Process;
	return {
		written,
		errors,
		exits,
		proc,
		output: {write: (text: string) => written.push(text)},
		errorOutput: {write: (text: string) => errors.push(text)},
	};
}

describe('the alternate screen', () => {
	it('enters on start; leave restores once, however often it is called', () => {
		const {written, output, proc, errorOutput} = fakes();
		const screen = enterFullScreen(output, {proc, errors: errorOutput});
		expect(written).toEqual([ALTERNATE_SCREEN.enter]);
		screen.leave();
		screen.leave();
		proc.emit('exit', 0);
		expect(written).toEqual([ALTERNATE_SCREEN.enter, ALTERNATE_SCREEN.leave]);
		expect(ALTERNATE_SCREEN.leave).toContain('\u001B[?1049l');
		expect(ALTERNATE_SCREEN.leave).toContain('\u001B[?25h');
	});

	it('a crash restores the terminal first, then says what happened, and exits 1', () => {
		const {written, errors, exits, output, proc, errorOutput} = fakes();
		enterFullScreen(output, {proc, errors: errorOutput});
		proc.emit('uncaughtException', new Error('boom'));
		expect(written.at(-1)).toBe(ALTERNATE_SCREEN.leave);
		expect(errors.join('')).toContain('the dashboard stopped: boom');
		expect(exits).toEqual([1]);
	});

	it.each([
		['SIGTERM', 143],
		['SIGHUP', 129],
	] as const)('%s restores the terminal and exits %i', (signal, code) => {
		const {written, exits, output, proc, errorOutput} = fakes();
		enterFullScreen(output, {proc, errors: errorOutput});
		proc.emit(signal, signal);
		expect(written.at(-1)).toBe(ALTERNATE_SCREEN.leave);
		expect(exits).toEqual([code]);
	});

	it('the process exiting on its own restores it too', () => {
		const {written, output, proc, errorOutput} = fakes();
		enterFullScreen(output, {proc, errors: errorOutput});
		proc.emit('exit', 0);
		expect(written).toEqual([ALTERNATE_SCREEN.enter, ALTERNATE_SCREEN.leave]);
		expect(proc.listenerCount('SIGTERM')).toBe(0);
	});

	it('the starting rows are written before Ink loads, the cursor left at the top left for Ink', () => {
		expect(splashText(['MyQ License', '', 'Starting the simulator…'])).toBe(
			'MyQ License\r\n\r\nStarting the simulator…\u001B[H',
		);
	});
});
