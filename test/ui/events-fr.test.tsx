/**
 * Issue 9, point 4: a French admin reads the Events screen in French, every word of it. Before,
 * the engine wrote English into its log ("État changé : running -> warning", "Démarrage : server
 * started"); now it logs codes that the formatter says in the admin's language.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {DAY} from '../../source/engine/types.js';
import {formatLogEntry} from '../../source/i18n/index.js';
import {englishWords, FRENCH_DEMO} from '../helpers/english-words.js';
import {createController, renderDashboard} from './dashboard-world.js';
import type {Screen} from './render.js';

let screen: Screen | undefined;
let dispose: (() => Promise<void>) | undefined;
afterEach(async () => {
	screen?.unmount();
	await dispose?.();
	screen = undefined;
	dispose = undefined;
});

describe('the French Events screen', () => {
	it('after a demo day with a network cut and a hardware swap shows no English word', async () => {
		// Given the demo activated on day 0, 8 devices on day 1
		const controller = await createController(FRENCH_DEMO);
		dispose = () => controller.dispose();
		for (let step = 0; step < 4; step++) await controller.stepScenario();
		// day 20: the network is cut; day 21: the scheduled contact fails
		await controller.jumpToDay(20);
		await controller.setNetwork('offline');
		await controller.advance(DAY);
		// the same day: the server restarts on other hardware, the network comes back, Activate
		await controller.swapHardware();
		await controller.setNetwork('online');
		await controller.runtime.activate();
		const log = controller.runtime.snapshot().state.log;
		const types = log.map((entry) => entry.type);
		expect(types).toEqual(
			expect.arrayContaining([
				'contact-failed',
				'hardware-changed',
				'reactivated',
				'state-changed',
				'device-activated',
			]),
		);

		// When the French admin opens the Events screen
		({screen} = renderDashboard(controller, {
			lang: 'fr',
			columns: 120,
			rows: 40,
		}));
		await screen.waitFor('Licence MyQ');
		await screen.press('4');
		await screen.waitFor('Événements, du plus récent au plus ancien');

		// Then no word of the frame is English, nor of any event's full text
		const frame = screen.frame();
		expect(frame).toMatchSnapshot();
		expect(englishWords(frame)).toEqual([]);
		for (const entry of log) {
			expect(englishWords(formatLogEntry(entry, 'fr'))).toEqual([]);
		}
	});

	it('says a past expiry in the past tense, in the feminine of licence', async () => {
		// Given the demo's 30-day subscription, day 31: it expired on 3 February
		const controller = await createController(FRENCH_DEMO);
		dispose = () => controller.dispose();
		for (let step = 0; step < 4; step++) await controller.stepScenario();
		await controller.jumpToDay(31);
		// When the French admin looks at Home
		({screen} = renderDashboard(controller, {
			lang: 'fr',
			columns: 120,
			rows: 40,
		}));
		// Then the date is past: "Expirée le", not "Expire le"
		const frame = await screen.waitFor('Abonnement');
		expect(frame).toMatch(/Abonnement +Expirée le 3 févr\. 2027/);
		expect(frame).not.toContain('Expire le 3 févr.');
	});
});
