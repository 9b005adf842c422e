/**
 * Issue 14 point 3: the project's own frame and interaction tests (test/ui/, the customer paths)
 * draw through myq-license/testing, with ink-testing-library doing the rendering: the
 * hand-written fake terminal they used went, so what users get is what the suite proves.
 */
import {Box, Text} from 'ink';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {KEY as ENTRY_KEY} from '../../source/testing/index.js';
import {dashboardWorld} from '../helpers/dashboard-world.js';
import {KEY, renderScreen, type Screen} from '../helpers/screen.js';
import * as oldPath from '../ui/render.js';

const open: Array<{dispose(): Promise<void>} | Screen> = [];
afterEach(async () => {
	for (const item of open.splice(0))
		if ('dispose' in item) await item.dispose();
		else item.unmount();
});

describe('the suite draws with ink-testing-library through myq-license/testing', () => {
	it('fake-terminal-gone: a dashboard test draws on ink-testing-library stdout, at the size asked', async () => {
		const world = await dashboardWorld({columns: 80, rows: 24});
		open.push(world);
		const {screen} = world;
		const library = render(<Text>x</Text>);
		// ink-testing-library's own Stdout and Stdin, not a class of our tests
		expect(screen.stdout.constructor).toBe(library.stdout.constructor);
		expect(screen.stdin.constructor).toBe(library.stdin.constructor);
		library.unmount();
		library.cleanup();
		// ...given its rows and the columns asked (its own says 100 and has no rows)
		expect(screen.terminal.size()).toEqual({columns: 80, rows: 24});
		await screen.waitFor('[1 Home]');
		expect(screen.rawFrame().split('\n')).toHaveLength(23);
		expect(screen.frame()).toBe(screen.terminal.lastFrame());
	});

	it("the tests' keys are the entry's, under the names they used before it", () => {
		for (const name of [
			'enter',
			'escape',
			'tab',
			'up',
			'down',
			'pageDown',
		] as const)
			expect(KEY[name]).toBe(ENTRY_KEY[name]);
		expect(KEY.backtab).toBe(ENTRY_KEY.shiftTab);
		expect(KEY.ctrlK).toBe(ENTRY_KEY.ctrl('k'));
		expect(KEY.ctrlT).toBe('\u0014');
		// test/ui/render.tsx stays as a re-export for the tests that import it
		expect(oldPath.renderScreen).toBe(renderScreen);
	});

	it('q quits: the exit the dashboard asks Ink for is seen (waitUntilExit)', async () => {
		const world = await dashboardWorld({columns: 80, rows: 24});
		open.push(world);
		const {screen} = world;
		await screen.waitFor('[1 Home]');
		expect(screen.hasExited()).toBe(false);
		await screen.press('q');
		await screen.terminal.waitUntilExit();
		expect(screen.hasExited()).toBe(true);
	});

	it('demo-control-drawn: a key that starts a demo control resolves once the control is done and its frame drawn', async () => {
		// The fake terminal's press polled every 50 ms, which hid that the last frame of a control
		// comes turns after the key's first: a test read the frame of the control under way.
		const world = await dashboardWorld({columns: 80, rows: 24});
		open.push(world);
		const {screen, controller} = world;
		await screen.waitFor('[1 Home]');
		await screen.press('x');
		expect(controller.view().busy).toBe(false);
		const frames = screen.terminal.frames.length;
		const frame = screen.frame();
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(screen.terminal.frames.length).toBe(frames);
		expect(screen.frame()).toBe(frame);
	});

	it('screen-reader mode is set either way, whatever INK_SCREEN_READER says', () => {
		const tree = (
			<Box borderStyle="round">
				<Text>Licensed</Text>
			</Box>
		);
		const before = process.env.INK_SCREEN_READER;
		process.env.INK_SCREEN_READER = 'true';
		try {
			const drawn = renderScreen(tree, {columns: 20, rows: 5});
			open.push(drawn);
			expect(drawn.frame()).toContain('╭');
			const read = renderScreen(
				tree,
				{columns: 20, rows: 5},
				{isScreenReader: true},
			);
			open.push(read);
			expect(read.frame()).toBe('Licensed');
		} finally {
			if (before === undefined) delete process.env.INK_SCREEN_READER;
			else process.env.INK_SCREEN_READER = before;
		}
		expect(process.env.INK_SCREEN_READER).toBe(before);
	});
});
