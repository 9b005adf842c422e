/**
 * myq-license/testing's renderAtDay (SPEC §6, issue 14): a scenario replayed to a day and the
 * dashboard drawn there by ink-testing-library, at the size asked, without colour, keys masked;
 * and each of its instance's methods: press, advance, waitFor, resize, state.
 */
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {stripVTControlCharacters} from 'node:util';
import stringWidth from 'string-width';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {runScenario} from '../../simulator/runner.js';
import {loadScenario} from '../../simulator/scenario/index.js';
import {bannerText} from '../../source/i18n/banners.js';
import {
	cleanup,
	KEY,
	MASKED_KEY,
	renderAtDay,
	type ScenarioDashboard,
} from '../../source/testing/index.js';

afterEach(cleanup);

/** S10: a 30-day subscription activated on day 0, not renewed; day 20 is ten days before. */
const NOT_RENEWED = 'fixtures/scenarios/subscription-not-renewed.yaml';

/** A scenario as data: nothing registered, nothing activated (Home says Enter license). */
const FRESH = {
	name: 'Fresh install',
	start: '2027-01-04T09:00:00Z',
	days: 30,
	hardware: ['server-a'],
	keys: {L2: {type: 'license', kind: 'perpetual', devices: 2}},
	steps: [],
	expect: [],
};

/** Every row of the frame, and none wider than `columns` (in terminal columns). */
function rowsOf(instance: ScenarioDashboard, columns: number): string[] {
	const rows = instance.lastFrame().split('\n');
	for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(columns);
	return rows;
}

describe('renderAtDay: the frame on a day of a scenario (SPEC §6)', () => {
	for (const lang of ['en', 'fr'] as const) {
		for (const size of [
			{name: '80×24', options: {columns: 80, rows: 24}, columns: 80, rows: 24},
			{name: 'the default size', options: {}, columns: 100, rows: 24},
		]) {
			it(`R10 subscription-expiring on the tenth day before the expiry, ${lang}, ${size.name}`, async () => {
				const instance = await renderAtDay(NOT_RENEWED, 20, {
					...size.options,
					lang,
				});
				await instance.waitFor(bannerText('subscription-expiring', lang, 10));
				// A frame is the terminal's rows but its last (the dashboard leaves it free, so
				// Ink never redraws the whole screen), none wider than its columns.
				expect(rowsOf(instance, size.columns)).toHaveLength(size.rows - 1);
				expect(instance.size()).toEqual({
					columns: size.columns,
					rows: size.rows,
				});
			});
		}
	}

	it('default-size-has-rows: under ink-testing-library stdout says 100 columns and no rows; the dashboard gets 24', async () => {
		const instance = await renderAtDay(NOT_RENEWED, 20);
		expect(instance.stdout.columns).toBe(100);
		expect((instance.stdout as unknown as {rows: number}).rows).toBe(24);
		// The header's state sits at the right edge of the 100 columns.
		expect(instance.lastFrame().split('\n')[0]).toMatch(
			/^MyQ License .{70,}● Warning$/,
		);
		expect(stringWidth(instance.lastFrame().split('\n')[0]!)).toBeGreaterThan(
			95,
		);
	});

	it('the first frame is already at the size asked: no 100-column frame before it', async () => {
		const instance = await renderAtDay(NOT_RENEWED, 20, {
			columns: 80,
			rows: 24,
		});
		expect(instance.frames.length).toBeGreaterThan(0);
		for (const frame of instance.stdout.frames) {
			const rows = stripVTControlCharacters(frame).split('\n');
			expect(rows).toHaveLength(23);
			for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(80);
		}
	});

	it('the scenario as data, in its language by default, on the screen asked', async () => {
		const instance = await renderAtDay({...FRESH, lang: 'fr'}, 0, {
			screen: 'settings-license',
		});
		expect(instance.lastFrame()).toContain('[2 Réglages > Licence]');
		const events = await renderAtDay(FRESH, 0, {screen: 'events'});
		expect(events.lastFrame()).toContain('[4 Events]');
		const devices = await renderAtDay(FRESH, 0, {screen: 'devices'});
		expect(devices.lastFrame()).toContain('[3 Devices]');
	});

	it('events-count-one: one event is "1 event", "1 événement", not "1 events"', async () => {
		for (const [lang, one, many] of [
			['en', '(1 event)', /\(\d+ events\)/],
			['fr', '(1 événement)', /\(\d+ événements\)/],
		] as const) {
			const events = await renderAtDay({...FRESH, lang}, 0, {
				screen: 'events',
			});
			expect(events.lastFrame()).toContain(one);
			expect(events.lastFrame()).not.toMatch(many);
		}
	});

	it('bad input says what is wrong: a scenario field, a day past the scenario, a screen, a size', async () => {
		await expect(renderAtDay({...FRESH, days: 'many'}, 0)).rejects.toThrow(
			/days/,
		);
		await expect(renderAtDay(FRESH, 31)).rejects.toThrow(
			"day must be a whole number from 0 to the scenario's last day, 30; got 31",
		);
		await expect(renderAtDay(FRESH, 1.5)).rejects.toThrow(RangeError);
		await expect(
			renderAtDay(FRESH, 0, {screen: 'settings' as 'home'}),
		).rejects.toThrow(
			'screen must be one of home, settings-license, devices, events, got "settings"',
		);
		await expect(renderAtDay(FRESH, 0, {columns: 0})).rejects.toThrow(
			'columns must be a whole number from 1 to 1000, got 0',
		);
		await expect(
			renderAtDay('fixtures/scenarios/no-such-file.yaml', 0),
		).rejects.toThrow(/no such file/);
	});
});

describe('deterministic frames', () => {
	it('minted-keys-masked-the-same-in-every-run: two scenarios minting other keys draw the same frame', async () => {
		const text = await readFileText(NOT_RENEWED);
		const renamed = text.replace(/^name: .*$/m, 'name: Another name');
		// Given the same timeline under another name (its keys are seeded by the name)
		const [first, second] = await Promise.all(
			[NOT_RENEWED, writeTemp(renamed)].map(async (file) => {
				const instance = await renderAtDay(await file, 20, {
					columns: 120,
					rows: 40,
					screen: 'settings-license',
				});
				// The license table, its keys shown whole (f)
				for (let tab = 0; tab < 5; tab++) await instance.press(KEY.tab);
				await instance.press('f');
				return instance;
			}),
		);
		// Then both show the masked key, in the same frame
		expect(first!.lastFrame()).toContain(`${MASKED_KEY}`);
		expect(second!.lastFrame()).toBe(first!.lastFrame());
		// Though their keys differ
		expect(second!.stdout.lastFrame()).not.toBe(first!.stdout.lastFrame());
	});

	it('color is off by default; color: true keeps the terminal codes', async () => {
		const plain = await renderAtDay(NOT_RENEWED, 20, {columns: 80, rows: 24});
		const coloured = await renderAtDay(NOT_RENEWED, 20, {
			columns: 80,
			rows: 24,
			color: true,
		});
		expect(plain.lastFrame()).not.toContain('\u001B[');
		expect(coloured.lastFrame()).toContain('\u001B[33m'); // the warning, yellow
	});

	it('mask: false shows the keys', async () => {
		const instance = await renderAtDay(NOT_RENEWED, 20, {
			columns: 120,
			rows: 40,
			screen: 'settings-license',
			mask: false,
		});
		expect(instance.lastFrame()).not.toContain('…-XXXXX');
		expect(instance.lastFrame()).toMatch(/…-[0-9A-Z]{5}/);
	});
});

describe('the instance: press, advance, waitFor, resize, state', () => {
	it('press sends a key and resolves with the frame it drew', async () => {
		const instance = await renderAtDay(FRESH, 0, {columns: 80, rows: 24});
		expect(instance.lastFrame()).toContain('[1 Home]');
		const frame = await instance.press('2');
		expect(frame).toContain('[2 Settings > License]');
		expect(frame).toBe(instance.lastFrame());
		// Text goes into a field once Enter opened it for typing
		await instance.press(KEY.enter);
		expect(await instance.press('Acme')).toMatch(/Company +Acme/);
		expect(await instance.press(KEY.escape)).toContain('[Browse]');
	});

	it('advance moves time and performs the steps due on the way, one frame an advance', async () => {
		const instance = await renderAtDay(NOT_RENEWED, 20, {
			columns: 80,
			rows: 24,
		});
		const before = instance.frames.length;
		// Day 21: nine days left
		const frame = await instance.advance({days: 1});
		expect(flat(frame)).toContain('interrupted in 9 day(s)');
		expect(instance.frames.length).toBe(before + 1);
		expect(instance.day()).toBe(21);
		// Hours add to days: day 29 21:00 is still the last day's countdown
		await instance.advance({days: 8, hours: 12});
		expect(instance.day()).toBe(29);
		expect(instance.lastFrame()).toContain('2 Feb 2027 21:00');
		// Day 30: the contact at the expiry did not extend it (R11): MyQ stops
		await instance.advance({hours: 12});
		await instance.waitFor('MyQ is not working');
		expect(instance.state().state).toBe('stopped');
	});

	it('advance-equals-rendering-later: day 20 then 12 days on draws what day 32 draws', async () => {
		const later = await renderAtDay(NOT_RENEWED, 32, {columns: 80, rows: 24});
		const instance = await renderAtDay(NOT_RENEWED, 20, {
			columns: 80,
			rows: 24,
		});
		expect(await instance.advance({days: 12})).toBe(later.lastFrame());
		expect(instance.state()).toEqual(later.state());
	});

	it('advance performs the steps with at on their hour (SPEC §5 order)', async () => {
		const instance = await renderAtDay(
			{
				...FRESH,
				customer: {
					company: 'Acme',
					person: 'Jane Roe',
					address: '1 Rue X',
					country: 'FR',
					email: 'it@acme.test',
				},
				steps: [
					{day: 0, do: 'register'},
					{day: 0, do: 'add-key', key: 'L2'},
					{day: 0, do: 'activate'},
					{day: 2, at: '+6h', do: 'devices', activate: 2},
				],
			},
			2,
			{columns: 80, rows: 24},
		);
		expect(instance.state().devices.activated).toBe(0);
		await instance.advance({hours: 5});
		expect(instance.state().devices.activated).toBe(0);
		await instance.advance({hours: 1});
		expect(instance.state().devices.activated).toBe(2);
	});

	it('advance refuses going back', async () => {
		const instance = await renderAtDay(FRESH, 0);
		await expect(instance.advance({days: -1})).rejects.toThrow(
			'advance: days must be a number of 0 or more (time only moves forward), got -1',
		);
		expect(await instance.advance({})).toBe(instance.lastFrame());
	});

	it('waitFor resolves on a frame to come, also on a text the terminal wrapped; fails showing the last frame', async () => {
		const instance = await renderAtDay(NOT_RENEWED, 19, {
			columns: 80,
			rows: 24,
		});
		const waiting = instance.waitFor(
			'all services will be interrupted in 10 day(s). Please extend your subscription',
		);
		void instance.advance({days: 1});
		expect(await waiting).toContain('▲ Your subscription will expire soon');
		expect(
			await instance.waitFor((frame) => frame.includes('● Warning')),
		).toContain('Warning');
		await expect(
			instance.waitFor('server-stopped', {timeout: 50}),
		).rejects.toThrow(
			/no frame showed "server-stopped" within 50 ms; the last frame:\nMyQ License/,
		);
	});

	it('resize lays the dashboard out at the new size, one frame', async () => {
		const instance = await renderAtDay(NOT_RENEWED, 20, {
			columns: 80,
			rows: 24,
		});
		const count = instance.frames.length;
		const frame = await instance.resize(120, 40);
		expect(instance.frames.length).toBe(count + 1);
		expect(frame.split('\n')).toHaveLength(39);
		expect(rowsOf(instance, 120).some((row) => stringWidth(row) > 100)).toBe(
			true,
		);
		expect(await instance.resize(120, 40)).toBe(frame);
		await instance.resize(80, 24);
		expect(rowsOf(instance, 80)).toHaveLength(23);
		await expect(instance.resize(80, -1)).rejects.toThrow(RangeError);
	});

	it('state is the status --json document of the day, licenses named as simulate names them', async () => {
		const instance = await renderAtDay(NOT_RENEWED, 20, {lang: 'fr'});
		const simulated = await runScenario(await loadScenario(NOT_RENEWED), {
			until: 20,
			lang: 'fr',
		});
		const day = simulated.days[20]!;
		const state = instance.state();
		expect(state).toMatchObject({
			state: day.state,
			operational: day.operational,
			capacity: day.capacity,
			banners: day.banners,
			server: day.server,
			at: day.at,
			vendorKey: {source: 'given'},
		});
		expect(state.licenses.map(({key, status}) => ({key, status}))).toEqual([
			{key: 'S10', status: 'active'},
		]);
		expect(state.banners[0]!.text).toBe(
			bannerText('subscription-expiring', 'fr', 10),
		);
	});

	it('cleanup unmounts every dashboard still open: a key then draws nothing, and press says so', async () => {
		const instance = await renderAtDay(FRESH, 0, {columns: 80, rows: 24});
		await cleanup();
		await expect(instance.press('2', {timeout: 50})).rejects.toThrow(
			/^pressing "2" drew no frame within 50 ms; the last frame:\nMyQ License/,
		);
		// Disposing of it again does nothing more
		await instance.dispose();
	});
});

/** The frame's rows joined: a wrapped banner reads as one line. */
function flat(frame: string): string {
	return frame
		.split('\n')
		.map((row) => row.trim())
		.join(' ');
}

function readFileText(file: string): Promise<string> {
	return readFile(file, 'utf8');
}

const temporary: string[] = [];
afterAll(async () => {
	for (const directory of temporary)
		await rm(directory, {recursive: true, force: true});
});

async function writeTemp(text: string): Promise<string> {
	const directory = await mkdtemp(path.join(tmpdir(), 'myq-scenario-'));
	temporary.push(directory);
	const file = path.join(directory, 'renamed.yaml');
	await writeFile(file, text);
	return file;
}
