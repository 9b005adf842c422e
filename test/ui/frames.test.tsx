/**
 * Frames of every screen in the key states of the demo scenario (fixtures/demo.yaml), at 80×24
 * and 120×40, in English and (some) in French. The states are reached on the simulator (fake
 * clock, simulated license server, named hardware), so the frames are deterministic; the keys,
 * minted at random, are masked. Snapshots are committed: a change to a screen shows in review.
 */
import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import type {DemoController} from '../../simulator/demo.js';
import type {Lang} from '../../source/i18n/index.js';
import {
	createController,
	renderDashboard,
	twoDeviceScenario,
} from './dashboard-world.js';
import {KEY, type Screen} from './render.js';

type Size = {columns: number; rows: number};
const SMALL: Size = {columns: 80, rows: 24};
const MEDIUM: Size = {columns: 100, rows: 30};
const WIDE: Size = {columns: 120, rows: 40};

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups) await cleanup();
	cleanups = [];
});

/** The demo scenario's first steps: register, add the installation key, activate (day 0). */
async function activated(controller: DemoController) {
	for (let step = 0; step < 3; step++) await controller.stepScenario();
}

async function open(
	prepare: (controller: DemoController) => Promise<void>,
	size: Size,
	lang: Lang = 'en',
): Promise<{screen: Screen; controller: DemoController}> {
	const controller = await createController();
	await prepare(controller);
	const {screen} = renderDashboard(controller, {...size, lang});
	cleanups.push(async () => {
		screen.unmount();
		await controller.dispose();
	});
	await screen.waitFor(lang === 'fr' ? 'Licence MyQ' : 'MyQ License');
	return {screen, controller};
}

/**
 * Each frame is exactly the terminal's height minus one row (no full redraws: no flicker), and
 * no row is wider than the terminal, in columns as the terminal counts them ('株' takes two).
 */
function checkedFrame(screen: Screen, size: Size): string {
	const lines = screen.rawFrame().split('\n');
	expect(lines).toHaveLength(size.rows - 1);
	for (const line of lines)
		expect(stringWidth(line)).toBeLessThanOrEqual(size.columns);
	return screen.frame();
}

const STATES: {
	name: string;
	prepare: (controller: DemoController) => Promise<void>;
	expect: string;
}[] = [
	{name: 'unlicensed', prepare: async () => {}, expect: 'Enter license'},
	{name: 'licenses active', prepare: activated, expect: 'Running'},
	{
		name: 'subscription expiring (R10), day 20',
		prepare: async (controller) => {
			await activated(controller);
			await controller.jumpToDay(20);
		},
		expect: 'interrupted in 10 day(s)',
	},
	{
		name: 'server unreachable (R12), day 21 offline',
		prepare: async (controller) => {
			await activated(controller);
			await controller.jumpToDay(20);
			await controller.setNetwork('offline');
			await controller.advance(86_400_000);
		},
		expect: 'stop in 19 days',
	},
	{
		name: 'hardware changed (R8)',
		prepare: async (controller) => {
			await activated(controller);
			await controller.swapHardware();
		},
		expect: 'stop in 7 day(s)',
	},
	{
		name: 'stopped: hardware grace lapsed (R8)',
		prepare: async (controller) => {
			await activated(controller);
			await controller.swapHardware();
			await controller.jumpToDay(8);
		},
		expect: 'MyQ is not working',
	},
];

describe('Home frames', () => {
	for (const state of STATES) {
		for (const size of [SMALL, MEDIUM, WIDE]) {
			it(`Home, ${state.name}, ${size.columns}×${size.rows}`, async () => {
				const {screen} = await open(state.prepare, size);
				await screen.waitFor(state.expect);
				expect(checkedFrame(screen, size)).toMatchSnapshot();
			});
		}
	}
});

describe('Settings > License frames', () => {
	for (const size of [SMALL, MEDIUM, WIDE]) {
		it(`Settings > License with form errors (R2), ${size.columns}×${size.rows}`, async () => {
			const {screen} = await open(async () => {}, size);
			// Given the form opened from Enter license (R1), with only Company and a wrong email
			await screen.press(KEY.enter);
			await screen.press(KEY.enter);
			await screen.press('Acme');
			for (let tab = 0; tab < 4; tab++) await screen.press(KEY.tab);
			await screen.press('it@acme');
			// When Save is pressed (Tab to Phone, to Keys; Enter there goes on to Save)
			for (let tab = 0; tab < 2; tab++) await screen.press(KEY.tab);
			await screen.press(KEY.enter);
			await screen.press(KEY.enter);
			// Then every invalid field shows its own error
			await screen.waitFor('is not a valid address');
			expect(checkedFrame(screen, size)).toMatchSnapshot();
		});

		it(`Settings > License, licenses active, table focused, ${size.columns}×${size.rows}`, async () => {
			const {screen} = await open(activated, size);
			// Settings opens on the key field (a customer is saved); five Tabs reach the table.
			await screen.press('2');
			for (let tab = 0; tab < 5; tab++) await screen.press(KEY.tab);
			await screen.waitFor('Subscription');
			expect(checkedFrame(screen, size)).toMatchSnapshot();
		});

		it(`Settings > License, hardware changed: reactivation pending, ${size.columns}×${size.rows}`, async () => {
			const {screen} = await open(async (controller) => {
				await activated(controller);
				await controller.swapHardware();
			}, size);
			await screen.press('2');
			await screen.press(KEY.tab);
			await screen.press(KEY.tab);
			await screen.waitFor('[»Activate«]');
			expect(checkedFrame(screen, size)).toMatchSnapshot();
		});
	}
});

describe('Devices, Events and help frames', () => {
	for (const size of [SMALL, WIDE]) {
		it(`Devices with unlicensed devices (R7), ${size.columns}×${size.rows}`, async () => {
			const {screen} = await open(async (controller) => {
				for (let step = 0; step < 4; step++) await controller.stepScenario();
				// Day 31: the 10-device subscription expired; 1 device of capacity is left for 8.
				await controller.jumpToDay(31);
			}, size);
			await screen.press('3');
			await screen.waitFor('UNLICENSED');
			expect(checkedFrame(screen, size)).toMatchSnapshot();
		});

		it(`Events, newest first, ${size.columns}×${size.rows}`, async () => {
			const {screen} = await open(async (controller) => {
				for (let step = 0; step < 4; step++) await controller.stepScenario();
			}, size);
			await screen.press('4');
			await screen.waitFor('Events, newest first');
			expect(checkedFrame(screen, size)).toMatchSnapshot();
		});

		it(`help overlay, ${size.columns}×${size.rows}`, async () => {
			const {screen} = await open(activated, size);
			await screen.press('?');
			await screen.waitFor('Demo simulation');
			expect(checkedFrame(screen, size)).toMatchSnapshot();
		});
	}
});

describe('French frames (SPEC §6)', () => {
	it('Home, unlicensed, fr, 80×24', async () => {
		const {screen} = await open(async () => {}, SMALL, 'fr');
		await screen.waitFor('Saisir la licence');
		expect(checkedFrame(screen, SMALL)).toMatchSnapshot();
	});

	it('Settings > License with form errors, fr, 80×24', async () => {
		const {screen} = await open(async () => {}, SMALL, 'fr');
		await screen.press(KEY.enter);
		for (let tab = 0; tab < 7; tab++) await screen.press(KEY.tab);
		await screen.press(KEY.enter);
		await screen.waitFor('Entreprise : ce champ est obligatoire');
		expect(checkedFrame(screen, SMALL)).toMatchSnapshot();
	});

	it('Home, expiring and unreachable, fr, 120×40', async () => {
		const {screen} = await open(
			async (controller) => {
				await activated(controller);
				await controller.jumpToDay(20);
				await controller.setNetwork('offline');
				await controller.advance(86_400_000);
			},
			WIDE,
			'fr',
		);
		await screen.waitFor("tous les services s'arrêteront dans 19 jours");
		expect(checkedFrame(screen, WIDE)).toMatchSnapshot();
	});

	it('Home, stopped, fr, 80×24', async () => {
		const {screen} = await open(
			async (controller) => {
				await activated(controller);
				await controller.swapHardware();
				await controller.jumpToDay(8);
			},
			SMALL,
			'fr',
		);
		await screen.waitFor('MyQ ne fonctionne pas');
		expect(checkedFrame(screen, SMALL)).toMatchSnapshot();
	});
});

describe('wide characters (text width through string-width)', () => {
	const WIDE_NAMES = twoDeviceScenario(
		'株式会社テストのデモ',
		'{company: 株式会社テスト, person: 山田 太郎, address: "東京都千代田区丸の内一丁目一番一号 テストビル十階 受付 株式会社テスト 御中", country: JP, email: it@example.jp}',
	);

	async function openWide(size: Size): Promise<Screen> {
		const controller = await createController(WIDE_NAMES);
		for (let step = 0; step < 3; step++) await controller.stepScenario();
		const {screen} = renderDashboard(controller, size);
		cleanups.push(async () => {
			screen.unmount();
			await controller.dispose();
		});
		await screen.waitFor('MyQ License');
		return screen;
	}

	it('a company name in wide characters stays inside the Home frame, 120×40', async () => {
		const screen = await openWide(WIDE);
		await screen.waitFor('株式会社テスト · 山田 太郎');
		expect(checkedFrame(screen, WIDE)).toMatchSnapshot();
	});

	it('a company name in wide characters stays inside its field, 80×24', async () => {
		const screen = await openWide(SMALL);
		await screen.press('2');
		await screen.waitFor('株式会社テスト');
		// The address is wider than its field: cut to the field, in columns.
		const frame = checkedFrame(screen, SMALL);
		expect(frame).toMatch(/Address +東京都千代田区.*…\n/);
		expect(frame).toMatchSnapshot();
	});
});
