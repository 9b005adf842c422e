/**
 * Issue 13, the demo for trainers: every path of the SPEC from `npm start`'s default demo, with
 * only the demo's keys, driven through the dashboard's key handling (keys pressed on the rendered
 * dashboard, never the engine called), asserting the exact banner text and the day at each stop;
 * time both ways; the trainer's script; the simulation bar at 80 columns. Each test is named
 * after what a trainer could not do on the main before it.
 */
import stringWidth from 'string-width';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {Lang} from '../../source/i18n/index.js';
import {stateParts} from '../../source/ui/components/sim-bar/index.js';
import {type DashboardWorld, dashboardWorld} from './dashboard-world.js';
import {KEY} from './render.js';

let worlds: DashboardWorld[] = [];
afterEach(async () => {
	for (const world of worlds) await world.dispose();
	worlds = [];
});

/** `npm start`: the default demo, 80×24. */
async function open(lang: Lang = 'en'): Promise<DashboardWorld> {
	const world = await dashboardWorld({lang});
	worlds.push(world);
	await world.screen.waitFor(lang === 'fr' ? 'Licence MyQ' : 'MyQ License');
	return world;
}

/**
 * Presses keys that end in a simulation control, and waits until the control is done and its
 * status drawn (the controller's view says when; nothing is asked of the engine).
 */
async function control(world: DashboardWorld, ...keys: string[]) {
	const before = world.controller.view().message;
	for (const key of keys) await world.screen.press(key);
	await vi.waitFor(
		() => {
			const view = world.controller.view();
			if (view.busy || view.message === before) throw new Error('not yet');
		},
		{timeout: 20_000, interval: 5},
	);
	const day = world.controller.view().day;
	await world.screen.waitFor(new RegExp(`(day|jour) ${day} ·`));
}

/** Presses `x` until the screen shows `text` (at most `max` times): one change at a time. */
async function nextChangeUntil(world: DashboardWorld, text: string, max = 60) {
	for (let press = 0; press < max; press++) {
		if (world.screen.text().includes(text)) return;
		await control(world, 'x');
	}
	throw new Error(`x never reached "${text}":\n${world.screen.frame()}`);
}

const DEMO_KEYS = ['SUB', 'MIX', 'MULTI', 'L5', 'L10'];

/**
 * The first steps of a trainer: `c` registers the customer (the guided path's first step), then
 * Settings > License, Ctrl+K picks a demo key (j down to it, Enter pastes it), j goes on to
 * Save, Enter saves, Enter on Activate (focused after Save) activates.
 */
async function activateWith(
	world: DashboardWorld,
	alias: string,
	{isRegistered = false} = {},
) {
	const {screen} = world;
	if (!isRegistered) await control(world, 'c');
	await screen.press('2');
	await screen.press(KEY.ctrlK);
	await screen.waitFor('Paste which demo key?');
	for (let index = 0; index < DEMO_KEYS.indexOf(alias); index++)
		await screen.press('j');
	await screen.press(KEY.enter);
	await screen.press('j');
	await screen.waitFor('[»Save«]');
	await screen.press(KEY.enter);
	await screen.waitFor('key(s) added, pending activation');
	await screen.waitFor('[»Activate«]');
	await screen.press(KEY.enter);
	await screen.waitFor(/Activated: \d+ new license/);
	await screen.press('1');
}

/** The banners of SPEC §2, as the screen must show them, word for word. */
const BANNER = {
	expiring: (days: number) =>
		`Your subscription will expire soon, all services will be interrupted in ${days} day(s). Please extend your subscription`,
	unreachable: (days: number) =>
		`The MyQ server cannot connect to the license server, the subscription cannot be extended and all services will stop in ${days} days. Check the internet connection and try to connect manually`,
	stopped:
		'The server has stopped working because it cannot reach the license server to update the subscription. Check the internet connection and try to connect manually.',
	problem:
		"MyQ is not working: There is a problem with your license. Check the details on the 'Settings > License' page.",
	hardware: (days: number) =>
		`The server's hardware configuration has changed. Reactivate your licenses, or all services will stop in ${days} day(s). See the 'Settings > License' page.`,
	clock:
		'The server clock was set back. Connect to the license server to confirm the time.',
};

function expectDay(world: DashboardWorld, day: number) {
	expect(world.screen.frame()).toContain(`DEMO · day ${day} ·`);
}

describe('point 1: every path from the default demo, with its keys only', () => {
	it('x-stops-at-the-daily-contact: x right after activating the 30-day subscription lands on the day the 10-day banner appears', async () => {
		// It went to day 1 (the next daily contact); a trainer needed Ctrl+T 20.
		const world = await open();
		await activateWith(world, 'SUB');
		await control(world, 'x');
		expectDay(world, 20);
		expect(world.screen.text()).toContain(BANNER.expiring(10));
		expect(world.screen.text()).toContain(
			'Next change, day 20 (24 Jan 2027 09:00): Running → Warning; the expiry banner shows (10 day(s)).',
		);
	});

	it('server-unreachable, then server-stopped: the default demo stops when the network stays cut (it ran on its perpetual license)', async () => {
		const world = await open();
		await activateWith(world, 'SUB');
		// t cuts the network; x: the next contact fails and the countdown starts (R12); then x
		// stops at every day the count ticks, each banner's count exact, until MyQ stops (R13).
		await control(world, 't');
		for (let day = 1; day < 40; day++) {
			await control(world, 'x');
			expectDay(world, day);
			const text = world.screen.text();
			expect(text).toContain(BANNER.unreachable(40 - day));
			if (day >= 20 && day < 30)
				expect(text).toContain(BANNER.expiring(30 - day));
			else expect(text).not.toContain('will be interrupted in');
			expect(world.screen.frame()).toContain('● Warning');
		}
		await control(world, 'x');
		expectDay(world, 40);
		expect(world.screen.text()).toContain(BANNER.stopped);
		expect(world.screen.frame()).toContain('● Stopped');
		expect(world.screen.text()).not.toContain('will stop in');
	});

	it('license-problem by expiry: online, the contact at the expiry finds it not renewed (R11)', async () => {
		const world = await open();
		await activateWith(world, 'SUB');
		// x stops at each day the expiry banner counts down, from 10 (day 20) to 1 (day 29).
		for (let day = 20; day < 30; day++) {
			await control(world, 'x');
			expectDay(world, day);
			expect(world.screen.text()).toContain(BANNER.expiring(30 - day));
		}
		await control(world, 'x');
		expectDay(world, 30);
		expect(world.screen.text()).toContain(BANNER.problem);
		expect(world.screen.text()).not.toContain('will be interrupted in');
		expect(world.screen.frame()).toContain('● Stopped');
	});

	it('hardware-changed, then license-problem by hardware: s, and seven days later MyQ stops (R8)', async () => {
		const world = await open();
		await activateWith(world, 'SUB');
		await control(world, 's');
		expectDay(world, 0);
		expect(world.screen.text()).toContain(BANNER.hardware(7));
		// x: one day of grace less at each stop, 6 down to 1, then the stop.
		for (let day = 1; day < 7; day++) {
			await control(world, 'x');
			expectDay(world, day);
			expect(world.screen.text()).toContain(BANNER.hardware(7 - day));
		}
		await control(world, 'x');
		expectDay(world, 7);
		expect(world.screen.text()).toContain(BANNER.problem);
		expect(world.screen.text()).not.toContain("The server's hardware");
		expect(world.screen.frame()).toContain('● Stopped');
	});

	it('no-clock-rollback-control: b sets the clock back a chosen amount; 59 minutes pass, 61 hold the subscription (R15)', async () => {
		// MIX: a perpetual license beside the subscription keeps MyQ running: a warning.
		const world = await open();
		await activateWith(world, 'MIX');
		await control(world, 'b', '59', KEY.enter);
		expect(world.screen.text()).toContain(
			'The server clock went back 59 min: it is 59 min behind true time.',
		);
		expect(world.screen.text()).not.toContain(BANNER.clock);
		expect(world.screen.frame()).toContain('● Running');
		// 0 puts it right; then 61 minutes back is more than the hour.
		await control(world, 'b', '0', KEY.enter);
		await control(world, 'b', '61m', KEY.enter);
		expectDay(world, 0);
		expect(world.screen.text()).toContain(BANNER.clock);
		expect(world.screen.frame()).toContain('● Warning');
		expect(world.screen.frame()).toContain('clock −61 min');
	});

	it('clock-tampered as the stop reason: a subscription alone, the clock set back 61 minutes', async () => {
		const world = await open();
		await activateWith(world, 'SUB');
		await control(world, 'b', '61', KEY.enter);
		expectDay(world, 0);
		expect(world.screen.text()).toContain(BANNER.clock);
		expect(world.screen.frame()).toContain('● Stopped');
	});

	it('no-vendor-keys: v revokes the subscription; the next contact brings it in: license-problem', async () => {
		const world = await open();
		await activateWith(world, 'SUB');
		await world.screen.press('v');
		await world.screen.waitFor('The vendor acts on which key or license?');
		expect(world.screen.frame()).toMatch(/› SUB\/1 +subscription, 10 device/);
		await world.screen.press(KEY.enter);
		await world.screen.waitFor('What does the vendor do to SUB/1?');
		await control(world, 'j', 'j', KEY.enter);
		expect(world.screen.text()).toContain(
			'The vendor revoked SUB/1: the next contact (Connect now) brings it in.',
		);
		await control(world, 'x');
		expectDay(world, 1);
		expect(world.screen.text()).toContain(BANNER.problem);
	});

	it('no-vendor-keys: v extends the expired subscription by N days; the next contact brings MyQ back', async () => {
		const world = await open();
		await activateWith(world, 'SUB');
		await nextChangeUntil(world, BANNER.problem);
		expectDay(world, 30);
		await world.screen.press('v');
		await world.screen.press(KEY.enter);
		await world.screen.waitFor('Extend it by a number of days…');
		await world.screen.press(KEY.enter);
		await world.screen.waitFor('Extend SUB/1 by how many days?');
		await control(world, '365', KEY.enter);
		await control(world, 'x');
		expectDay(world, 31);
		expect(world.screen.frame()).toContain('● Running');
		expect(world.screen.text()).not.toContain(BANNER.problem);
	});

	it('network-only-on-off: T picks any of the five states; server errors fail the contact too', async () => {
		const world = await open();
		await activateWith(world, 'SUB');
		await world.screen.press('T');
		await world.screen.waitFor('garbled: unreadable or badly signed answers');
		for (const state of [
			'online: the license server answers',
			'offline: no answer at all',
			'server errors: it answers 500',
			'slow: the answer comes after the client gave up',
		])
			expect(world.screen.frame()).toContain(state);
		// The highlight starts on offline (a cut is one Enter away); j goes on to server errors.
		await control(world, 'j', KEY.enter);
		expect(world.screen.frame()).toContain('network: server errors');
		await control(world, 'x');
		expectDay(world, 1);
		expect(world.screen.text()).toContain(BANNER.unreachable(39));
	});

	it('network-only-on-off: a slow server (the client gives up) and garbled answers fail the contact as well', async () => {
		for (const [moves, label] of [
			[2, 'network: slow'],
			[3, 'network: garbled'],
		] as const) {
			const world = await open();
			await activateWith(world, 'SUB');
			await world.screen.press('T');
			await world.screen.waitFor('garbled: unreadable or badly signed answers');
			// From offline (where the highlight starts), j down to it.
			const keys = Array.from({length: moves}, () => 'j');
			await control(world, ...keys, KEY.enter);
			expect(world.screen.frame()).toContain(label);
			await control(world, 'x');
			expectDay(world, 1);
			expect(world.screen.text()).toContain(BANNER.unreachable(39));
		}
	});

	it('several subscriptions (MULTI): the first expiry drops capacity, MyQ runs on the others', async () => {
		const world = await open();
		await activateWith(world, 'MULTI');
		expect(world.screen.frame()).toMatch(/Capacity +17 printing device/);
		await nextChangeUntil(world, 'capacity 17 → 7');
		expectDay(world, 30);
		expect(world.screen.frame()).toContain('● Running');
		expect(world.screen.frame()).toMatch(/Capacity +7 printing device/);
	});
});

describe('point 3: time both ways', () => {
	it('time-only-forward: day 40, then day 20, then day 40 again: the frames at day 40 are identical', async () => {
		// "Day 20 is already past" on the main; now the past is replayed from day 0.
		const world = await open();
		await activateWith(world, 'SUB');
		await control(world, KEY.ctrlT, '25', KEY.enter);
		await control(world, 't');
		await control(world, KEY.ctrlT, '40', KEY.enter);
		const first = world.screen.rawFrame();
		expect(world.screen.text()).toContain(BANNER.stopped);
		await control(world, KEY.ctrlT, '20', KEY.enter);
		expectDay(world, 20);
		expect(world.screen.text()).toContain(
			'Back to day 20 (24 Jan 2027 09:00): replayed from day 0, 3 recorded action(s) done again. 1 later action(s) recorded: moving forward does them again, a new action forgets them.',
		);
		expect(world.screen.text()).toContain(BANNER.expiring(10));
		expect(world.screen.frame()).toContain('network: online');
		await control(world, KEY.ctrlT, '40', KEY.enter);
		expect(world.screen.rawFrame()).toBe(first);
	});

	it('X goes back to the last change the timeline marks; the days after it stay known until a new action', async () => {
		const world = await open();
		await activateWith(world, 'SUB');
		await control(world, KEY.ctrlT, '25', KEY.enter);
		// Changes: day 0 (activated), day 20 (the expiry banner).
		expect(world.screen.frame()).toMatch(/Timeline ◆█{19}◆▓{4}▓/);
		await control(world, 'X');
		expectDay(world, 20);
		expect(world.screen.text()).toContain(BANNER.expiring(10));
		// Today, then the recorded days after it, after ┊.
		expect(world.screen.frame()).toMatch(/Timeline ◆█{19}◆┊▓{5}/);
		// A new action forgets them.
		await control(world, 's');
		expect(world.screen.frame()).toMatch(/Timeline ◆█{19}◆\n/);
	});
});

describe('point 3: the record after going back', () => {
	it('c after going back does the recorded step again, not the one after it', async () => {
		const world = await open();
		for (let step = 0; step < 4; step++) await control(world, 'c');
		expect(world.screen.frame()).toContain('c ▸ step 5/22');
		await control(world, KEY.ctrlT, '0', KEY.enter);
		expect(world.screen.frame()).toContain('c ▸ step 4/22, day 1: activate 8');
		await control(world, 'c');
		expectDay(world, 1);
		expect(world.screen.frame()).toContain(
			'c ▸ step 5/22, day 20: cut the network',
		);
		await world.screen.press('3');
		await world.screen.waitFor('Capacity 10 · 8 activated · 2 free');
	});
});

describe('point 4: the trainer’s script', () => {
	it('notes-not-shown: c shows the note of the step just done in the simulation bar, in the dashboard’s language', async () => {
		for (const lang of ['en', 'fr'] as const) {
			const world = await open(lang);
			for (let step = 0; step < 3; step++) await control(world, 'c');
			await world.screen.waitFor(
				lang === 'en'
					? '✎ Activated: one subscription, 10 devices, 30 days. MyQ runs (R4).'
					: '✎ Activée : un abonnement, 10 appareils, 30 jours. MyQ fonctionne (R4).',
			);
			expect(world.screen.frame()).toContain(
				lang === 'en'
					? 'c ▸ step 4/22, day 1: activate 8 printing device(s)'
					: "c ▸ étape 4/22, jour 1 : activer 8 appareil(s) d'impression",
			);
			// Another control, and the note goes.
			await control(world, 'h');
			expect(world.screen.frame()).not.toContain('✎');
		}
	});

	it('training-scenarios-only-with-file: o lists the ready scenarios; one opens at day 0 with its script', async () => {
		const world = await open();
		await world.screen.press('o');
		await world.screen.waitFor('Open which scenario?');
		for (const title of [
			'The demo: every banner and every stop (keys SUB, MIX, MULTI) · open now',
			'Training: the clock set back',
			'Training: a subscription expires',
			'Training: new hardware',
			'Training: manual activation',
			'Training: the license server out of reach',
		])
			expect(world.screen.frame()).toContain(title);
		// The sixth, "the license server out of reach": its digit picks it.
		await control(world, '6');
		expect(world.screen.text()).toContain(
			'Opened: Training: the license server out of reach, at day 0.',
		);
		expect(world.screen.frame()).toContain(
			'c ▸ step 1/15, day 0: register the customer (fill in and save the form)',
		);
		expect(world.screen.frame()).toContain(
			'DEMO: Training: the license server…',
		);
	});
});

describe('point 5: the simulation bar at 80 columns', () => {
	it('sim-bar-cut-at-80: the state row keeps every piece, in short forms when needed, in both languages', () => {
		// "scenario 0/11,…" hid the next step; now the next step has its own row and the state
		// row drops words before pieces.
		const view = {
			day: 1234,
			network: 'garbage',
			hardware: 'server-b',
			clockOffset: -61 * 60_000,
			ahead: 12,
			busy: true,
		} as Parameters<typeof stateParts>[0];
		for (const lang of ['en', 'fr'] as const) {
			const parts = stateParts(view, lang, true, 80);
			const row = parts.map((part) => part.text).join('');
			expect(stringWidth(row)).toBeLessThanOrEqual(80);
			for (const piece of ['1234', 'server-b', '61 min', '▶', '12', '…'])
				expect(row).toContain(piece);
		}
	});

	it('every row of the trainer’s screen fits 80 columns, the next step said whole, in en and fr', async () => {
		for (const lang of ['en', 'fr'] as const) {
			const world = await open(lang);
			for (let step = 0; step < 5; step++) await control(world, 'c');
			await control(world, 'b', '61', KEY.enter);
			const rows = world.screen.rawFrame().split('\n');
			expect(rows).toHaveLength(23);
			for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(80);
			expect(world.screen.text()).toContain(
				lang === 'en'
					? 'c ▸ step 6/22, day 21: press Connect now'
					: 'c ▸ étape 6/22, jour 21 : appuyer sur Se connecter maintenant',
			);
		}
	});
});

describe('the trainer’s session in tmux at 80×24: what a room stumbled on', () => {
	it('cancel-renewal-not-tried: v cancels the renewal of MULTI/3; its expiry banner shows 10 days before day 90, and MyQ stops at day 90', async () => {
		// MULTI/3 renews by itself: without the vendor's cancel, day 80 shows no banner.
		const world = await open();
		await activateWith(world, 'MULTI');
		await world.screen.press('v');
		await world.screen.waitFor('The vendor acts on which key or license?');
		// The keys on this server first: MULTI, MULTI/1, MULTI/2, MULTI/3.
		for (let row = 0; row < 3; row++) await world.screen.press('j');
		await world.screen.press(KEY.enter);
		await world.screen.waitFor('What does the vendor do to MULTI/3?');
		await control(world, 'j', KEY.enter);
		expect(world.screen.text()).toContain(
			'The vendor cancelled the automatic renewal of MULTI/3: the next contact (Connect now) brings it in.',
		);
		// x: the next contact brings it in (the renewal date becomes an expiry).
		await control(world, 'x');
		expectDay(world, 1);
		expect(world.screen.text()).toContain(
			'Next change, day 1 (5 Jan 2027 09:00): a subscription renewed or changed its term.',
		);
		await control(world, KEY.ctrlT, '80', KEY.enter);
		expect(world.screen.text()).toContain(BANNER.expiring(10));
		expect(world.screen.frame()).toMatch(/Capacity +2 printing device/);
		await nextChangeUntil(world, BANNER.problem);
		expectDay(world, 90);
		expect(world.screen.frame()).toContain('● Stopped');
	});

	it('connect-said-up-to-date-with-the-clock-held: Connect now with the clock still 61 minutes behind says so, and what to do', async () => {
		// It said "licenses are up to date" while the clock banner stayed and MyQ stayed stopped.
		const world = await open();
		await activateWith(world, 'SUB');
		await control(world, 'b', '61', KEY.enter);
		await world.screen.press('2');
		for (let press = 0; press < 6; press++) {
			if (
				world.screen
					.text()
					.includes(
						'Update from license server: renewals, extensions, cancellations.',
					)
			)
				break;
			await world.screen.press('j');
		}
		await world.screen.press(KEY.enter);
		await world.screen.waitFor(
			"Connected to the license server, but this server's clock is still 61 min behind its time: the time is not confirmed, no subscription counts. Set the clock right, then connect again.",
		);
		expect(world.screen.text()).not.toContain('licenses are up to date');
		expect(world.screen.frame()).toContain('● Stopped');
		// b 0 puts the clock right; Connect now confirms the time.
		await control(world, 'b', '0', KEY.enter);
		await world.screen.press(KEY.enter);
		await world.screen.waitFor(
			'Connected to the license server: licenses are up to date.',
		);
		await world.screen.waitFor('● Running');
		expect(world.screen.text()).not.toContain(BANNER.clock);
	});

	it('picker-rows-cut-at-80: Ctrl+K and v list every key and license whole, and the header names the demo whole, in en and fr', async () => {
		// MIX, MULTI and L5 ended in "…" (their second license, the renewal); the header said
		// "DEMO: Demo - a MyQ server from fir…".
		const rowsOf = (frame: string, pattern: RegExp) =>
			frame.split('\n').filter((row) => pattern.test(row));
		for (const lang of ['en', 'fr'] as const) {
			const world = await open(lang);
			const header = world.screen.frame().split('\n')[0] ?? '';
			expect(header).toContain(
				lang === 'en'
					? 'DEMO: every banner and stop'
					: 'DÉMO : bandeaux et arrêts',
			);
			expect(header).not.toContain('…');
			await world.screen.press('2');
			await world.screen.press(KEY.ctrlK);
			await world.screen.waitFor(
				lang === 'en' ? 'Paste which demo key?' : 'Coller quelle clé de démo ?',
			);
			const keys = rowsOf(
				world.screen.frame(),
				/^[› ] (SUB|MIX|MULTI|L5|L10) /,
			);
			expect(keys).toHaveLength(5);
			for (const row of keys) expect(row).not.toContain('…');
			expect(world.screen.frame()).toContain(
				lang === 'en'
					? 'MULTI  10 dev., 30 days + 5 dev., 60 days + 2 dev., 90 days, renews'
					: 'MULTI  10 app., 30 jours + 5 app., 60 jours + 2 app., 90 jours, renouv. auto',
			);
			expect(world.screen.frame()).toContain(
				lang === 'en'
					? 'MIX    subscription, 10 device(s), 30 days + perpetual, 1 device(s)'
					: 'MIX    abonnement, 10 appareil(s), 30 jours + perpétuelle, 1 appareil(s)',
			);
			await world.screen.press(KEY.escape);
			await world.screen.press('v');
			await world.screen.waitFor(
				lang === 'en'
					? 'The vendor acts on which key or license?'
					: "L'éditeur agit sur quelle clé ou licence ?",
			);
			const targets = rowsOf(
				world.screen.frame(),
				/^[› ] (SUB|MIX|MULTI|L5|L10)(\/\d)? /,
			);
			expect(targets).toHaveLength(10);
			for (const row of targets) expect(row).not.toContain('…');
		}
	});

	it('prompt-hint-cut: the clock and time prompts show their keys whole or not at all; a refused amount is said whole', async () => {
		// "Clock back by (…):  Enter apply · Esc canc…", and its error cut the same way.
		for (const lang of ['en', 'fr'] as const) {
			const world = await open(lang);
			await world.screen.press('b');
			await world.screen.waitFor(
				lang === 'en' ? 'Set the clock back by' : "Reculer l'horloge de",
			);
			for (const row of world.screen.frame().split('\n'))
				expect(row).not.toMatch(/…$/);
			await world.screen.press('zz');
			await world.screen.press(KEY.enter);
			await world.screen.waitFor(
				lang === 'en'
					? '✗ Type minutes (61), or 61m, 2h, 1d; +1h sets it forward; 0 puts it right.'
					: "✗ Tapez des minutes (61), ou 61m, 2h, 1j ; +1h l'avance ; 0 la remet à l'heure.",
			);
			await world.screen.press(KEY.escape);
			await world.screen.press(KEY.ctrlT);
			await world.screen.waitFor(
				lang === 'en' ? 'Time (day 0' : 'Temps (jour 0',
			);
			for (const row of world.screen.frame().split('\n'))
				expect(row).not.toMatch(/…$/);
			await world.screen.press(KEY.escape);
		}
	});

	it('note-outlived-the-step: a step’s note goes once the trainer does something by hand (Save, Activate)', async () => {
		// "✎ The customer form is filled in and saved (R2)." stayed beside the licenses activated.
		const world = await open();
		await control(world, 'c');
		expect(world.screen.text()).toContain(
			'✎ The customer form is filled in and saved (R2).',
		);
		await activateWith(world, 'SUB', {isRegistered: true});
		expect(world.screen.frame()).not.toContain('✎');
	});

	it('next-step-said-its-past-day: once the trainer went on by hand, c says it does the step now', async () => {
		// "c ▸ step 2/22, day 0: add the key SUB" stood in the bar at day 49.
		const world = await open();
		await activateWith(world, 'SUB');
		expect(world.screen.frame()).toContain(
			'c ▸ step 2/22, day 0: add the key SUB',
		);
		await control(world, 'x');
		expectDay(world, 20);
		expect(world.screen.frame()).toContain(
			'c ▸ step 2/22, now: add the key SUB',
		);
	});

	it('french-semicolon: x says what changed with the French semicolon ( ; )', async () => {
		const world = await open('fr');
		for (let step = 0; step < 3; step++) await control(world, 'c');
		await control(world, 'x');
		expect(world.screen.text()).toContain(
			"Prochain changement, jour 20 (24 janv. 2027 09:00) : En fonctionnement → Avertissement ; le bandeau d'expiration s'affiche (10 jour(s)).",
		);
	});
});
