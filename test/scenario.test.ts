import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parse as parseYaml, stringify as stringifyYaml} from 'yaml';
import {
	loadScenario,
	MAX_SCENARIO_BYTES,
	parseDuration,
	parseScenario,
	type Scenario,
	ScenarioError,
	type Step,
} from '../simulator/scenario/index.js';
import {DAY, HOUR} from '../source/engine/types.js';

const MINUTE = 60_000;

/** Omit distributed over a union (plain Omit would merge the step kinds). */
type WithoutLine<T> = T extends unknown ? Omit<T, 'line'> : never;
const INVALID = fileURLToPath(
	new URL('../fixtures/scenarios/invalid/', import.meta.url),
);

/** SPEC §5 "Scenario file", verbatim (comments included): it must parse as it is. */
const SPEC_EXAMPLE = `name: Subscription not renewed while offline
start: 2027-01-04T09:00:00Z      # day 0
days: 400                          # timeline covers day 0..days
lang: fr                           # fr | en (default en)
customer: {company: Acme, person: Jane Roe, address: "1 Rue X, Paris", country: FR, email: it@acme.test}
hardware: [server-a, server-b]     # named fingerprints; the first is used at start
keys:                              # the vendor catalog, minted at start; steps name keys by alias
  INST: {type: installation, licenses: [{kind: subscription, devices: 10, termDays: 365, autoRenew: false}]}
  L10:  {type: license, kind: perpetual, devices: 10}
  L5:   {type: license, kind: subscription, devices: 5, termDays: 30, autoRenew: true}
steps:                                        # run in day order; within a day, in file order
  - {day: 0, do: register}                    # fill and save the customer form
  - {day: 0, do: add-key, key: INST}          # or  literal: "ABCDE-..."  for raw text
  - {day: 0, do: activate}                    # online
  - {day: 1, do: add-key, key: L10}
  - {day: 1, do: activate-manual}             # export request, vendor portal, import response
  - {day: 10, do: hardware, use: server-b}    # restart the server on other hardware
  - {day: 12, do: activate}                   # reactivate on the new hardware
  - {day: 40, do: vendor, action: extend, key: INST, days: 365}  # also: cancel-renewal, revoke
  - {day: 50, do: devices, activate: 12}      # one after another; those past capacity are refused (R7). Or deactivate: N
  - {day: 60, do: restart}                    # restart the MyQ server: reload from its store
  - {day: 61, do: clock, shift: -3d}          # move the server clock (R15)
  - {day: 300, do: network, state: offline}   # online | offline | error | slow | garbage
  - {day: 320, do: network, state: online}
  - {day: 320, do: connect}                   # Connect now
expect:
  - {day: 355, state: warning, banners: [subscription-expiring], days: {subscription-expiring: 10}, capacity: 10}
`;

/** The ScenarioError a call throws; fails the test when it throws nothing or something else. */
function errorOf(run: () => unknown): ScenarioError {
	try {
		run();
	} catch (error) {
		if (error instanceof ScenarioError) return error;
		throw error;
	}
	throw new Error('expected a ScenarioError, got a valid scenario');
}

async function loadError(file: string): Promise<ScenarioError> {
	try {
		await loadScenario(file);
	} catch (error) {
		if (error instanceof ScenarioError) return error;
		throw error;
	}
	throw new Error(`expected ${file} to be refused`);
}

/** Issues of a fixture of fixtures/scenarios/invalid/, as `LINE: path: message`. */
async function fixtureIssues(name: string): Promise<string[]> {
	const error = await loadError(join(INVALID, name));
	return error.issues.map(
		(issue) => `${issue.line}: ${issue.path}: ${issue.message}`,
	);
}

/** A small valid scenario to vary; `extra` is YAML appended at the end. */
function minimal(extra = ''): string {
	return [
		'name: Minimal',
		'start: 2027-01-04T09:00:00Z',
		'days: 30',
		'hardware: [server-a, server-b]',
		'keys:',
		'  INST: {type: installation, licenses: [{kind: subscription, devices: 10, termDays: 365}, {kind: perpetual, devices: 2}]}',
		'  L10: {type: license, kind: perpetual, devices: 10}',
		extra,
	].join('\n');
}

function withoutLines(scenario: Scenario) {
	return {
		...scenario,
		steps: scenario.steps.map(({line: _line, ...step}) => step),
		expect: scenario.expect.map(({line: _line, ...expectation}) => expectation),
	};
}

describe('SPEC §5 scenario file: valid scenarios', () => {
	it('SPEC §5: the example of the spec parses, verbatim', () => {
		const scenario = parseScenario(SPEC_EXAMPLE, {
			fileName: 'spec-example.yaml',
		});

		expect(scenario).toEqual({
			name: 'Subscription not renewed while offline',
			start: Date.UTC(2027, 0, 4, 9),
			days: 400,
			lang: 'fr',
			customer: {
				company: 'Acme',
				person: 'Jane Roe',
				address: '1 Rue X, Paris',
				country: 'FR',
				email: 'it@acme.test',
			},
			hardware: ['server-a', 'server-b'],
			keys: {
				INST: {
					type: 'installation',
					licenses: [
						{
							kind: 'subscription',
							devices: 10,
							termDays: 365,
							autoRenew: false,
						},
					],
				},
				L10: {type: 'license', kind: 'perpetual', devices: 10},
				L5: {
					type: 'license',
					kind: 'subscription',
					devices: 5,
					termDays: 30,
					autoRenew: true,
				},
			},
			steps: [
				{day: 0, line: 12, do: 'register'},
				{day: 0, line: 13, do: 'add-key', key: 'INST'},
				{day: 0, line: 14, do: 'activate'},
				{day: 1, line: 15, do: 'add-key', key: 'L10'},
				{day: 1, line: 16, do: 'activate-manual'},
				{day: 10, line: 17, do: 'hardware', use: 'server-b'},
				{day: 12, line: 18, do: 'activate'},
				{
					day: 40,
					line: 19,
					do: 'vendor',
					action: 'extend',
					key: 'INST',
					days: 365,
				},
				{day: 50, line: 20, do: 'devices', activate: 12},
				{day: 60, line: 21, do: 'restart'},
				{day: 61, line: 22, do: 'clock', shift: -3 * DAY},
				{day: 300, line: 23, do: 'network', state: 'offline'},
				{day: 320, line: 24, do: 'network', state: 'online'},
				{day: 320, line: 25, do: 'connect'},
			],
			expect: [
				{
					day: 355,
					line: 27,
					state: 'warning',
					banners: ['subscription-expiring'],
					days: {'subscription-expiring': 10},
					capacity: 10,
				},
			],
		} satisfies Scenario);
	});

	it('SPEC §5: the same scenario written in JSON parses to the same thing, with its own lines', () => {
		// Given the example converted to pretty-printed JSON
		const json = JSON.stringify(parseYaml(SPEC_EXAMPLE), null, 2);
		const lines = json.split('\n');

		// When it is parsed as a .json file
		const scenario = parseScenario(json, {fileName: 'spec-example.json'});

		// Then it is the same scenario, and each step's line is where its object opens in the JSON
		expect(withoutLines(scenario)).toEqual(
			withoutLines(parseScenario(SPEC_EXAMPLE)),
		);
		for (const step of scenario.steps) {
			expect(lines[step.line - 1]?.trim()).toBe('{');
			expect(lines[step.line]).toContain(`"day": ${step.day}`);
		}
	});

	it('SPEC §5: text without a file name is JSON when it parses as JSON, YAML otherwise', () => {
		const json = JSON.stringify(parseYaml(SPEC_EXAMPLE));
		expect(parseScenario(json).name).toBe(
			'Subscription not renewed while offline',
		);
		// a YAML flow mapping also starts with "{" but is not JSON
		const flow =
			'{name: Flow, start: "2027-01-04T09:00:00Z", days: 1, hardware: [a], keys: {}, steps: [{day: 1, do: connect}]}';
		expect(parseScenario(flow).steps).toEqual([
			{day: 1, line: 1, do: 'connect'},
		]);
	});

	it('SPEC §5: a .json file must be strict JSON, even when YAML would read it', () => {
		const error = errorOf(() =>
			parseScenario('name: Not JSON\n', {fileName: 'scenario.json'}),
		);
		expect(error.message).toBe(
			"scenario.json:1: JSON syntax: Unexpected token 'a' (column 1)",
		);
	});

	it.each([
		['{\n  "name": "x",\n  "days": tru\n}', 3],
		['{\n  "a": 1\n  "b": 2\n}', 3],
		['{\n  "a": "x\ny"\n}', 2],
		['{\n  "a": [1, 2,\n  ]\n}', 3],
		['{\n  "a": 01\n}', 2],
		['{"a": 1}\n}', 2],
		['{\n  "a": "\\q"\n}', 2],
		['{\n  "a": 1', 2],
	])(
		'SPEC §5: a JSON syntax error names its line (%j: line %d)',
		(text, line) => {
			const error = errorOf(() => parseScenario(text, {fileName: 'x.json'}));
			expect(error.issues).toEqual([
				{
					path: '',
					line,
					message: expect.stringMatching(/^JSON syntax: .+ \(column \d+\)$/),
				},
			]);
		},
	);

	it('SPEC §5: lang defaults to en, customer to {}, expect to []; contactIntervalHours is kept', () => {
		const scenario = parseScenario(
			minimal('steps: []\ncontactIntervalHours: 6\n'),
		);
		expect(scenario.lang).toBe('en');
		expect(scenario.customer).toEqual({});
		expect(scenario.expect).toEqual([]);
		expect(scenario.contactIntervalHours).toBe(6);
		expect(
			'contactIntervalHours' in parseScenario(minimal('steps: []\n')),
		).toBe(false);
	});

	it('SPEC §5: every kind of step parses to its typed form', () => {
		const scenario = parseScenario(
			minimal(
				`steps:
  - {day: 0, do: register, customer: {company: Other, phone: "+33 1 23 45 67 89"}}
  - {day: 0, do: add-key, literal: "abcde-fghjk"}
  - {day: 0, do: activate}
  - {day: 1, do: activate-manual}
  - {day: 1, do: import-response, tamper: other-fingerprint}
  - {day: 2, do: hardware, use: server-b}
  - {day: 3, do: vendor, action: cancel-renewal, key: INST/1}
  - {day: 3, do: vendor, action: revoke, key: L10}
  - {day: 4, do: devices, deactivate: 2}
  - {day: 5, do: restart, at: "+1d"}
  - {day: 5, do: clock, shift: "+59m"}
  - {day: 6, do: network, state: garbage, at: "+23h59m"}
  - {day: 7, do: connect, at: "+0h"}
`.replace('+1d', '+12h'),
			),
		);
		expect(scenario.steps.map(({line: _line, ...step}) => step)).toEqual([
			{
				day: 0,
				do: 'register',
				customer: {company: 'Other', phone: '+33 1 23 45 67 89'},
			},
			{day: 0, do: 'add-key', literal: 'abcde-fghjk'},
			{day: 0, do: 'activate'},
			{day: 1, do: 'activate-manual'},
			{day: 1, do: 'import-response', tamper: 'other-fingerprint'},
			{day: 2, do: 'hardware', use: 'server-b'},
			{day: 3, do: 'vendor', action: 'cancel-renewal', key: 'INST/1'},
			{day: 3, do: 'vendor', action: 'revoke', key: 'L10'},
			{day: 4, do: 'devices', deactivate: 2},
			{day: 5, do: 'clock', shift: 59 * MINUTE},
			{day: 5, do: 'restart', at: 12 * HOUR},
			{day: 6, do: 'network', state: 'garbage', at: 23 * HOUR + 59 * MINUTE},
			{day: 7, do: 'connect', at: 0},
		] satisfies WithoutLine<Step>[]);
	});

	it('R2 is checked at run time: customer fields are only required to be strings here', () => {
		const scenario = parseScenario(
			minimal(
				'customer: {company: "", email: not-an-email, country: Narnia}\nsteps: []\n',
			),
		);
		expect(scenario.customer).toEqual({
			company: '',
			email: 'not-an-email',
			country: 'Narnia',
		});
		// a phone YAML reads as a number would lose its leading zero: it must be quoted
		const error = errorOf(() =>
			parseScenario(minimal('customer: {phone: 0612345678}\nsteps: []\n')),
		);
		expect(error.issues).toEqual([
			{
				path: 'customer.phone',
				line: 8,
				message: 'expected a string, got 612345678; put it in quotes',
			},
		]);
	});

	it('SPEC §5: expectations may name licenses by alias, INST/n, or INST for its pending row', () => {
		const scenario = parseScenario(
			minimal(
				'steps: []\nexpect:\n  - {day: 0, state: unlicensed, licenses: {INST: pending}}\n  - {day: 1, operational: true, licenses: {INST/1: active, INST/2: hardware-grace, L10: offline-grace}, devices: {activated: 3, licensed: 2}, events: [license-activated]}\n',
			),
		);
		expect(scenario.expect.map((expectation) => expectation.licenses)).toEqual([
			{INST: 'pending'},
			{'INST/1': 'active', 'INST/2': 'hardware-grace', L10: 'offline-grace'},
		]);
		expect(scenario.expect[1]).toMatchObject({
			operational: true,
			devices: {activated: 3, licensed: 2},
			events: ['license-activated'],
		});
	});
});

describe('SPEC §5 order within a day: day, then at, then file order', () => {
	it('SPEC §5: steps are sorted by day, then at, and keep file order on ties', () => {
		const scenario = parseScenario(
			minimal(`steps:
  - {day: 2, do: connect}
  - {day: 1, do: restart, at: "+6h"}
  - {day: 1, do: network, state: offline, at: "+30m"}
  - {day: 1, do: connect}
  - {day: 0, do: activate}
  - {day: 1, do: restart}
  - {day: 1, do: connect, at: "+6h"}
  - {day: 1, do: activate, at: "+0h"}
`),
		);
		expect(
			scenario.steps.map(
				(step) => `${step.day} ${step.at ?? '-'} ${step.do} line ${step.line}`,
			),
		).toEqual([
			'0 - activate line 13',
			'1 - connect line 12',
			'1 - restart line 14',
			'1 0 activate line 16',
			`1 ${30 * MINUTE} network line 11`,
			`1 ${6 * HOUR} restart line 10`,
			`1 ${6 * HOUR} connect line 15`,
			'2 - connect line 9',
		]);
	});

	it('SPEC §5: expectations are sorted by day and keep file order on ties', () => {
		const scenario = parseScenario(
			minimal(
				'steps: []\nexpect:\n  - {day: 5, state: running}\n  - {day: 1, capacity: 0}\n  - {day: 5, operational: true}\n',
			),
		);
		expect(
			scenario.expect.map((expectation) => [expectation.day, expectation.line]),
		).toEqual([
			[1, 11],
			[5, 10],
			[5, 12],
		]);
	});
});

describe('durations (SPEC §5 at and clock shift)', () => {
	it.each([
		['+6h', 6 * HOUR],
		['+30m', 30 * MINUTE],
		['+1d12h', 36 * HOUR],
		['1d12h', 36 * HOUR],
		['90m', 90 * MINUTE],
		['-3d', -3 * DAY],
		['+59m', 59 * MINUTE],
		['-61m', -61 * MINUTE],
		['-2h', -2 * HOUR],
		['45s', 45_000],
		['+2d3h4m5s', 2 * DAY + 3 * HOUR + 4 * MINUTE + 5000],
		['+0h', 0],
		[' +6h ', 6 * HOUR],
	])('parseDuration(%j) is %d ms', (text, ms) => {
		expect(parseDuration(text)).toBe(ms);
	});

	it.each([
		'',
		'6',
		'+',
		'h',
		'6x',
		'1h1d',
		'1d1d',
		'1.5h',
		'6 h',
		'--6h',
		'+-6h',
		'6H',
		`${'9'.repeat(30)}d`,
	])(
		'parseDuration(%j) throws a ScenarioError that quotes the text',
		(text) => {
			const error = errorOf(() => parseDuration(text));
			expect(error.issues).toHaveLength(1);
			expect(error.message).toContain(JSON.stringify(text));
		},
	);

	it('R15: clock shifts may go back (negative); a step at must stay within its day', () => {
		expect(
			parseScenario(minimal('steps: [{day: 1, do: clock, shift: "-61m"}]\n'))
				.steps[0],
		).toMatchObject({shift: -61 * MINUTE});
		const error = errorOf(() =>
			parseScenario(
				minimal(
					'steps: [{day: 1, do: connect, at: "-1h"}, {day: 1, do: connect, at: "+24h"}]\n',
				),
				{fileName: 's.yaml'},
			),
		);
		expect(error.issues.map((issue) => issue.path)).toEqual([
			'steps[0].at',
			'steps[1].at',
		]);
		expect(error.issues[0]?.message).toContain('is not within the day');
	});
});

describe('SPEC §5 validation: every issue, naming its field and line', () => {
	it('SPEC §5: a hardware step must name an entry of hardware (FILE:LINE: path: message)', async () => {
		const text = await readFile(join(INVALID, 'unknown-hardware.yaml'), 'utf8');
		const error = errorOf(() =>
			parseScenario(text, {fileName: 'scenario.yaml'}),
		);
		expect(error.message).toBe(
			'scenario.yaml:14: steps[3].use: "server-c" is not one of hardware [server-a, server-b]',
		);
		expect(error.issues).toEqual([
			{
				path: 'steps[3].use',
				line: 14,
				message: '"server-c" is not one of hardware [server-a, server-b]',
			},
		]);
		expect(error.fileName).toBe('scenario.yaml');
	});

	it('SPEC §5: catalog entries (installation needs a license, subscription a term, perpetual none, devices ≥ 1, aliases)', async () => {
		expect(await fixtureIssues('bad-catalog.yaml')).toEqual([
			'7: keys.EMPTY.licenses: an installation key carries at least one license: list them here',
			'8: keys.SUB.termDays: is required for a subscription (the length of one term in days, at least 1)',
			'9: keys.PERP.termDays: a perpetual license has no term; remove termDays',
			'9: keys.PERP.autoRenew: a perpetual license does not renew; remove autoRenew',
			'10: keys.ZERO.devices: must be at least 1, got 0',
			'11: keys.HALF.devices: expected a whole number, got 2.5',
			'15: keys.INST.licenses[0].termDays: must be at least 1, got 0',
			'16: keys.INST.licenses[1].kind: "lifetime" is not one of perpetual, subscription',
			'17: keys.ODD.type: "bundle" is not one of installation, license',
			'18: keys["bad alias"]: "bad alias" is not a valid alias; use letters, digits, - and _, starting with a letter (like INST or L10)',
		]);
	});

	it('SPEC §5: steps (strict fields, known do, day in the timeline, at within the day, references)', async () => {
		expect(await fixtureIssues('bad-steps.yaml')).toEqual([
			'10: steps[0].customer.mail: unknown field; expected one of company, person, address, country, email, phone',
			'11: steps[1]: give either key (an alias from keys) or literal (raw text), not both',
			'12: steps[2].key: "L11" is not one of keys [INST, L10]',
			'13: steps[3].do: "activat" is not a step; use one of register, add-key, activate, activate-manual, import-response, hardware, vendor, devices, restart, clock, network, connect',
			"14: steps[4].day: must be within the timeline, day 0 to 30 (the scenario's days), got 31",
			'15: steps[5].day: expected a whole number, got 1.5',
			`16: steps[6].at: "+24h" is not within the day: at runs from +0h to under +24h after the day's instant; use a later day for +1d`,
			'17: steps[7].force: unknown field; a "connect" step takes day, at, note, do',
			'18: steps[8].key: "INST/3": INST carries 2 license(s); use INST/1 to INST/2',
			'18: steps[8].days: is required for extend (how many days to add to expiresAt)',
			'19: steps[9].key: "L10/1": L10 is a license key with a single license; name it L10',
			'19: steps[9].days: only applies to action extend, not revoke; remove it',
			'20: steps[10]: needs activate: N or deactivate: N (how many printing devices)',
			'21: steps[11].shift: "-3 days" is not a duration; write it like +6h, -3d, 90m or 1d12h (whole numbers; units d, h, m, s, largest first)',
			'22: steps[12].state: "down" is not one of online, offline, error, slow, garbage',
			'23: steps[13].tamper: "rot13" is not one of flip-byte, other-request, other-fingerprint',
			'24: steps[14].use: is required (a string)',
		]);
	});

	it('SPEC §5: expectations (day, state, banner ids and order, day counts, statuses, license names)', async () => {
		expect(await fixtureIssues('bad-expectations.yaml')).toEqual([
			"11: expect[0].day: must be within the timeline, day 0 to 30 (the scenario's days), got 31",
			'12: expect[1].state: "sleeping" is not one of unlicensed, running, warning, stopped',
			'13: expect[2].banners: banners show in the order license-problem, server-stopped, hardware-changed, server-unreachable, subscription-expiring, clock-tampered; write [hardware-changed, subscription-expiring]',
			'14: expect[3].banners: when MyQ is stopped only the banner that says why shows; server-stopped cannot appear with server-unreachable',
			'15: expect[4].banners[0]: "disk-full" is not one of license-problem, server-stopped, hardware-changed, server-unreachable, subscription-expiring, clock-tampered',
			'16: expect[5].days.license-problem: license-problem shows no day count; only hardware-changed, server-unreachable, subscription-expiring do',
			'16: expect[5].days.expiring: "expiring" is not a banner id; use one of hardware-changed, server-unreachable, subscription-expiring',
			'17: expect[6].licenses.L10: "revoked" is not one of pending, active, hardware-grace, offline-grace, expired, invalid',
			'17: expect[6].licenses.INST/2: "INST/2": INST carries 1 license(s); use INST/1',
			'17: expect[6].licenses.L10/1: "L10/1": L10 is a license key with a single license; name it L10',
			'17: expect[6].licenses.L20: "L20" is not a license of the catalog; use one of INST, INST/1, L10',
			'18: expect[7].devices.unlicensed: unknown field; expected one of activated, licensed, capacity',
			'19: expect[8].events[0]: "License Activated" is not an event type; they are kebab-case, like license-activated',
			'20: expect[9]: asserts nothing; add state, operational, banners, days, capacity, devices, licenses or events',
			'21: expect[10].colour: unknown field; an expectation takes day, state, operational, banners, days, capacity, devices, licenses, events',
		]);
	});

	it('SPEC §5: JSON files report fields with their JSON lines', async () => {
		expect(await fixtureIssues('bad-header.json')).toEqual([
			'2: name: must not be empty',
			'3: start: "next monday" is not an ISO date-time; write it like 2027-01-04T09:00:00Z (with Z or an offset such as +01:00)',
			'4: days: must be at least 0, got -1',
			'5: lang: "de" is not one of fr, en',
			'6: hardware[1]: "server-a" is listed twice; each fingerprint name must be unique',
			'9: colour: unknown field; a scenario takes name, start, days, lang, customer, hardware, keys, steps, expect, contactIntervalHours',
		]);
	});

	it('SPEC §5: a YAML syntax error is reported with its line', async () => {
		const file = join(INVALID, 'syntax-error.yaml');
		const error = await loadError(file);
		expect(error.issues).toEqual([
			{
				path: '',
				line: 5,
				message:
					'YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ] (column 1)',
			},
		]);
		expect(error.message).toBe(
			`${file}:5: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ] (column 1)`,
		);
	});

	it('SPEC §5: a JSON syntax error is reported with its line', async () => {
		expect(await fixtureIssues('trailing-comma.json')).toEqual([
			expect.stringMatching(/^8: : JSON syntax: .+ \(column 1\)$/),
		]);
	});

	it('SPEC §5: missing required fields are all reported at once', () => {
		const error = errorOf(() =>
			parseScenario('# nothing but the language\nlang: en\n', {
				fileName: 'empty.yaml',
			}),
		);
		expect(
			error.issues.map(
				(issue) => `${issue.line}: ${issue.path}: ${issue.message}`,
			),
		).toEqual([
			'2: name: is required (a string)',
			'2: start: is required (an ISO date-time like 2027-01-04T09:00:00Z: day 0)',
			'2: days: is required (a whole number)',
			'2: hardware: is required (a list)',
			'2: keys: is required (a mapping of alias to key, like L10: {type: license, kind: perpetual, devices: 10}); use {} for none',
			'2: steps: is required (a list of steps like {day: 0, do: register}); use [] for none',
		]);
	});

	it('SPEC §5: hardware must not be empty; unknown top-level fields are refused', () => {
		const error = errorOf(() =>
			parseScenario(
				minimal('steps: []\nstep: []\n').replace(
					'hardware: [server-a, server-b]',
					'hardware: []',
				),
			),
		);
		expect(error.issues).toEqual([
			{
				path: 'hardware',
				line: 4,
				message:
					'must name at least one fingerprint (the first is used at start)',
			},
			{
				path: 'step',
				line: 9,
				message:
					'unknown field; a scenario takes name, start, days, lang, customer, hardware, keys, steps, expect, contactIntervalHours',
			},
		]);
	});

	it('SPEC §5: a bad catalog entry is reported once, not again by every step naming it', () => {
		const error = errorOf(() =>
			parseScenario(
				minimal(
					'steps: [{day: 0, do: add-key, key: L10}, {day: 1, do: vendor, action: revoke, key: L10}]\n',
				).replace('devices: 10}', 'devices: 0}'),
			),
		);
		expect(error.issues.map((issue) => issue.path)).toEqual([
			'keys.L10.devices',
		]);
	});

	it('SPEC §5: add-key needs exactly one of key and literal; devices exactly one of activate and deactivate', () => {
		const error = errorOf(() =>
			parseScenario(
				minimal(
					'steps:\n  - {day: 0, do: add-key}\n  - {day: 0, do: devices, activate: 1, deactivate: 1}\n  - {day: 0, do: devices, activate: 0}\n',
				),
			),
		);
		expect(error.issues).toEqual([
			{
				path: 'steps[0]',
				line: 9,
				message:
					'needs key (an alias from keys) or literal (the raw text typed into the key field)',
			},
			{
				path: 'steps[1]',
				line: 10,
				message: 'give either activate or deactivate, not both; use two steps',
			},
			{
				path: 'steps[2].activate',
				line: 11,
				message: 'must be at least 1, got 0',
			},
		]);
	});

	it('SPEC §5: a start without Z or an offset is refused (it would replay differently on every machine)', () => {
		const error = errorOf(() =>
			parseScenario(
				minimal('steps: []\n').replace(
					'2027-01-04T09:00:00Z',
					'2027-01-04T09:00:00',
				),
			),
		);
		expect(error.issues.map((issue) => issue.path)).toEqual(['start']);
		expect(
			parseScenario(
				minimal('steps: []\n').replace(
					'2027-01-04T09:00:00Z',
					'2027-01-04T10:00:00+01:00',
				),
			).start,
		).toBe(Date.UTC(2027, 0, 4, 9));
	});

	it('SPEC §5: duplicate keys are refused, in JSON as in YAML', () => {
		expect(
			errorOf(() =>
				parseScenario('{\n  "name": "a",\n  "name": "b"\n}', {
					fileName: 'x.json',
				}),
			).message,
		).toBe('x.json:3: "name" appears twice in the same object; keep one');
		expect(
			errorOf(() => parseScenario('name: a\nname: b\n', {fileName: 'x.yaml'}))
				.issues[0]?.line,
		).toBe(2);
	});

	it('SPEC §5: a file over 1 MiB is refused, by parseScenario and by loadScenario before reading it', async () => {
		const big = `name: Big\n# ${'x'.repeat(MAX_SCENARIO_BYTES)}\n`;
		expect(errorOf(() => parseScenario(big)).message).toContain(
			'the file is larger than 1 MiB, the most a scenario can be',
		);

		const directory = await mkdtemp(join(tmpdir(), 'scenario-'));
		try {
			const file = join(directory, 'big.yaml');
			await writeFile(file, big);
			expect((await loadError(file)).message).toMatch(
				/big\.yaml: the file is larger than 1 MiB, the most a scenario can be/,
			);
		} finally {
			await rm(directory, {recursive: true, force: true});
		}
	});

	it('SPEC §5: a file that cannot be read is a ScenarioError too', async () => {
		const error = await loadError(join(INVALID, 'no-such-file.yaml'));
		expect(error.message).toMatch(
			/no-such-file\.yaml: cannot read the scenario file: no such file; check the path$/,
		);
	});

	it('SPEC §5: YAML alias bombs and unresolved aliases are refused, not expanded', () => {
		const bomb = [
			'a: &a [x, x, x, x, x, x, x, x, x]',
			'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
			'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
			'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
		].join('\n');
		expect(errorOf(() => parseScenario(bomb)).message).toContain(
			'YAML: Excessive alias count',
		);
		expect(errorOf(() => parseScenario('name: *nowhere\n')).message).toContain(
			'Unresolved alias',
		);
	});

	it('SPEC §5: collections nested deeper than a scenario ever needs are refused before the parser recurses', () => {
		// 1 MiB of "[" or of "- - -" could overflow the stack inside the YAML composer
		const deep = [
			['deep.yaml', `name: ${'['.repeat(200_000)}${']'.repeat(200_000)}`],
			['deep.yaml', `steps:\n  ${'- '.repeat(200_000)}x\n`],
			['deep.json', `{"name": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`],
		] as const;
		for (const [fileName, text] of deep) {
			expect(errorOf(() => parseScenario(text, {fileName})).issues).toEqual([
				{
					path: '',
					line: null,
					message:
						'collections nest more than 64 levels deep; a scenario needs a handful (look for an unclosed [ or {)',
				},
			]);
		}
		// brackets inside quoted strings or block scalars are text, not nesting
		const quoted = minimal(
			`steps:\n  - {day: 0, do: add-key, literal: "${'['.repeat(100)}"}\n  - day: 0\n    do: add-key\n    literal: |\n      ${'{'.repeat(100)}\n`,
		);
		expect(
			parseScenario(quoted).steps.map((step) =>
				step.do === 'add-key' ? step.literal?.trim() : undefined,
			),
		).toEqual(['['.repeat(100), '{'.repeat(100)]);
	});

	it('SPEC §5: an empty file or a file that is not a mapping says what a scenario needs', () => {
		expect(errorOf(() => parseScenario('', {fileName: 'e.yaml'})).message).toBe(
			'e.yaml: the scenario is empty; it needs name, start, days, hardware, keys and steps',
		);
		expect(
			errorOf(() => parseScenario('[1, 2]', {fileName: 'l.json'})).message,
		).toBe(
			'l.json:1: expected a mapping with name, start, days, hardware, keys and steps, got a list',
		);
	});
});

/** Every path to a node of a JSON value, for mutations. */
function pathsOf(
	value: unknown,
	prefix: (string | number)[] = [],
): (string | number)[][] {
	const children = Array.isArray(value)
		? value.map((item, index) => pathsOf(item, [...prefix, index]))
		: typeof value === 'object' && value !== null
			? Object.entries(value).map(([key, item]) =>
					pathsOf(item, [...prefix, key]),
				)
			: [];
	return [prefix, ...children.flat()];
}

function setAt(
	root: unknown,
	path: (string | number)[],
	replacement: unknown,
): unknown {
	if (path.length === 0) return replacement;
	const copy: unknown = structuredClone(root);
	let node = copy as Record<string | number, unknown>;
	for (const segment of path.slice(0, -1))
		node = node[segment] as Record<string | number, unknown>;
	const last = path.at(-1)!;
	if (replacement === undefined) {
		if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
		else delete node[last];
	} else {
		node[last] = replacement;
	}
	return copy;
}

/** The property: a valid scenario or a ScenarioError with issues whose lines exist in the text. */
function parsesOrRefuses(text: string, fileName?: string): void {
	try {
		parseScenario(text, fileName === undefined ? {} : {fileName});
	} catch (error) {
		if (!(error instanceof ScenarioError)) throw error;
		expect(error.issues.length).toBeGreaterThan(0);
		// one line per issue, whatever the input holds
		expect(error.message.split('\n')).toHaveLength(error.issues.length);
		const lineCount = text.split('\n').length;
		for (const issue of error.issues) {
			// the last-resort wrapper means an exception we did not foresee
			expect(issue.message).not.toMatch(/^cannot read the scenario: /);
			if (issue.line !== null) expect(issue.line).toBeGreaterThanOrEqual(1);
			if (issue.line !== null)
				expect(issue.line).toBeLessThanOrEqual(lineCount);
		}
	}
}

describe('SPEC §5 fuzz: any input gives a scenario or a ScenarioError, nothing else', () => {
	it('arbitrary strings, as YAML, JSON or unnamed text', () => {
		fc.assert(
			fc.property(
				fc.string({unit: 'binary', maxLength: 300}),
				fc.constantFrom(undefined, 'f.yaml', 'f.json'),
				(text, fileName) => {
					parsesOrRefuses(text, fileName);
				},
			),
			{numRuns: 500},
		);
	});

	it('JSON text with one character inserted or removed: refused exactly when JSON.parse refuses it, with a line', () => {
		const edit = fc.record({
			text: fc.json({maxDepth: 3}),
			position: fc.nat(),
			insert: fc.option(
				fc.constantFrom(
					'{',
					'}',
					'[',
					']',
					':',
					',',
					'"',
					'\\',
					' ',
					'\n',
					'0',
					'-',
					'.',
					'e',
					't',
					'n',
					'\u0001',
				),
				{nil: undefined},
			),
		});
		fc.assert(
			fc.property(edit, ({text, position, insert}) => {
				const at = position % (text.length + 1);
				const edited =
					insert === undefined
						? text.slice(0, at) + text.slice(at + 1)
						: text.slice(0, at) + insert + text.slice(at);
				let isJson = true;
				try {
					JSON.parse(edited);
				} catch {
					isJson = false;
				}
				const error = errorOf(() =>
					parseScenario(`{"x": ${edited}}`, {fileName: 'f.json'}),
				);
				const syntax = error.issues.filter((issue) =>
					issue.message.startsWith('JSON syntax'),
				);
				if (isJson) expect(syntax).toEqual([]);
				else
					expect(syntax).toEqual([
						expect.objectContaining({line: expect.any(Number)}),
					]);
			}),
			{numRuns: 1000},
		);
	});

	it('arbitrary JSON values, written as JSON and as YAML', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				parsesOrRefuses(JSON.stringify(value), 'f.json');
				parsesOrRefuses(stringifyYaml(value), 'f.yaml');
			}),
			{numRuns: 300},
		);
	});

	it('the spec example with one node replaced by an arbitrary JSON value, or removed', () => {
		const base: unknown = parseYaml(SPEC_EXAMPLE);
		const paths = pathsOf(base);
		fc.assert(
			fc.property(
				fc.constantFrom(...paths),
				fc.option(fc.jsonValue({maxDepth: 3}), {nil: undefined}),
				(path, replacement) => {
					const mutated = setAt(base, path, replacement);
					parsesOrRefuses(
						mutated === undefined ? '' : stringifyYaml(mutated),
						'f.yaml',
					);
					parsesOrRefuses(JSON.stringify(mutated, null, 2) ?? '', 'f.json');
				},
			),
			{numRuns: 500},
		);
	});

	it('non-string input from JavaScript callers is refused the same way', () => {
		for (const input of [undefined, null, 42, {}, []]) {
			expect(() => parseScenario(input as unknown as string)).toThrow(
				ScenarioError,
			);
		}
	});
});
