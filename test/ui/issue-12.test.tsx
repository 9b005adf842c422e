/**
 * Issue 12, one interaction test per point, each named after what broke on the main before it
 * (tried in tmux at 80×24 as a newcomer, an admin and a trainer would): the dashboard on the
 * simulator, driven by keys.
 */
import {afterEach, describe, expect, it, vi} from 'vitest';
import {DAY} from '../../source/engine/types.js';
import {bannerText, t} from '../../source/i18n/index.js';
import {App} from '../../source/ui/app.js';
import {countryMatches} from '../../source/ui/components/country-picker/index.js';
import {
	createDemoSource,
	createRuntimeSource,
} from '../../source/ui/dashboard-source.js';
import {eventSentence} from '../../source/ui/event-label.js';
import {Root, type Started} from '../../source/ui/root.js';
import {describeDemoKey} from '../../source/ui/screens/demo-keys.js';
import {createWorld} from '../helpers/world.js';
import {
	createController,
	type DashboardWorld,
	dashboardWorld,
	memoryFiles,
	renderSource,
	twoDeviceScenario,
} from './dashboard-world.js';
import {flatten, KEY, renderScreen, type Screen} from './render.js';

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
		options.lang === 'fr' ? 'Licence MyQ' : 'MyQ License',
	);
	return world;
}

async function type(screen: Screen, ...keys: string[]) {
	for (const key of keys) await screen.press(key);
}

/** The demo's first steps: register, add the installation key, activate (day 0). */
async function activate(world: DashboardWorld) {
	for (let step = 0; step < 3; step++) await world.controller.stepScenario();
}

/**
 * Register, then the demo's key with a subscription and a perpetual license (MIX), activated:
 * two rows in the license table (the demo's first key, SUB, has one since issue 13).
 */
async function activateTwoLicenses(world: DashboardWorld) {
	await world.controller.stepScenario();
	const mix = world.controller.view().keys.find((key) => key.alias === 'MIX');
	await world.controller.runtime.save(null, mix?.key ?? '');
	await world.controller.runtime.activate();
}

/** Pages through the screen with PgDn, as the footer offers, and reads all of it as one text. */
async function readAll(screen: Screen): Promise<string> {
	const texts = [screen.text()];
	for (let page = 0; page < 10; page++) {
		const position = /(\d+)–(\d+) of (\d+)/.exec(screen.frame());
		if (!position || position[2] === position[3]) break;
		await screen.press(KEY.pageDown);
		texts.push(screen.text());
	}
	return texts.join(' ');
}

describe('point 1: every part of Settings > License and Home reachable at 80×24', () => {
	it('settings-table-below-the-fold: with three banners, PgDn reaches the buttons and the license table with its rows', async () => {
		const world = await open();
		await activateTwoLicenses(world);
		await world.controller.jumpToDay(20);
		await world.controller.setNetwork('offline');
		await world.controller.advance(DAY);
		await world.controller.swapHardware();
		const {screen} = world;
		await screen.waitFor('hardware configuration has changed');
		await screen.press('2');
		await screen.press('g');
		// The page says it goes on, and how far.
		await screen.waitFor(/rows 1–\d+ of \d+ · PgUp PgDn scroll/);
		const all = await readAll(screen);
		expect(all).toMatch(/\[.Save.\] \[ Activate \] \[ Connect now \]/);
		expect(all).toContain('Licenses (2)');
		expect(all).toMatch(/…-\w{5}\/1 +Subscription +10 Hardware grace/);
		expect(all).toMatch(/…-\w{5}\/2 +Perpetual +1 Hardware grace/);
	});

	it('home-box-drops-rows: with three banners the License widget keeps its Licenses and Next change rows, reached with PgDn', async () => {
		const world = await open();
		await activateTwoLicenses(world);
		await world.controller.jumpToDay(20);
		await world.controller.setNetwork('offline');
		await world.controller.advance(DAY);
		await world.controller.swapHardware();
		const {screen} = world;
		await screen.waitFor('hardware configuration has changed');
		const all = await readAll(screen);
		expect(all).toContain('Licenses Hardware grace 2');
		expect(all).toMatch(/Next change +\d+ Jan 2027/);
	});

	it('form-errors-cut-at-120x40: five errors show with every field, Phone included', async () => {
		const {screen} = await open({columns: 120, rows: 40});
		await type(
			screen,
			KEY.enter,
			KEY.enter,
			'x',
			KEY.tab,
			KEY.tab,
			KEY.tab,
			KEY.tab,
			'it',
			KEY.tab,
			'#',
			KEY.escape,
		);
		// Phone → Keys → Save
		await type(screen, 'j', 'j', KEY.enter);
		await screen.waitFor('The customer form has');
		const frame = screen.text();
		for (const error of [
			'Person is required',
			'Address is required',
			'Country is required',
			'Email "it" is not a valid address',
			'Phone',
		])
			expect(frame).toContain(error);
		expect(frame).toContain('The customer form has 5 error(s)');
	});

	it('keys-field-scrolls-out-after-a-refused-save (120×40): the Keys field and its verdicts stay in their column', async () => {
		const {screen} = await open({columns: 120, rows: 40});
		const world = worlds[0]!;
		await world.controller.stepScenario();
		await type(screen, '2', KEY.enter, 'KZZZZ-ZZZZZ', KEY.enter, KEY.enter);
		await screen.waitFor('is malformed');
		const frame = screen.frame();
		expect(frame).toMatch(/Keys +KZZZZ-ZZZZZ/);
		expect(frame).toContain('KZZZZ-ZZZZZ: 10 of 25 symbols so far');
	});
});

describe('point 2: typing never triggers a command, a command key never lands in a field', () => {
	it('d-typed-into-keys: after 2, d advances a day and the key field stays empty; Enter types, then d is a letter; the footer says which', async () => {
		const {screen} = await open();
		await type(screen, '2', 'd');
		await screen.waitFor('DEMO · day 1');
		await screen.waitFor('[Browse]');
		expect(screen.frame()).toMatch(/› Company\s*$/m);
		await type(screen, KEY.enter, 'd');
		await screen.waitFor('[Typing: Company]');
		await screen.waitFor('› Company d');
		expect(screen.frame()).toContain('DEMO · day 1');
	});

	it('time-keys-from-a-field: Ctrl+T then d moves time a day from inside a field, which keeps what was typed and keeps typing', async () => {
		const {screen} = await open();
		await type(screen, KEY.enter, KEY.enter, 'Acme', KEY.ctrlT, 'd');
		await screen.waitFor('DEMO · day 1');
		await type(screen, ' Print');
		await screen.waitFor('› Company Acme Print');
		expect(screen.frame()).toContain('[Typing: Company]');
	});
});

describe('point 2 (paste): a paste is text for a field, never keys', () => {
	it('paste-runs-as-keys: text pasted while browsing is left out whole and said; its q quits nothing, its d moves no day, its line break presses nothing', async () => {
		const world = await open();
		const {screen} = world;
		await screen.press('3');
		await screen.waitFor('[Browse]');
		await screen.press('quote: send the request today, reply by\rmail');
		await screen.waitFor(
			'Pasted text left out (43 characters): no field was being typed into',
		);
		expect(screen.hasExited()).toBe(false);
		expect(screen.frame()).toContain('DEMO · day 0');
		expect(screen.frame()).toContain('network: online');
		const fr = await open({lang: 'fr'});
		await fr.screen.press('3');
		await fr.screen.press('quote: send the request today');
		await fr.screen.waitFor('Texte collé laissé de côté (29 caractères)');
		expect(fr.screen.hasExited()).toBe(false);
	});

	it('paste-on-a-field-not-typed-into: keys pasted one a line with the focus on Keys (browsing) go in whole, each checked', async () => {
		const world = await open({columns: 100, rows: 40});
		const {screen} = world;
		const keyOf = (alias: string) =>
			world.controller.view().keys.find((key) => key.alias === alias)!.key;
		const [first, second] = [keyOf('SUB'), keyOf('L5')];
		await type(screen, '2', 'j', 'j', 'j', 'j', 'j', 'j');
		await screen.waitFor(/› Keys\s*$/m);
		await screen.press(`${first}\r${second}\r`);
		await screen.waitFor('[Typing: Keys]');
		const text = flatten(screen.rawFrame());
		expect(text).toContain(`✓ ${first}: Installation key`);
		expect(text).toContain(`✓ ${second}: License key`);
		expect(screen.frame()).toContain('DEMO · day 0');
	});
});

describe('point 2 (start): keys typed while the dashboard starts', () => {
	it('keys-lost-while-starting: 2 typed on the starting frame opens Settings > License once the dashboard shows', async () => {
		const controller = await createController();
		let ready: (started: Started) => void = () => {};
		const starting = new Promise<Started>((resolve) => {
			ready = resolve;
		});
		const screen = renderScreen(
			<Root
				lang="en"
				theme={{isColor: false, timeZone: 'UTC'}}
				start={() => starting}
				appProps={{files: memoryFiles(new Map())}}
				columns={80}
				rows={24}
				isDemo
			/>,
			{columns: 80, rows: 24},
		);
		try {
			await screen.waitFor('Starting');
			screen.stdin.write('2');
			ready({App, source: createDemoSource(controller)});
			await screen.waitFor('[2 Settings > License]');
			await screen.waitFor('› Company');
		} finally {
			screen.unmount();
			await controller.dispose();
		}
	});
});

describe('point 3: messages are whole', () => {
	it('offline-activate-hint-cut: at 80×24 the offline Activate message shows to its end, manual activation hint included, no ".)."', async () => {
		const world = await open();
		await world.controller.stepScenario();
		await world.controller.stepScenario();
		await world.controller.setNetwork('offline');
		const {screen} = world;
		await type(screen, '2', KEY.tab, KEY.tab, KEY.enter);
		await screen.waitFor('Activation failed');
		const text = screen.text();
		expect(text).toContain(
			'The keys stay pending. Without network, use manual activation: export a request file, take it to the vendor portal, and import the response.',
		);
		expect(text).not.toMatch(/\.\)+\./);
	});

	it('key-check-cut: the verdict of a mistyped key wraps whole under the field', async () => {
		const world = await open();
		const [first] = world.controller.view().keys;
		const typo = `${first!.key.slice(0, -1)}${first!.key.endsWith('0') ? '1' : '0'}`;
		await type(
			world.screen,
			'2',
			'G',
			'k',
			'k',
			'k',
			'k',
			'k',
			KEY.enter,
			typo,
		);
		await world.screen.waitFor('has a typo: its check symbol does not match');
	});

	it('events-full-text-cut: the selected event shows whole under the list', async () => {
		const world = await open();
		await activate(world);
		await world.controller.setNetwork('offline');
		await world.controller.advance(DAY);
		// The list cuts the row; the selected event shows whole under it.
		await type(world.screen, '4', 'j');
		await world.screen.waitFor(
			/› 2027-01-05 09:00 The license server could not be reached: no answer over the…\n(.*\n)* The license server could not be reached: no answer over the network\n/,
		);
	});
});

describe('point 4: messages go when their cause goes', () => {
	it('form-error-count-stays: "The customer form has 2 error(s)" goes once both fields are fixed', async () => {
		const {screen} = await open();
		// Person left empty, a wrong email: Save says two errors.
		await type(
			screen,
			KEY.enter,
			KEY.enter,
			'Acme',
			KEY.tab,
			KEY.tab,
			'1 Rue X',
		);
		await type(screen, KEY.tab, 'fra', KEY.tab, 'it@acme', KEY.tab, KEY.tab);
		await type(screen, KEY.enter, KEY.enter);
		await screen.waitFor('The customer form has 2 error(s)');
		await type(screen, KEY.enter, 'Jane Roe', KEY.escape);
		await screen.waitFor('The customer form has 1 error(s)');
		await type(screen, 'j', 'j', 'j', KEY.enter, '.test', KEY.escape);
		await vi.waitFor(() =>
			expect(screen.text()).not.toContain('The customer form has'),
		);
	});

	it('unreachable-message-stays: the failed Connect now message goes once a contact succeeds', async () => {
		const world = await open();
		await activate(world);
		await world.controller.setNetwork('offline');
		const {screen} = world;
		await type(screen, '2', KEY.tab, KEY.tab, KEY.tab, KEY.enter);
		await screen.waitFor('could not be reached');
		await world.controller.setNetwork('online');
		// The next scheduled contact (R14, every 24 hours) succeeds.
		await world.controller.advance(DAY);
		await vi.waitFor(() =>
			expect(screen.text()).not.toContain('could not be reached'),
		);
	});
});

describe('point 5: the open form is not overwritten behind the admin’s back', () => {
	it('form-overwritten-silently: a change of the stored customer while the form is edited is said; Save waits; Reload takes it', async () => {
		const world = await open();
		await world.controller.stepScenario();
		const {screen} = world;
		await type(screen, '2', 'g', KEY.enter, ' Print', KEY.escape);
		// Another program (a CLI `register` on the same store) changes the customer.
		await world.controller.runtime.save(
			{
				company: 'Acme by the CLI',
				person: 'Jane Roe',
				address: '1 Rue de la Paix, Paris',
				country: 'FR',
				email: 'it@acme.test',
			},
			'',
		);
		await screen.waitFor(
			'The stored customer changed while you edited this form',
		);
		expect(screen.text()).toContain('Company Acme Print Print');
		// Save (the table, then up to Save): it waits.
		await type(screen, 'G', 'k', 'k', 'k', 'k', KEY.enter);
		await screen.waitFor('choose Reload or Keep mine before you Save');
		expect(world.controller.runtime.snapshot().state.customer?.company).toBe(
			'Acme by the CLI',
		);
		await type(screen, 'g', KEY.enter);
		await screen.waitFor('Company Acme by the CLI');
	});
});

describe('point 6: the license table tells why', () => {
	const REVOKED = `
name: revoked
start: 2027-01-04T09:00:00Z
days: 10
customer: {company: Acme, person: Jane Roe, address: "1 Rue X", country: FR, email: it@acme.test}
hardware: [server-a]
keys:
  L10: {type: license, kind: perpetual, devices: 10}
  L2: {type: license, kind: perpetual, devices: 2}
steps:
  - {day: 0, do: register}
  - {day: 0, do: add-key, key: L10}
  - {day: 0, do: add-key, key: L2}
  - {day: 0, do: activate}
  - {day: 5, do: vendor, action: revoke, key: L10}
expect: []
`;

	it('revoked-without-reason: "Invalid" says revoked by the vendor (detail line at 80, Why column at 120), and f shows the keys whole', async () => {
		const world = await open({scenario: REVOKED});
		for (let step = 0; step < 5; step++) await world.controller.stepScenario();
		await world.controller.advance(DAY);
		const {screen} = world;
		await type(screen, '2', 'G');
		await screen.waitFor('Invalid · revoked by the vendor');
		const key = world.controller.view().keys[0]!.key;
		expect(screen.rawFrame()).toContain(
			`•••••-•••••-•••••-•••••-${key.slice(-5)} · Invalid`,
		);
		await screen.press('f');
		await vi.waitFor(() =>
			expect(screen.rawFrame()).toContain(
				`${key} · Invalid · revoked by the vendor`,
			),
		);
		await screen.press('f');
		screen.resize(120, 40);
		await screen.waitFor(/Invalid +2027-01-04 +— +revoked by the vendor/);
	});
});

describe('point 7: Events, a log one can use', () => {
	it('failures-end-in-silence: the first successful contact after failed ones is logged', async () => {
		const world = await open();
		await activate(world);
		await world.controller.setNetwork('offline');
		await world.controller.advance(3 * DAY);
		await world.controller.setNetwork('online');
		await world.controller.advance(DAY);
		await type(world.screen, '4', 'j');
		await world.screen.waitFor(
			'The license server is reachable again (unreachable since 2027-01-05 09:00 UTC)',
		);
	});

	it('doubled-wording: an event is said once ("Customer saved: Acme Print")', async () => {
		const world = await open();
		await activate(world);
		await world.screen.press('4');
		await world.screen.waitFor('Customer saved: Acme Print');
		expect(world.screen.text()).not.toMatch(/Customer saved: customer saved/i);
	});

	it('events-filter: / keeps the rows that match, n N move between them, Esc clears', async () => {
		const world = await open();
		await activate(world);
		await world.controller.setNetwork('offline');
		await world.controller.advance(3 * DAY);
		const {screen} = world;
		await type(screen, '4', '/', 'reached', KEY.enter);
		await screen.waitFor('/ reached 3 of');
		expect(screen.frame()).not.toContain('Customer saved');
		await type(screen, 'n');
		expect(screen.frame()).toMatch(
			/› 2027-01-06 09:00 The license server could not be reached/,
		);
		await type(screen, 'N', 'N');
		expect(screen.frame()).toMatch(
			/› 2027-01-05 09:00 The license server could not be reached/,
		);
		await screen.press(KEY.escape);
		await screen.waitFor('Customer saved');
	});
});

describe('point 8: keys people expect', () => {
	it('j-is-jump: j/k move in Events, G goes to the oldest, g back to the newest', async () => {
		const world = await open();
		await activate(world);
		const {screen} = world;
		await type(screen, '4', 'j');
		expect(screen.frame()).toMatch(/› 2027-01-04 09:00 .*Subscription/);
		await type(screen, 'G');
		expect(screen.frame()).toMatch(/› 2027-01-04 09:00 Server started/);
		await type(screen, 'g');
		expect(screen.frame()).toMatch(/› 2027-01-04 09:00 Unlicensed -> Running/);
		expect(screen.frame()).toContain('DEMO · day 0');
	});

	it('help-lists-every-key: ? lists the keys of where the focus is (Del on Devices, not on Home)', async () => {
		const {screen} = await open();
		await screen.press('?');
		await screen.waitFor('Keys: Home');
		expect(screen.text()).not.toContain('Del');
		await type(screen, KEY.escape, '3', '?');
		await screen.waitFor('Keys: Devices');
		expect(screen.text()).toContain('a Del');
	});
});

describe('point 9: manual activation over SSH', () => {
	/**
	 * Settings > License > Manual activation, its key pending (the demo's first two steps), and
	 * "Show the request as text" chosen: the demo portal's answer shows alone, to be copied.
	 * Returns the world and the answer's lines from BEGIN to END, as a person copies them.
	 */
	async function portalAnswer(
		options: Parameters<typeof open>[0] = {},
	): Promise<{world: DashboardWorld; block: string[]}> {
		const world = await open({columns: 100, rows: 44, ...options});
		await world.controller.stepScenario();
		await world.controller.stepScenario();
		const {screen} = world;
		await type(screen, '2', KEY.tab, KEY.tab, KEY.tab, KEY.tab, KEY.enter);
		await screen.waitFor(t(options.lang ?? 'en', 'ui.manual.show'));
		await screen.press('2');
		await screen.waitFor('-----END MYQ ACTIVATION RESPONSE-----');
		const lines = screen
			.rawFrame()
			.split('\n')
			.map((line) => line.trim());
		const block = lines.slice(
			lines.indexOf('-----BEGIN MYQ ACTIVATION RESPONSE-----'),
			lines.indexOf('-----END MYQ ACTIVATION RESPONSE-----') + 1,
		);
		return {world, block};
	}

	it('manual-activation-by-pasted-text: the request and the portal’s answer show as text; the answer pasted back activates', async () => {
		const {world, block} = await portalAnswer();
		const {screen} = world;
		// The answer shows alone (banners covered), to be copied whole; any key closes it, and
		// the page has the request too.
		await screen.press(KEY.escape);
		await screen.waitFor('-----BEGIN MYQ ACTIVATION REQUEST-----');
		// Paste the response, as a terminal pastes: its lines with their line breaks.
		await type(screen, 'g', 'j', '4');
		await screen.waitFor('[Typing: Response]');
		await screen.press(`${block.join('\r')}\r`);
		await screen.waitFor('Activated: 1 new license(s), 1 in all.');
		expect(world.controller.runtime.snapshot().evaluation.state).toBe(
			'running',
		);
	});

	it('paste-response-on-its-item: the response pasted with the focus on Paste the response (not typed into yet) goes into its field and activates', async () => {
		const {world, block} = await portalAnswer();
		const {screen} = world;
		await screen.press(KEY.escape);
		await type(screen, 'g', 'j', 'j', 'j');
		await screen.waitFor('› Paste the response as text');
		await screen.press(`${block.join('\r')}\r`);
		await screen.waitFor('Activated: 1 new license(s), 1 in all.');
		expect(screen.hasExited()).toBe(false);
	});

	it('paste-response-on-its-block: pasted right after closing the portal’s answer (the focus on that block), the response goes into its field and activates', async () => {
		const {world, block} = await portalAnswer({lang: 'fr'});
		const {screen} = world;
		await screen.press(KEY.escape);
		await screen.press(`${block.join('\r')}\r`);
		await screen.waitFor('Activé : 1 nouvelle(s) licence(s), 1 au total.');
		expect(screen.hasExited()).toBe(false);
	});

	it('two-focus-marks-on-manual: once the focus leaves the menu (on the folder), the menu shows no second ›', async () => {
		const {screen} = (await portalAnswer()).world;
		await type(screen, KEY.escape, 'g');
		await screen.waitFor(/^› Folder/m);
		const marks = screen
			.frame()
			.split('\n')
			.filter((row) => row.trimStart().startsWith('›'));
		expect(marks).toEqual([expect.stringMatching(/^› Folder /)]);
		// Back on the menu, its highlight (Show the request) is marked again.
		await screen.press('j');
		await screen.waitFor(/^ *› Show the request as text/m);
		expect(screen.frame()).not.toMatch(/^› Folder/m);
	});

	it('manual-files-in-cwd: the request file goes to the folder typed (~ is the home), shown as an absolute path', async () => {
		const world = await open();
		await world.controller.stepScenario();
		await world.controller.stepScenario();
		const {screen, files} = world;
		await type(screen, '2', KEY.tab, KEY.tab, KEY.tab, KEY.tab, KEY.enter);
		await type(screen, 'g', KEY.enter, KEY.ctrlU, '/srv/exchange', KEY.enter);
		await screen.press('1');
		await screen.waitFor(
			'Activation request saved to /srv/exchange/activation-request.json',
		);
		expect(files.has('/srv/exchange/activation-request.json')).toBe(true);
	});
});

describe('point 11: choice lists on ink-select-input', () => {
	it('country-list: ↓ gives the list the keys, j moves, Enter picks and goes on to Email', async () => {
		const {screen, controller} = await open();
		await type(
			screen,
			KEY.enter,
			KEY.enter,
			KEY.tab,
			KEY.tab,
			KEY.tab,
			'united',
		);
		await screen.waitFor('United');
		await type(screen, KEY.down, 'j', KEY.enter);
		const second = countryMatches('united', 'en')[1]!;
		await screen.waitFor(`Country ${second.name}`);
		await screen.waitFor('[Typing: Email]');
		expect(controller.runtime.snapshot().state.customer).toBeNull();
	});

	it('confirm: Del asks on an ink-select-input list (No first); Enter on No keeps the device', async () => {
		const world = await open({scenario: twoDeviceScenario('confirm')});
		for (let step = 0; step < 3; step++) await world.controller.stepScenario();
		await world.controller.runtime.activateDevice();
		const {screen} = world;
		await type(screen, '3', KEY.backspace);
		await screen.waitFor('› No, keep it');
		await screen.press(KEY.enter);
		await screen.waitFor('device-1');
		expect(
			world.controller.runtime.snapshot().evaluation.devices.activated,
		).toBe(1);
		expect(flatten(screen.frame())).not.toContain('Deactivate printing device');
	});
});

describe('point 13: keys go in as typed and pasted', () => {
	/** Two installation keys and two license keys; the customer registered at day 0. */
	const KEYS = `
name: keys
start: 2027-01-04T09:00:00Z
days: 30
customer: {company: Acme, person: Jane Roe, address: "1 Rue X", country: FR, email: it@acme.test}
hardware: [server-a]
keys:
  I1: {type: installation, licenses: [{kind: perpetual, devices: 2}]}
  I2: {type: installation, licenses: [{kind: perpetual, devices: 3}]}
  L1: {type: license, kind: perpetual, devices: 1}
  L2: {type: license, kind: perpetual, devices: 4}
steps:
  - {day: 0, do: register}
expect: []
`;
	const keyOf = (world: DashboardWorld, alias: string) =>
		world.controller.view().keys.find((key) => key.alias === alias)!.key;
	const marks = (text: string, mark: '✓' | '✗') => text.split(mark).length - 1;
	/** The frame as one line, keys not masked. */
	const raw = (screen: Screen) => flatten(screen.rawFrame());
	const waitRaw = (screen: Screen, text: string) =>
		vi.waitFor(() => expect(raw(screen)).toContain(text), {timeout: 5000});

	it('ctrl-k-replaces-the-field: the demo key Ctrl+K picks goes in after what the field holds, from a field being typed into too', async () => {
		const world = await open({scenario: KEYS, columns: 100, rows: 40});
		await world.controller.stepScenario();
		const {screen} = world;
		// The picker lists I1, I2, L1, L2: Enter picks the first, 3 picks L1.
		await type(screen, '2', KEY.ctrlK, KEY.enter, KEY.ctrlK, '3');
		await waitRaw(screen, `Keys ${keyOf(world, 'I1')}, ${keyOf(world, 'L1')}`);
		const text = raw(screen);
		expect(text).toContain(`✓ ${keyOf(world, 'I1')}: Installation key`);
		expect(text).toContain(`✓ ${keyOf(world, 'L1')}: License key`);
		// Typing into the field, then Ctrl+K: after what was typed.
		await type(
			screen,
			KEY.enter,
			KEY.ctrlU,
			keyOf(world, 'L2'),
			KEY.ctrlK,
			'1',
		);
		await waitRaw(screen, `Keys ${keyOf(world, 'L2')}, ${keyOf(world, 'I1')}`);
	});

	it('three-ticks-for-one-key: one key typed three ways gets one ✓ and two ✗, and Save refuses exactly those two', async () => {
		const world = await open({scenario: KEYS, columns: 100, rows: 40});
		await world.controller.stepScenario();
		const {screen} = world;
		const key = keyOf(world, 'L1');
		const forms = [
			key.toLowerCase(),
			key.replaceAll('-', ''),
			key.replaceAll('-', ' - '),
		];
		await type(screen, '2', KEY.enter, forms.join(', '));
		await screen.waitFor(/✗.*✗/s);
		const before = raw(screen);
		expect(marks(before, '✓')).toBe(1);
		expect(marks(before, '✗')).toBe(2);
		expect(before).toContain(
			`✗ ${key} is typed more than once: Save will add it once and refuse this one`,
		);
		// Enter goes on to Save, Enter saves.
		await type(screen, KEY.enter, KEY.enter);
		await screen.waitFor('1 key(s) added, pending activation');
		expect(
			world.controller.runtime.snapshot().state.pending.map((each) => each.key),
		).toEqual([key]);
		const after = raw(screen);
		for (const form of forms.slice(1))
			expect(after).toContain(
				`Key "${form}" is already in the license table: it was not added again.`,
			);
		// The two refused stay in the field, marked as Save will refuse them again.
		expect(marks(after.split('Demo keys')[0]!, '✗')).toBe(2);
		expect(after).toContain(
			`✗ ${key} is already in the license table: Save will not add it again`,
		);
	});

	it('second-installation-key-ticked: with an installation key in the table, another one is marked as Save refuses it', async () => {
		const world = await open({
			scenario: KEYS,
			columns: 100,
			rows: 40,
			lang: 'fr',
		});
		await world.controller.stepScenario();
		await world.controller.runtime.save(null, keyOf(world, 'I1'));
		const {screen} = world;
		await type(
			screen,
			'2',
			KEY.enter,
			`${keyOf(world, 'I2')}, ${keyOf(world, 'L2')}`,
		);
		await waitRaw(
			screen,
			`✗ ${keyOf(world, 'I2')} est une clé d'installation, et cette installation en a déjà une (${keyOf(world, 'I1')}) : Enregistrer la refusera.`,
		);
		expect(raw(screen)).toContain(`✓ ${keyOf(world, 'L2')} : Clé de licence`);
		await type(screen, KEY.enter, KEY.enter);
		await screen.waitFor('1 clé(s) ajoutée(s)');
		expect(
			world.controller.runtime.snapshot().state.pending.map((each) => each.key),
		).toEqual([keyOf(world, 'I1'), keyOf(world, 'L2')]);
	});
});

describe('typed and pasted text is shown as is, never a control character raw', () => {
	it('control-characters-raw: a paste with a bidirectional override and a C1 control goes in without them, and the status says what was left out', async () => {
		const {screen} = await open();
		await type(screen, KEY.enter, KEY.enter);
		await screen.press('Acme\u202EPrint\u0085 Co\u2028');
		await screen.waitFor('› Company AcmePrint Co');
		await screen.waitFor(
			'Left out of the field: U+202E U+0085 U+2028 (control characters: a field takes printable text only).',
		);
		expect(screen.rawFrame()).not.toMatch(/[\u202E\u0085\u2028]/);
		// The filter of Events too, in French.
		const fr = await open({lang: 'fr'});
		await type(fr.screen, '4', '/');
		await fr.screen.press('dém\u202Earré');
		await fr.screen.waitFor('Laissé hors du champ : U+202E');
		expect(fr.screen.rawFrame()).not.toContain('\u202E');
		expect(fr.screen.text()).toContain('/ démarré');
	});
});

describe('point 14: wording and small things', () => {
	/** Rows of the frame from `column` on, each trimmed, joined: one column read on its own. */
	const columnText = (
		frame: string,
		column: number,
		from = 0,
		to: number | undefined = undefined,
	) =>
		flatten(
			frame
				.split('\n')
				.slice(from, to)
				.map((row) => [...row].slice(column).join(''))
				.join('\n'),
		);

	it.each(['en', 'fr'] as const)(
		'enter-installation-key-when-it-has-one (%s): once the installation key is in the table, the key field’s title asks for license keys',
		async (lang) => {
			const world = await open({lang, columns: 100, rows: 40});
			const {screen} = world;
			await screen.press('2');
			await screen.waitFor(t(lang, 'ui.key-field'));
			await world.controller.stepScenario();
			await world.controller.stepScenario();
			await screen.waitFor(t(lang, 'ui.key-field.more'));
			expect(screen.frame()).not.toContain(t(lang, 'ui.key-field'));
		},
	);

	it('help-any-key-closes: the help said any key closes it, and q quit the dashboard from there; it says so', async () => {
		const world = await open({columns: 100, rows: 40});
		const {screen} = world;
		await screen.press('?');
		await screen.waitFor('Any other key closes this help (q quits).');
		await screen.press('q');
		await vi.waitFor(() => expect(screen.hasExited()).toBe(true));
	});

	it('help-timeline-on-real-dashboard: the real dashboard’s help has no timeline legend; the demo’s has it', async () => {
		const world = await createWorld();
		const source = createRuntimeSource(world.runtime, {
			clock: world.clock.server,
		});
		const {screen} = renderSource(source, {columns: 100, rows: 40});
		try {
			await screen.waitFor('MyQ License');
			await screen.press('?');
			await screen.waitFor('Keys: Home');
			expect(screen.text()).not.toContain('Timeline');
			expect(screen.text()).not.toMatch(/[█▓░] (Running|Warning|Stopped)/);
		} finally {
			screen.unmount();
			await source.dispose();
			await world.dispose();
		}
		const demo = await open({columns: 100, rows: 40});
		await demo.screen.press('?');
		await demo.screen.waitFor('Timeline: █ Running ▓ Warning ░ Stopped');
	});

	it.each(['en', 'fr'] as const)(
		'why-cut-with-full-keys (%s): at 120 columns the Why column keeps each reason whole, full keys shown; at 100 the full keys stay whole and the detail says why',
		async (lang) => {
			const world = await open({lang, columns: 120, rows: 40});
			await activate(world);
			await world.controller.swapHardware();
			await world.controller.jumpToDay(8);
			const {screen} = world;
			await type(screen, '2', 'G', 'f');
			const why = lang === 'fr' ? 'Pourquoi' : 'Why';
			const reason = t(lang, 'ui.reason.hardware-changed');
			const keys = world.controller.runtime
				.snapshot()
				.evaluation.licenses.map((license) => license.id);
			await vi.waitFor(() => expect(screen.rawFrame()).toContain(keys[0]!));
			const frame = screen.rawFrame();
			const rows = frame.split('\n');
			const header = rows.findIndex((row) => row.includes(` ${why}`));
			const detail = rows.findIndex((row) => row.startsWith(` ${keys[0]} · `));
			const column = rows[header]!.indexOf(why);
			expect(columnText(frame, column, header + 1, detail)).toBe(
				keys.map(() => reason).join(' '),
			);
			for (const key of keys) expect(frame).toContain(key);
			for (const row of rows.slice(header, detail))
				expect(row).not.toContain('…');
			screen.resize(100, 30);
			await vi.waitFor(() =>
				expect(screen.rawFrame()).not.toContain(` ${why}`),
			);
			for (const key of keys) expect(screen.rawFrame()).toContain(key);
			expect(flatten(screen.rawFrame())).toContain(
				`${keys[0]} · ${t(lang, 'status.invalid')} · ${reason}`,
			);
		},
	);

	it.each(['en', 'fr'] as const)(
		'home-events-wrap-at-120 (%s): Home’s recent events beside the widget read whole, keys short, no line starts with a colon',
		async (lang) => {
			const world = await open({lang, columns: 120, rows: 40});
			await activate(world);
			const {screen} = world;
			await screen.waitFor(
				lang === 'fr' ? 'Événements récents' : 'Recent events',
			);
			const rows = screen.rawFrame().split('\n');
			const title = rows.findIndex((row) =>
				row.includes(t(lang, 'ui.home.recent-events')),
			);
			const column = rows[title]!.indexOf(t(lang, 'ui.home.recent-events'));
			const right = rows
				.slice(title + 1)
				.map((row) => [...row].slice(column).join(''))
				.filter((row) => /^\S|^ {17}\S/.test(row));
			for (const row of right) expect(row).not.toMatch(/^\s*:/);
			const text = flatten(right.join('\n'));
			for (const entry of world.controller.runtime.snapshot().state.log) {
				const sentence = eventSentence(entry, lang).replace(
					/(?:•{5}-){4}(?=[0-9A-Z]{5})/g,
					'…-',
				);
				expect(text).toContain(sentence);
			}
			// An event that took three rows (the masked key cut at ": Perpetual") takes at most two.
			const starts = right.filter((row) => /^\d{4}-\d{2}-\d{2}/.test(row));
			expect(right.length).toBeLessThanOrEqual(2 * starts.length);
		},
	);

	it.each(['en', 'fr'] as const)(
		'demo-key-descriptions-cut-at-120 (%s): every demo key and what it carries, whole, in the right column',
		async (lang) => {
			const world = await open({lang, columns: 120, rows: 40});
			const {screen} = world;
			await screen.press('2');
			const title = t(lang, 'ui.demo-keys.title').slice(0, 12);
			await screen.waitFor(title);
			const rows = screen.rawFrame().split('\n');
			const at = rows.findIndex((row) => row.includes(title));
			const column = rows[at]!.indexOf(title);
			const text = columnText(screen.rawFrame(), column, at);
			for (const key of world.controller.view().keys) {
				expect(text).toContain(key.key);
				expect(text).toContain(flatten(describeDemoKey(key, lang)));
			}
		},
	);
});

describe('point 12: accessible and plain, with Ink’s screen-reader mode', () => {
	/**
	 * What a screen reader gets is plain: no line of blanks, no drawn border, no glyph strip, no
	 * "rows 1–10 of 22" (every row is read), the product first and the footer's mode last.
	 */
	function checkPlain(frame: string, lang: 'en' | 'fr') {
		const lines = frame.split('\n');
		for (const line of lines) {
			expect(line.trim(), JSON.stringify(frame)).not.toBe('');
			expect(line).not.toMatch(/[╭╮╰╯│─]/);
			expect(line).not.toMatch(/[█▓░]{2}/);
		}
		expect(frame).not.toContain(
			t(lang, 'ui.page.position', {from: 1, to: 2, total: 3}).split('1')[0]!,
		);
		expect(frame).not.toContain(t(lang, 'ui.message.more'));
		expect(lines[0]).toMatch(/^(MyQ License|Licence MyQ) /);
		const mode = lines.findLastIndex((line) => /^\[[^\]]+\] /.test(line));
		expect(mode).toBeGreaterThan(lines.length - 4);
	}

	/** Lines of the frame, for order checks: the index of the first line holding `text`. */
	const lineOf = (frame: string, text: string) =>
		frame.split('\n').findIndex((line) => line.includes(text));

	it.each([
		['en', 80, 24],
		['fr', 80, 24],
		['en', 120, 40],
		['fr', 120, 40],
	] as const)(
		'screen-reader-reads-a-frame (%s, %i×%i): every screen reads as plain lines, in order, one column, the focus said, messages whole',
		async (lang, columns, rows) => {
			const world = await open({lang, columns, rows, isScreenReader: true});
			const {screen, controller} = world;
			checkPlain(screen.rawFrame(), lang);
			expect(screen.rawFrame()).toContain(
				`(selected) [»${t(lang, 'ui.enter-license')}«]`,
			);
			await activate(world);
			await controller.jumpToDay(20);
			await controller.setNetwork('offline');
			await controller.advance(DAY);
			await controller.swapHardware();
			await controller.runtime.activateDevice();
			const banner = t(lang, 'ui.home.recent-events');
			await screen.waitFor(banner);
			// Home: the banners, then the widget's rows, then the events, each on its lines.
			let frame = screen.rawFrame();
			checkPlain(frame, lang);
			const banners = controller.view().snapshot.evaluation.banners;
			expect(banners).toHaveLength(3);
			const widget = lineOf(frame, t(lang, 'ui.home.capacity'));
			for (const each of banners) {
				const text = bannerText(each.id, lang, each.days);
				expect(flatten(frame)).toContain(text);
				const at = lineOf(frame, text.slice(0, 30));
				expect(at).toBeGreaterThan(1);
				expect(at).toBeLessThan(widget);
			}
			expect(lineOf(frame, t(lang, 'ui.home.next-change'))).toBeGreaterThan(
				widget,
			);
			expect(lineOf(frame, banner)).toBeGreaterThan(
				lineOf(frame, t(lang, 'ui.home.next-change')),
			);
			// Settings > License: customer, keys, demo keys, buttons, table, in that order.
			await screen.press('2');
			frame = screen.rawFrame();
			checkPlain(frame, lang);
			const order = [
				t(lang, 'ui.customer'),
				t(lang, 'ui.key-field.more'),
				t(lang, 'ui.demo-keys.title').slice(0, 10),
				t(lang, 'ui.save'),
				`${t(lang, 'ui.licenses')} (1)`,
			].map((text) => lineOf(frame, text));
			expect(order).toEqual([...order].sort((a, b) => a - b));
			expect(order[0]).toBeGreaterThan(0);
			expect(frame).toMatch(/\(selected\) › /);
			// The table focused: its selected row said so; Why whole.
			await screen.press('G');
			frame = screen.rawFrame();
			checkPlain(frame, lang);
			expect(frame).toMatch(/\(selected\) ›…-\w{5}\/1 /);
			// Activate offline: the message whole (at 80×24 too), no "i shows the whole message".
			await type(screen, '1', '2', KEY.tab, KEY.tab, KEY.enter);
			await screen.waitFor(
				lang === 'fr' ? 'activation manuelle' : 'manual activation',
			);
			frame = screen.rawFrame();
			checkPlain(frame, lang);
			expect(flatten(frame)).toMatch(
				lang === 'fr'
					? /importez la réponse\.|importez le fichier de réponse\./
					: /import the response\.|import the response file\./,
			);
			// Devices and Events: the selected row said.
			for (const key of ['3', '4']) {
				await screen.press(key);
				frame = screen.rawFrame();
				checkPlain(frame, lang);
				expect(frame).toMatch(/^\(selected\) › /m);
			}
			// The help: one column, the place's keys then the demo's.
			await screen.press('?');
			frame = screen.rawFrame();
			checkPlain(frame, lang);
			expect(lineOf(frame, t(lang, 'ui.help.demo-title'))).toBeGreaterThan(
				lineOf(frame, t(lang, 'ui.help.quit')),
			);
			// The confirmation of Del: the question, then the answers, No selected.
			await type(screen, KEY.escape, '3', KEY.backspace);
			frame = screen.rawFrame();
			checkPlain(frame, lang);
			expect(frame).toMatch(
				new RegExp(`^\\(selected\\) › +${t(lang, 'ui.confirm.no')}`, 'm'),
			);
			await screen.press(KEY.escape);
			// Manual activation: its page, plain.
			await type(screen, '2', 'g', 'G');
			await type(screen, 'k', KEY.enter);
			await screen.waitFor(t(lang, 'ui.manual-activation'));
			checkPlain(screen.rawFrame(), lang);
		},
	);
});

describe('point 3 (the rest): a message longer than the screen', () => {
	it('whole-message-cut: i shows a message taller than the screen whole, PgDn reaching its end', async () => {
		const world = await open();
		await activate(world);
		await world.controller.jumpToDay(20);
		await world.controller.setNetwork('offline');
		await world.controller.advance(DAY);
		await world.controller.swapHardware();
		const {screen} = world;
		// Fifteen keys that do not pass their check: Save refuses each by name.
		const key = world.controller
			.view()
			.keys.find((each) => each.entry.type === 'license')!.key;
		const typos = Array.from(
			{length: 15},
			(_, index) =>
				`${key.slice(0, -2)}${'ABCDEFGHJKMNPQRSTVWXYZ'[index]}${key.at(-1)}`,
		).filter((typo) => typo !== key);
		await type(screen, '2', KEY.enter, typos.join(', '), KEY.enter, KEY.enter);
		await screen.waitFor(t('en', 'ui.message.more'));
		await screen.press('i');
		await screen.waitFor(t('en', 'ui.message.title'));
		const pages = [flatten(screen.rawFrame())];
		for (let page = 0; page < 10; page++) {
			const position = /(\d+)–(\d+) of (\d+)/.exec(screen.rawFrame());
			if (!position || position[2] === position[3]) break;
			await screen.press(KEY.pageDown);
			pages.push(flatten(screen.rawFrame()));
		}
		const all = pages.join(' ');
		for (const typo of typos) expect(all).toContain(`Key "${typo}"`);
		expect(all).toContain(t('en', 'ui.key-hint.any-key-closes-message'));
		// Any other key closes it.
		await screen.press('x');
		await vi.waitFor(() =>
			expect(screen.rawFrame()).not.toContain(t('en', 'ui.message.title')),
		);
	});
});
