/**
 * The dashboard driven by keys, as a newcomer would: the form (R2), Save (R3), Activate (R4),
 * manual activation (R5), devices (R7), navigation, help, quit; and live updates with no key
 * pressed (banners at `nextChangeAt`, on the simulator and on the real runtime).
 */
import {afterEach, describe, expect, it, vi} from 'vitest';
import {DAY} from '../../source/engine/types.js';
import {createRuntimeSource} from '../../source/ui/dashboard-source.js';
import {withDetail} from '../helpers/log.js';
import {CUSTOMER, createWorld, type World} from '../helpers/world.js';
import {
	type DashboardWorld,
	dashboardWorld,
	renderSource,
	twoDeviceScenario,
} from './dashboard-world.js';
import {KEY, type Screen} from './render.js';

let worlds: DashboardWorld[] = [];
afterEach(async () => {
	for (const world of worlds) await world.dispose();
	worlds = [];
});

async function open(
	options: Parameters<typeof dashboardWorld>[0] = {},
): Promise<DashboardWorld> {
	const world = await dashboardWorld(options);
	worlds.push(world);
	await world.screen.waitFor(
		options.lang === 'fr' ? 'Saisir la licence' : 'Enter license',
	);
	return world;
}

async function type(screen: Screen, ...keys: string[]) {
	for (const key of keys) await screen.press(key);
}

describe('Settings > License, the newcomer path', () => {
	it('R1 R2 R3 R4: Enter license, a wrong email is shown and fixed, Save, Activate', async () => {
		const {screen, controller} = await open();
		// Given Home says Enter license; Enter opens Settings > License on the first field (R1)
		await screen.press(KEY.enter);
		await screen.waitFor('› Company');
		// When the form is filled (Enter types into Company, Tab goes on to the next field) with a
		// wrong email, a demo key pasted, and Save pressed
		await type(
			screen,
			KEY.enter,
			'Acme',
			KEY.tab,
			'Jane Roe',
			KEY.tab,
			'1 Rue de la Paix',
			KEY.tab,
			'fra',
		);
		await screen.waitFor('› France (FR)');
		await type(screen, KEY.tab, 'it@acme', KEY.tab, KEY.tab, KEY.ctrlK);
		// Ctrl+K lists the demo keys (issue 13); Enter pastes the first, SUB.
		await screen.waitFor('Paste which demo key?');
		await screen.press(KEY.enter);
		await screen.waitFor('Installation key');
		await type(screen, KEY.enter, KEY.enter);
		// Then the email, and only it, has its error; nothing typed is lost; no key was added
		await screen.waitFor('Email "it@acme" is not a valid address');
		expect(screen.frame()).toContain('› Email   it@acme');
		expect(screen.text()).toContain('The customer form has 1 error(s)');
		expect(controller.runtime.snapshot().state.pending).toHaveLength(0);
		// When the email is corrected (Enter types into it): the error goes as soon as it is valid
		await type(screen, KEY.enter, '.test');
		await vi.waitFor(() =>
			expect(screen.frame()).not.toContain('is not a valid address'),
		);
		// And Save is pressed again (Tab, Tab: Phone, Keys, then Enter on Keys goes to Save)
		await type(screen, KEY.tab, KEY.tab, KEY.enter, KEY.enter);
		await screen.waitFor('1 key(s) added, pending activation');
		const saved = controller.runtime.snapshot().state;
		expect(saved.customer).toMatchObject({
			company: 'Acme',
			person: 'Jane Roe',
			country: 'FR',
			email: 'it@acme.test',
		});
		expect(saved.pending).toHaveLength(1);
		// Then focus is on Activate; Enter activates: the installation key becomes its licenses
		await screen.waitFor('[»Activate«]');
		await screen.press(KEY.enter);
		await screen.waitFor('Activated: 1 new license(s), 1 in all.');
		await screen.waitFor(/Subscription +10 Active/);
		expect(
			controller.runtime
				.snapshot()
				.evaluation.licenses.map((license) => license.status),
		).toEqual(['active']);
		expect(screen.frame()).toContain('● Running');
	});

	it('R3: format feedback as keys are typed, several keys at once', async () => {
		const {screen, controller} = await open();
		await screen.press(KEY.enter);
		for (let tab = 0; tab < 6; tab++) await screen.press(KEY.tab);
		await screen.press(KEY.enter);
		const [first] = controller.view().keys;
		await screen.press(
			`${first!.key.slice(0, 11)}, KZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ`,
		);
		// 'NBBJG-YETPS' is 10 symbols: the dash only separates groups.
		await screen.waitFor('10 of 25 symbols so far');
		await screen.waitFor('has a typo: its check symbol');
	});

	it('letters typed into a field stay there (q, 1-4, ?); Esc stops typing, then q quits', async () => {
		const {screen} = await open();
		await screen.press(KEY.enter);
		await screen.press(KEY.enter);
		await type(screen, 'q', '2', '?', 'h');
		await screen.waitFor('› Company q2?h');
		expect(screen.hasExited()).toBe(false);
		await screen.press(KEY.escape);
		await screen.press('q');
		await vi.waitFor(() => expect(screen.hasExited()).toBe(true));
	});

	it('R5: manual activation in the demo: the request file, the simulated portal answers, its response read back', async () => {
		const {screen, controller, files} = await open();
		await controller.stepScenario();
		await controller.stepScenario();
		await screen.press('2');
		// Key field → Save → Activate → Connect now → Manual activation
		for (let tab = 0; tab < 4; tab++) await screen.press(KEY.tab);
		await screen.press(KEY.enter);
		await screen.waitFor('Write the request file');
		// The files go to the user's data folder, its absolute path shown (point 9).
		await screen.waitFor('Folder /home/admin/.local/share/myq-license');
		await screen.press(KEY.enter);
		await screen.waitFor(
			'Activation request saved to /home/admin/.local/share/myq-license/activation-request.json',
		);
		const folder = '/home/admin/.local/share/myq-license';
		expect(
			JSON.parse(files.get(`${folder}/activation-request.json`)!),
		).toMatchObject({type: 'myq-activation-request'});
		expect(files.has(`${folder}/activation-response.json`)).toBe(true);
		// Read the response file: the menu's third item.
		await screen.press('3');
		await screen.waitFor('Activated: 1 new license(s), 1 in all.');
		expect(controller.runtime.snapshot().evaluation.state).toBe('running');
		await screen.waitFor('[2 Settings > License]');
	});

	it('R5: a response read from a missing file says which file, with its absolute path, and changes nothing', async () => {
		const {screen, controller} = await open();
		await controller.stepScenario();
		await controller.stepScenario();
		await screen.press('2');
		for (let tab = 0; tab < 4; tab++) await screen.press(KEY.tab);
		await screen.press(KEY.enter);
		await screen.waitFor('Read the response file');
		await screen.press('3');
		await screen.waitFor(
			'/home/admin/.local/share/myq-license/activation-response.json is not an activation response file (no such file)',
		);
		expect(controller.runtime.snapshot().evaluation.state).toBe('unlicensed');
	});
});

describe('navigation, help and quit', () => {
	it('number keys and Tab change screens, Esc goes back, ? shows help, q quits', async () => {
		const {screen} = await open();
		await screen.press('3');
		await screen.waitFor('[3 Devices]');
		await screen.press('4');
		await screen.waitFor('Events, newest first');
		await screen.press(KEY.escape);
		await screen.waitFor('[3 Devices]');
		await screen.press(KEY.tab);
		await screen.waitFor('[4 Events]');
		await screen.press(KEY.tab);
		await screen.waitFor('[1 Home]');
		await screen.press('?');
		await screen.waitFor('Demo simulation');
		await screen.press('x');
		await screen.waitFor('Enter license');
		expect(screen.frame()).not.toContain('Demo simulation');
		await screen.press('q');
		await vi.waitFor(() => expect(screen.hasExited()).toBe(true));
	});

	it('follows resizes: every frame fills the terminal but its last row', async () => {
		const {screen} = await open();
		expect(screen.rawFrame().split('\n')).toHaveLength(23);
		screen.resize(120, 40);
		await screen.waitFor('No customer registered yet.');
		expect(screen.rawFrame().split('\n')).toHaveLength(39);
	});
});

describe('R7: printing devices', () => {
	it('a activates one device, Del deactivates the selected one; one past capacity is refused', async () => {
		const {screen, controller} = await open({
			scenario: twoDeviceScenario('two devices'),
		});
		for (let step = 0; step < 3; step++) await controller.stepScenario();
		await screen.press('3');
		await type(screen, 'a');
		await screen.waitFor('Device device-1 activated (1 of 2).');
		await type(screen, 'a');
		await screen.waitFor('Device device-2 activated (2 of 2).');
		await type(screen, 'a');
		await screen.waitFor('capacity 2 reached');
		await type(screen, KEY.down, KEY.backspace);
		// A destructive key asks first (point 8): y deactivates.
		await screen.waitFor('Deactivate printing device device-2?');
		expect(controller.runtime.snapshot().evaluation.devices.activated).toBe(2);
		await type(screen, 'y');
		await screen.waitFor('Device device-2 deactivated.');
		expect(controller.runtime.snapshot().evaluation.devices.activated).toBe(1);
	});
});

describe('live: banners change with no key pressed', () => {
	it('R10 in the demo: play runs simulated time until the expiry banner shows', async () => {
		const {screen, controller} = await open({
			app: {playStepMs: DAY, playIntervalMs: 5},
		});
		for (let step = 0; step < 3; step++) await controller.stepScenario();
		await screen.press('p');
		await screen.waitFor('▶ playing');
		await screen.waitFor('Your subscription will expire soon', 15_000);
		await screen.press('p');
		await screen.waitFor('⏸ paused');
	});

	it('R10 on the real runtime: its timer publishes at nextChangeAt and the banner appears', async () => {
		const world: World = await createWorld();
		const started = world.runtime.start();
		await world.settle();
		await started;
		const key = await world.mint({
			type: 'license',
			kind: 'subscription',
			devices: 5,
			termDays: 30,
			autoRenew: false,
		});
		await world.runtime.save(CUSTOMER, key);
		const activation = world.runtime.activate();
		await world.settle();
		await activation;
		const source = createRuntimeSource(world.runtime, {
			clock: world.clock.server,
			tickMs: 60_000,
		});
		const {screen} = renderSource(source, {columns: 100, rows: 30});
		try {
			await screen.waitFor('● Running');
			// Day 20 09:00: the countdown starts (10 days left); nothing is pressed.
			await world.advance(20 * DAY);
			await screen.waitFor('interrupted in 10 day(s)');
			await world.advance(DAY);
			await screen.waitFor('interrupted in 9 day(s)');
		} finally {
			screen.unmount();
			await source.dispose();
			await world.dispose();
		}
	});
});

describe('R16 trust on first use, offered by the dashboard on the real runtime', () => {
	it('dashboard-offers-the-server-key: Activate without a trusted key shows the key the server presents; Activate again trusts it and activates', async () => {
		// Given the real runtime with no vendor key configured, a customer and a key pending
		const world: World = await createWorld({vendorKey: null});
		const key = await world.mint({
			type: 'license',
			kind: 'perpetual',
			devices: 3,
		});
		await world.runtime.save(CUSTOMER, key);
		const recorded: string[] = [];
		const source = createRuntimeSource(world.runtime, {
			clock: world.clock.server,
			vendorTrust: {
				presented: () => world.server.fetchPublicKey!(),
				async trust(presented) {
					recorded.push(presented);
					await world.runtime.trustVendorKey(presented);
					return {file: '/home/admin/.config/myq-license/vendor-key.json'};
				},
			},
		});
		const {screen} = renderSource(source, {columns: 200, rows: 40});
		try {
			await screen.press('2');
			await type(screen, KEY.tab, KEY.tab);
			await screen.waitFor('[»Activate«]');

			// When Activate is pressed: nothing is trusted or asked but the key
			await screen.press(KEY.enter);
			await screen.waitFor(
				`The license server presents the key ${world.vendor.publicKey}: if it is your vendor's, press Activate again`,
			);
			expect(recorded).toEqual([]);
			expect(world.runtime.vendorPublicKey).toBeNull();
			expect(world.runtime.snapshot().state.pending).toHaveLength(1);

			// And pressed again: the key is trusted (the admin's choice), then the key activated
			await screen.press(KEY.enter);
			await screen.waitFor(
				`Vendor key ${world.vendor.publicKey} trusted on first use, recorded in /home/admin/.config/myq-license/vendor-key.json. Activated: 1 new license(s), 1 in all.`,
			);
			expect(recorded).toEqual([world.vendor.publicKey]);
			expect(world.runtime.snapshot().evaluation).toMatchObject({
				state: 'running',
				capacity: 3,
			});
			expect(
				withDetail(
					world.runtime
						.snapshot()
						.state.log.find((entry) => entry.type === 'vendor-key-pinned'),
				),
			).toMatchObject({
				detail: `the admin chose to trust the vendor public key ${world.vendor.publicKey} that the license server presents; documents signed with any other key are refused`,
			});
		} finally {
			screen.unmount();
			await source.dispose();
			await world.dispose();
		}
	});
});

describe('demo controls', () => {
	it('Ctrl+T goes to a day, and to a day already past by replaying from day 0', async () => {
		const {screen} = await open();
		await type(screen, KEY.ctrlT, '12', KEY.enter);
		await screen.waitFor('DEMO · day 12');
		// Issue 13, point 3: it was refused ("time only moves forward").
		await type(screen, KEY.ctrlT, '3', KEY.enter);
		await screen.waitFor(
			'Back to day 3 (7 Jan 2027 09:00): replayed from day 0',
		);
		expect(screen.frame()).toContain('DEMO · day 3');
	});

	it('t cuts the network, s swaps the hardware, r restarts', async () => {
		const {screen, controller} = await open();
		for (let step = 0; step < 3; step++) await controller.stepScenario();
		await screen.press('t');
		await screen.waitFor('network: OFFLINE');
		await screen.press('s');
		await screen.waitFor('The MyQ server restarted on hardware server-b.');
		await screen.waitFor("The server's hardware configuration has changed.");
		await screen.press('r');
		await screen.waitFor('The MyQ server restarted.');
	});
});

describe('French (SPEC §6)', () => {
	it('follows --lang fr: labels, banners and messages in French', async () => {
		const {screen, controller} = await open({lang: 'fr'});
		await screen.press(KEY.enter);
		await screen.waitFor('› Entreprise');
		for (let step = 0; step < 3; step++) await controller.stepScenario();
		await controller.jumpToDay(20);
		await screen.waitFor(
			'Votre abonnement va bientôt expirer, tous les services seront interrompus dans 10 jour(s).',
		);
	});
});
