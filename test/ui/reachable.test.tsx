/**
 * Issue 12, acceptance: at 80×24, 100×30 and 120×40, in English and French, every screen in
 * every state the SPEC names (unlicensed, running, warning with each banner and with three,
 * stopped for each reason) shows the whole of its banners, its License widget, its license table
 * and buttons, its lists, on screen or reachable with the keys its footer shows (PgDn pages on,
 * G goes to the end of a list); and every frame is one row short of the terminal, no row wider.
 * No snapshots here: what is checked is that nothing is dropped (frames.test.tsx has the looks).
 * The messages too: in every state, what Activate and Connect now say is whole on screen at each
 * size, or whole on the page `i` opens (PgDn to its end) when the footer offers `i`.
 */

import {readFileSync} from 'node:fs';
import stringWidth from 'string-width';
import {afterAll, describe, expect, it, vi} from 'vitest';
import type {DemoController} from '../../simulator/demo.js';
import {DemoController as Controller} from '../../simulator/demo.js';
import {parseScenario} from '../../simulator/scenario/index.js';
import {DAY} from '../../source/engine/types.js';
import {bannerText, type Lang, t} from '../../source/i18n/index.js';
import {whyText} from '../../source/ui/components/license-table/index.js';
import {createDemoSource} from '../../source/ui/dashboard-source.js';
import {eventSentence} from '../../source/ui/event-label.js';
import {activationStatus, connectStatus} from '../../source/ui/outcome.js';
import {eventCount} from '../../source/ui/screens/events.js';
import {licenseWidgetRows} from '../../source/ui/screens/home.js';
import {
	REQUEST_FILE,
	RESPONSE_FILE,
} from '../../source/ui/screens/manual-state.js';
import {createController, renderDashboard} from './dashboard-world.js';
import {flatten, KEY, type Screen} from './render.js';

type Size = {columns: number; rows: number};
const SIZES: Size[] = [
	{columns: 80, rows: 24},
	{columns: 100, rows: 30},
	{columns: 120, rows: 40},
];

async function activated(controller: DemoController) {
	for (let step = 0; step < 3; step++) await controller.stepScenario();
}

/** A fixture scenario, its steps played up to `day`, then the clock there. */
function fixture(file: string, day: number) {
	return async () => {
		const controller = await Controller.create({
			scenario: parseScenario(
				readFileSync(`fixtures/scenarios/${file}`, 'utf8'),
				{fileName: file},
			),
		});
		while (
			controller.view().scenario.next &&
			(controller.scenario.steps[controller.view().scenario.done]?.day ?? 0) <=
				day
		)
			await controller.stepScenario();
		await controller.jumpToDay(day);
		return controller;
	};
}

const demo =
	(prepare: (controller: DemoController) => Promise<void>) => async () => {
		const controller = await createController();
		await prepare(controller);
		return controller;
	};

const STATES: {name: string; open: () => Promise<DemoController>}[] = [
	{name: 'unlicensed', open: demo(async () => {})},
	{name: 'running', open: demo(activated)},
	{
		name: 'warning: subscription expiring',
		open: demo(async (controller) => {
			await activated(controller);
			await controller.jumpToDay(20);
		}),
	},
	{
		name: 'warning: server unreachable',
		open: demo(async (controller) => {
			await activated(controller);
			await controller.setNetwork('offline');
			await controller.advance(2 * DAY);
		}),
	},
	{
		name: 'warning: hardware changed',
		open: demo(async (controller) => {
			await activated(controller);
			await controller.swapHardware();
		}),
	},
	{name: 'warning: clock set back', open: fixture('clock-rollback.yaml', 12)},
	{
		name: 'warning: three banners',
		open: demo(async (controller) => {
			await activated(controller);
			await controller.jumpToDay(20);
			await controller.setNetwork('offline');
			await controller.advance(DAY);
			await controller.swapHardware();
		}),
	},
	{
		name: 'stopped: license problem',
		open: demo(async (controller) => {
			await activated(controller);
			await controller.swapHardware();
			await controller.jumpToDay(8);
		}),
	},
	{
		name: 'stopped: license revoked',
		open: fixture('vendor-revocation.yaml', 8),
	},
	{
		name: 'stopped: server stopped',
		open: fixture('offline-grace-lapses.yaml', 40),
	},
];

const controllers: DemoController[] = [];
afterAll(async () => {
	for (const controller of controllers) await controller.dispose();
});

/**
 * The frame's text with the widget's border gone, so a wrapped row reads as one; from 120
 * columns, each of the two columns read on its own too (a row wrapped in the left column has the
 * right column's text beside it).
 */
function readable(frame: string, width = 80): string {
	const plain = frame.replace(/[│╭╮╰╯─]/g, ' ');
	if (width < 120) return flatten(plain);
	const rows = plain.split('\n');
	const split = Math.floor((width - 2) * 0.6);
	const half = Math.floor((width - 2) / 2);
	return [
		plain,
		...[split, half].flatMap((at) => [
			rows.map((row) => [...row].slice(0, at).join('')).join('\n'),
			rows.map((row) => [...row].slice(at).join('')).join('\n'),
		]),
	]
		.map(flatten)
		.join(' ');
}

function checkFrame(screen: Screen, size: Size) {
	const lines = screen.rawFrame().split('\n');
	expect(lines).toHaveLength(size.rows - 1);
	for (const line of lines)
		expect(stringWidth(line)).toBeLessThanOrEqual(size.columns);
}

/**
 * Every page of the screen, from its top: PgDn while the page says there is more (and the
 * footer offers PgDn). The text of all of them, read as one.
 */
async function allPages(screen: Screen, size: Size): Promise<string> {
	const texts = [screen.rawFrame()];
	for (let page = 0; page < 20; page++) {
		const frame = screen.rawFrame();
		const position = /(\d+)–(\d+) (?:of|sur) (\d+)/.exec(frame);
		if (!position || position[2] === position[3]) break;
		expect(frame).toMatch(/PgUp\/PgDn|PgDn/);
		await screen.press(KEY.pageDown);
		checkFrame(screen, size);
		texts.push(screen.rawFrame());
	}
	return texts.map((text) => readable(text, size.columns)).join(' ');
}

describe.each(['en', 'fr'] as Lang[])('everything reachable, %s', (lang) => {
	for (const state of STATES) {
		it(`${state.name}: Home, Settings > License, Manual activation, Devices, Events at 80×24, 100×30, 120×40`, async () => {
			const controller = await state.open();
			controllers.push(controller);
			const source = createDemoSource(controller);
			const {screen} = renderDashboard(controller, {lang, ...SIZES[0]!});
			try {
				await screen.waitFor(lang === 'fr' ? 'Licence MyQ' : 'MyQ License');
				const view = source.view();
				const {evaluation, state: engine} = view.snapshot;
				for (const size of SIZES) {
					screen.resize(size.columns, size.rows);
					await screen.press('1');
					await screen.press('g');
					checkFrame(screen, size);
					// The banners, whole, above every screen.
					const top = readable(screen.rawFrame());
					for (const banner of evaluation.banners)
						expect(top).toContain(bannerText(banner.id, lang, banner.days));
					// Home: the License widget, every row of it.
					const home = await allPages(screen, size);
					if (evaluation.state === 'unlicensed') {
						expect(home).toContain(t(lang, 'ui.enter-license'));
						expect(home).toContain(t(lang, 'ui.home.enter-license-hint'));
					} else {
						for (const row of licenseWidgetRows(view, lang, 'UTC')) {
							expect(home).toContain(flatten(row.value));
							if (row.label) expect(home).toContain(row.label);
						}
					}
					// Settings > License: the buttons, the table, why a license does not count.
					await screen.press('2');
					await screen.press('g');
					const settings = await allPages(screen, size);
					for (const id of [
						'ui.save',
						'ui.activate',
						'ui.connect-now',
						'ui.manual-activation',
					] as const)
						expect(settings).toContain(t(lang, id));
					expect(settings).toContain(
						`${t(lang, 'ui.licenses')} (${evaluation.licenses.length})`,
					);
					for (const license of evaluation.licenses) {
						const [key = '', number] = license.id.split('/');
						expect(settings).toContain(
							`${key.slice(-5)}${number === undefined ? '' : `/${number}`}`,
						);
					}
					const problem = evaluation.licenses.find((license) =>
						whyText(license, lang),
					);
					if (problem)
						expect(settings).toContain(flatten(whyText(problem, lang)));
					// Manual activation (Tab to its button, Enter): its folder and its four choices.
					for (let tab = 0; tab < 12; tab++) {
						if (
							screen.rawFrame().includes(`»${t(lang, 'ui.manual-activation')}«`)
						)
							break;
						await screen.press(KEY.tab);
					}
					await screen.press(KEY.enter);
					await screen.press('g');
					const manual = await allPages(screen, size);
					expect(manual).toContain(t(lang, 'ui.manual.folder'));
					for (const id of [
						'ui.manual.write',
						'ui.manual.show',
						'ui.manual.read',
						'ui.manual.paste',
					] as const)
						expect(manual).toContain(
							flatten(
								t(lang, id, {
									request: REQUEST_FILE,
									response: RESPONSE_FILE,
								}),
							),
						);
					await screen.press(KEY.escape);
					// Devices: the summary; the last device is reached with G.
					await screen.press('3');
					const devices = readable(screen.rawFrame());
					expect(devices).toContain(t(lang, 'ui.devices.title'));
					const last = evaluation.devices.list.at(-1);
					if (last) {
						await screen.press('G');
						expect(readable(screen.rawFrame())).toContain(last.id);
					}
					// Events: the count, and the newest whole under the list.
					await screen.press('4');
					const events = readable(screen.rawFrame());
					expect(events).toContain(eventCount(lang, engine.log.length));
					const newest = engine.log.at(-1);
					if (newest)
						expect(events).toContain(flatten(eventSentence(newest, lang)));
				}
			} finally {
				screen.unmount();
			}
		}, 30_000);
	}
});

/**
 * The text a status message shows, whole: on screen, or (when the footer offers i) on the pages of
 * the whole message. Read as one line, the widget's borders gone.
 */
async function wholeMessage(
	screen: Screen,
	size: Size,
	lang: Lang,
): Promise<string> {
	const shown = readable(screen.rawFrame(), size.columns);
	if (!screen.rawFrame().includes(t(lang, 'ui.message.more'))) return shown;
	await screen.press('i');
	const text = await allPages(screen, size);
	await screen.press(KEY.escape);
	return text;
}

describe.each(['en', 'fr'] as Lang[])('every message whole, %s', (lang) => {
	for (const state of STATES) {
		it(`${state.name}: what Activate and Connect now say, at 80×24, 100×30, 120×40`, async () => {
			const controller = await state.open();
			controllers.push(controller);
			const {runtime} = controller;
			const activate = vi.spyOn(runtime, 'activate');
			const connect = vi.spyOn(runtime, 'connect');
			const {screen} = renderDashboard(controller, {lang, ...SIZES[0]!});
			try {
				await screen.waitFor(lang === 'fr' ? 'Licence MyQ' : 'MyQ License');
				await screen.press('2');
				for (const [spy, button, status] of [
					[activate, 'ui.activate', activationStatus],
					[connect, 'ui.connect-now', connectStatus],
				] as const) {
					await screen.resize(SIZES[0]!.columns, SIZES[0]!.rows);
					// Tab to the button (focused, it reads [»Activate«]), Enter presses it.
					for (let tab = 0; tab < 12; tab++) {
						if (screen.rawFrame().includes(`»${t(lang, button)}«`)) break;
						await screen.press(KEY.tab);
					}
					const before = runtime.snapshot();
					const calls = spy.mock.results.length;
					await screen.press(KEY.enter);
					await vi.waitFor(
						() => expect(spy.mock.results.length).toBeGreaterThan(calls),
						{timeout: 5000},
					);
					const outcome = await spy.mock.results.at(-1)!.value;
					const message = status(outcome, before, runtime.snapshot(), lang);
					const mark = {ok: '✓', error: '✗', info: '•'}[message.tone];
					const expected = flatten(`${mark} ${message.text}`);
					await vi.waitFor(
						() =>
							expect(flatten(screen.rawFrame())).toContain(
								expected.slice(0, 30),
							),
						{timeout: 5000},
					);
					for (const size of SIZES) {
						await screen.resize(size.columns, size.rows);
						await screen.press('g');
						checkFrame(screen, size);
						expect(await wholeMessage(screen, size, lang)).toContain(expected);
					}
				}
			} finally {
				screen.unmount();
			}
		}, 60_000);
	}
});
