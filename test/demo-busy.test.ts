/**
 * The demo bar's busy mark (issue 16: a demo day-advance at 80×24 in at most 1,000 bytes): a
 * control that is done quickly never shows it (showing then hiding it rewrote the bar twice a
 * day), one that takes a while does, and it goes when the control ends.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {DemoController} from '../simulator/demo.js';
import {DAY} from '../source/engine/types.js';

let demo: DemoController | undefined;

afterEach(async () => {
	await demo?.dispose();
	demo = undefined;
});

/** Every `isBusyShown` the views published while `work` ran, and the last view's. */
async function busyMarks(
	controller: DemoController,
	work: () => Promise<void>,
) {
	const marks: boolean[] = [];
	const unsubscribe = controller.subscribe(() => {
		marks.push(controller.view().isBusyShown);
	});
	try {
		await work();
	} finally {
		unsubscribe();
	}
	return {marks, last: controller.view().isBusyShown};
}

describe('the demo busy mark (issue 16)', () => {
	it('demo-busy-not-shown-for-a-quick-control: a day advanced before the mark is due never shows it', async () => {
		demo = await DemoController.create({busyShownAfterMs: 600_000});
		const controller = demo;
		const {marks, last} = await busyMarks(controller, () =>
			controller.advance(DAY),
		);
		expect(marks.length).toBeGreaterThan(0);
		expect(marks).not.toContain(true);
		expect(last).toBe(false);
	});

	it('demo-busy-shown-for-a-long-control: a jump of many days shows the mark, and it goes at the end', async () => {
		demo = await DemoController.create({busyShownAfterMs: 600_000});
		const controller = demo;
		const {marks, last} = await busyMarks(controller, () =>
			controller.jumpToDay(60),
		);
		expect(marks).toContain(true);
		expect(last).toBe(false);
	});
});
