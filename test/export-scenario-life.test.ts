/**
 * Issue 15's round trip: a runtime on a simulated clock drives a real store through 400 days of
 * a customer's life; `export-scenario` on that store gives a file whose `simulate --json`
 * matches the states recorded on every day, and whose expect blocks all hold.
 */
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createSimulatedClock} from '../simulator/clock.js';
import {exportScenario, renderScenarioYaml} from '../simulator/export/index.js';
import {runScenario} from '../simulator/runner.js';
import {parseScenario} from '../simulator/scenario/index.js';
import {createSimulatedWorld, type SimulatedWorld} from '../simulator/world.js';
import {type DayEntry, dayEntry} from '../source/commands/status-document.js';
import {HISTORY_KEEP_DAYS} from '../source/engine/history.js';
import {DAY, type EngineState} from '../source/engine/types.js';
import {runCli} from './helpers/cli-process.js';

const cli = (args: string[]) =>
	runCli(args, {env: {NO_COLOR: '1'}, boundMs: 60_000});

/** Day 400 is today: the export's "now" is the end of the life. */
const START = Math.floor((Date.now() - 400 * DAY) / 1000) * 1000;
const DAYS = 400;

let directory: string;
let world: SimulatedWorld;
const recorded: DayEntry[] = [];
let exportedFile: string;

/** What happens in the customer's life, day by day (after that day's scheduled contact). */
function life(keys: {INST: string; L5: string}) {
	const runtime = () => world.runtime;
	const devices = async (count: number) => {
		for (let index = 0; index < count; index++) {
			await runtime().activateDevice();
		}
	};
	const clock = async (shift: number) => {
		// The engine looks at the clock around the change, as its hourly check would.
		await runtime().observe();
		world.clock.shift(shift);
		await runtime().observe();
	};
	return new Map<number, () => Promise<unknown>>([
		// Activation: an installation key (a yearly-ish subscription renewing itself, a perpetual)
		[
			0,
			async () => {
				await runtime().save(
					{
						company: 'Hollowbrook Print Works',
						person: 'Wendeline Fairbairn',
						address: '12 Lantern Lane, Bristol',
						country: 'GB',
						email: 'it@hollowbrook.example',
					},
					keys.INST,
				);
				await runtime().activate();
			},
		],
		// A license key on day 3, then 14 printing devices (capacity 10 + 2 + 5 = 17)
		[
			3,
			async () => {
				await runtime().save(null, keys.L5);
				await runtime().activate();
			},
		],
		[10, () => devices(14)],
		// A network outage past L5's expiry (day 63): offline grace, then expired (R13), devices
		// over capacity (R7)
		[50, async () => world.network.setState('offline')],
		[80, async () => world.network.setState('online')],
		// The vendor extends L5 (the installation only sees it at the next contact)
		[85, () => world.vendor.service.extend(keys.L5, 60)],
		// Day 120: INST/1 renews itself at the contact at its expiry (SPEC §4)
		// A hardware change, reactivated three days later (R8)
		[
			150,
			async () => {
				world.hardware.name = 'server-b';
				await world.restart();
			},
		],
		[153, () => runtime().activate()],
		// The clock set back three days (R15), put right and confirmed five days later
		[200, () => clock(-3 * DAY)],
		[
			205,
			async () => {
				await clock(3 * DAY);
				await runtime().connect();
			},
		],
		// A restart on the same hardware
		[260, () => world.restart()],
		// Devices off and on again, the last ones past capacity
		[
			300,
			async () => {
				await runtime().deactivateDevice();
				await runtime().deactivateDevice();
			},
		],
		[301, () => devices(10)],
		// The vendor cancels INST/1's renewal: it expires at day 360
		[340, () => world.vendor.service.cancelRenewal(`${keys.INST}/1`)],
		// The license server answers with errors for a while
		[380, async () => world.network.setState('error')],
		[385, async () => world.network.setState('online')],
	]);
}

beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'myq-export-life-'));
	const clock = createSimulatedClock(START);
	world = await createSimulatedWorld({
		clock,
		baseUrl: 'http://license.test',
		hardware: 'server-a',
		vendor: {token: 'life-token'},
	});
	const keys = {
		INST: (
			await world.vendor.service.mint({
				type: 'installation',
				licenses: [
					{kind: 'subscription', devices: 10, termDays: 120, autoRenew: true},
					{kind: 'perpetual', devices: 2},
				],
			})
		).key,
		L5: (
			await world.vendor.service.mint({
				type: 'license',
				kind: 'subscription',
				devices: 5,
				termDays: 60,
			})
		).key,
	};
	await world.start();
	const actions = life(keys);
	for (let day = 0; day <= DAYS; day++) {
		await world.advanceTo(START + day * DAY);
		await actions.get(day)?.();
		await world.settle();
		const {state, evaluation} = world.runtime.snapshot();
		recorded.push(dayEntry(state, evaluation, 'en'));
	}
	await world.runtime.stop();
	exportedFile = path.join(directory, 'life.yaml');
	const exported = await cli([
		'export-scenario',
		'--store',
		world.storeUrl,
		'-o',
		exportedFile,
	]);
	if (exported.code !== 0) throw new Error(exported.stderr);
}, 120_000);

afterAll(async () => {
	await world?.dispose();
	await rm(directory, {recursive: true, force: true});
});

/** What the issue compares on every day; license keys are aliases in the replay. */
function view(entry: DayEntry) {
	return {
		state: entry.state,
		banners: entry.banners.map((banner) => ({
			id: banner.id,
			days: banner.days,
		})),
		capacity: entry.capacity,
		devices: entry.devices,
		licenses: entry.licenses.map((license) => ({
			kind: license.kind,
			devices: license.devices,
			status: license.status,
			expiresAt: license.expiresAt,
		})),
	};
}

describe('export-scenario: 400 days of a customer’s life, replayed', () => {
	it('the life went through every path the issue names', () => {
		const banners = new Set(
			recorded.flatMap((day) => day.banners.map((banner) => banner.id)),
		);
		expect([...banners].sort()).toEqual(
			[
				'clock-tampered',
				'hardware-changed',
				'server-unreachable',
				'subscription-expiring',
			].sort(),
		);
		const statuses = new Set(
			recorded.flatMap((day) => day.licenses.map((license) => license.status)),
		);
		expect([...statuses].sort()).toEqual(
			[
				'active',
				'expired',
				'hardware-grace',
				'invalid',
				'offline-grace',
			].sort(),
		);
		// Devices over capacity on some day (R7)
		expect(
			recorded.some((day) => day.devices.licensed < day.devices.activated),
		).toBe(true);
	});

	it('simulate --json on the exported file matches the recorded states on every day, and its expect blocks hold', async () => {
		const text = await readFile(exportedFile, 'utf8');
		const replay = await cli(['simulate', exportedFile, '--json']);
		expect(replay.code, replay.stderr + replay.stdout.slice(0, 2000)).toBe(0);
		const result = JSON.parse(replay.stdout);
		expect(result.days).toHaveLength(DAYS + 1);
		const mismatches = recorded
			.map((entry, day) => ({
				day,
				recorded: view(entry),
				replayed: view(result.days[day]),
			}))
			.filter(
				(pair) =>
					JSON.stringify(pair.recorded) !== JSON.stringify(pair.replayed),
			);
		expect(mismatches.slice(0, 3)).toEqual([]);
		expect(result.expectations.failed).toEqual([]);
		// Its expectations cover the days something changed, not a handful.
		expect(result.expectations.passed).toBeGreaterThan(60);
		// What the history only showed by its effect is said in a comment.
		expect(text).toMatch(
			/# Inferred: the license server's answer of .* showed this change.*\n\s+- \{day: 85, at: \+23h59m59s, do: vendor, action: extend, key: L1, days: 60\}/,
		);
		expect(text).toMatch(/do: vendor, action: cancel-renewal, key: INST\/1/);
		expect(text).toMatch(
			/# Inferred: the license server's time showed .*\n\s+- \{day: 205, do: clock, shift: \+3d\}/,
		);
	});
});

/** Two years, older than what the history keeps in full. */
const TWO_YEARS = `
name: Two years
start: 2027-01-04T09:00:00Z
days: 700
customer: {company: Acme, person: Jane Roe, address: "1 Rue X, Paris", country: FR, email: it@acme.test}
hardware: [server-a, server-b]
keys:
  INST: {type: installation, licenses: [{kind: subscription, devices: 10, termDays: 365, autoRenew: true}, {kind: perpetual, devices: 1}]}
  L5: {type: license, kind: subscription, devices: 5, termDays: 30, autoRenew: true}
  L7: {type: license, kind: subscription, devices: 7, termDays: 200, autoRenew: false}
steps:
  - {day: 0, do: register}
  - {day: 0, do: add-key, key: INST}
  - {day: 0, do: add-key, key: L5}
  - {day: 0, do: activate}
  - {day: 2, at: "+5h", do: add-key, key: L7}
  - {day: 2, at: "+5h", do: activate}
  - {day: 5, do: devices, activate: 12}
  - {day: 100, do: network, state: offline}
  - {day: 105, do: network, state: online}
  - {day: 150, do: vendor, action: extend, key: L7, days: 400}
  - {day: 200, do: hardware, use: server-b}
  - {day: 202, do: activate}
  - {day: 500, do: network, state: offline}
  - {day: 505, do: network, state: online}
  - {day: 600, do: restart}
`;

describe('export-scenario on an installation older than what its history keeps in full', () => {
	it('the days before the last 400 are one summary; the export rebuilds the installation from it and replays to the recorded states after it', async () => {
		// Given two years of an installation, its state at the end
		const scenario = parseScenario(TWO_YEARS, {fileName: 'two-years.yaml'});
		let state = null as unknown as EngineState;
		let now = 0;
		const {days} = await runScenario(scenario, {
			lang: 'en',
			onEnd(simulation) {
				({state} = simulation.runtime.snapshot());
				now = simulation.clock.server.now();
			},
		});
		expect(state.history[0]!.code).toBe('summary');

		// When it is exported and replayed
		const exported = exportScenario(state, {now, lang: 'en'})!;
		const text = renderScenarioYaml(exported, {
			exportedAt: now,
			keepPersonalData: false,
		});
		expect(text).toMatch(/# The history before .* was summarised/);
		const replay = await runScenario(parseScenario(text, {fileName: 'x.yaml'}));

		// Then its expectations hold, and every day after the summary matches
		expect(replay.expectations.failed).toEqual([]);
		expect(replay.expectations.passed).toBeGreaterThan(10);
		const offset = Math.round(
			(Date.parse(replay.start) - scenario.start) / DAY,
		);
		const after = scenario.days - HISTORY_KEEP_DAYS;
		const mismatches = days
			.map((entry, day) => ({day, entry}))
			.filter(({day}) => day >= after)
			.filter(
				({day, entry}) =>
					JSON.stringify(view(entry)) !==
					JSON.stringify(view(replay.days[day - offset]!)),
			);
		expect(mismatches.slice(0, 2)).toEqual([]);
	}, 60_000);
});
