/**
 * Ten years replayed (issue 4): 3,650 days with a contact a day through MSW, Hono, Ed25519 and
 * SQLite, a few network cuts and a hardware swap. Timed against the cheapest MSW transport
 * alone (3,650 bare `getResponse` round trips) and against the engine alone.
 */
import {execFile} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {getResponse, HttpResponse, http} from 'msw';
import {runScenario} from '../simulator/runner.js';
import {parseScenario} from '../simulator/scenario/index.js';
import {evaluate} from '../source/engine/evaluate.js';
import {initialState, step} from '../source/engine/step.js';
import {
	DAY,
	type LicenseGrant,
	type SignedDocument,
} from '../source/engine/types.js';
import {median, recordFigure} from './figures.js';

const execFileAsync = promisify(execFile);

export const TEN_YEARS = `
name: Ten years
start: 2027-01-04T09:00:00Z
days: 3650
customer: {company: Acme, person: Jane Roe, address: "1 Rue X, Paris", country: FR, email: it@acme.test}
hardware: [server-a, server-b]
keys:
  INST: {type: installation, licenses: [{kind: subscription, devices: 10, termDays: 365, autoRenew: true}, {kind: perpetual, devices: 1}]}
  L5: {type: license, kind: subscription, devices: 5, termDays: 30, autoRenew: true}
steps:
  - {day: 0, do: register}
  - {day: 0, do: add-key, key: INST}
  - {day: 0, do: add-key, key: L5}
  - {day: 0, do: activate}
  - {day: 400, do: network, state: offline}
  - {day: 405, do: network, state: online}
  - {day: 1200, do: network, state: error}
  - {day: 1203, do: network, state: online}
  - {day: 2000, do: hardware, use: server-b}
  - {day: 2002, do: activate}
  - {day: 3000, do: network, state: offline}
  - {day: 3008, do: network, state: online}
expect:
  - {day: 3650, state: running, capacity: 16}
`;

/**
 * The ten-year timeline cut at `days`: its steps up to that day, and one expectation on its last
 * day (the one-day run the figure subtracts: setup, day 0's activation and one contact).
 */
export function timelineOf(days: number): string {
	if (days === 3650) return TEN_YEARS;
	return TEN_YEARS.replace('days: 3650', `days: ${days}`)
		.split('\n')
		.filter((line) => {
			const day = /^ {2}- \{day: (\d+), do:/.exec(line)?.[1];
			return day === undefined || Number(day) <= days;
		})
		.join('\n')
		.replace(
			'{day: 3650, state: running, capacity: 16}',
			`{day: ${days}, state: running}`,
		);
}

export async function benchFullReplay(days = 3650) {
	const scenario = parseScenario(timelineOf(days), {
		fileName: 'ten-years.yaml',
	});
	const started = performance.now();
	const result = await runScenario(scenario);
	const ms = performance.now() - started;
	if (result.expectations.failed.length > 0) {
		throw new Error(
			`the ten-year scenario failed: ${JSON.stringify(result.expectations.failed)}`,
		);
	}
	return {ms, days: result.days.length};
}

export async function benchBareRoundTrips(count = 3650) {
	const body = {
		ok: true,
		document: {payload: {type: 'myq-activation'}, signature: 'x'},
	};
	const handlers = [
		http.all('http://license.bench/*', () => HttpResponse.json(body)),
	];
	const started = performance.now();
	for (let index = 0; index < count; index++) {
		const response = await getResponse(
			handlers,
			new Request('http://license.bench/v1/contact', {
				method: 'POST',
				body: '{}',
			}),
		);
		await response!.json();
	}
	return {ms: performance.now() - started, count};
}

/** The same timeline through the engine alone: a contact a day, a renewal each term. */
export function benchEngineOnly(days = 3650) {
	const start = Date.parse('2027-01-04T09:00:00Z');
	const grant = (
		id: string,
		devices: number,
		term: number | null,
		now: number,
	): LicenseGrant => ({
		id,
		key: id,
		keyKind: 'license',
		kind: term === null ? 'perpetual' : 'subscription',
		devices,
		activatedAt: start,
		expiresAt:
			term === null
				? null
				: start + Math.ceil((now - start + 1) / (term * DAY)) * term * DAY,
		autoRenew: term !== null,
		revokedAt: null,
	});
	const documentAt = (now: number): SignedDocument => ({
		payload: {
			type: 'myq-activation',
			version: 1,
			installationId: 'bench',
			fingerprint: 'fp',
			issuedAt: now,
			licenses: [
				grant('INST/1', 10, 365, now),
				grant('INST/2', 1, null, now),
				grant('L5', 5, 30, now),
			],
		},
		signature: '',
	});
	let state = initialState('bench', start);
	[state] = step(state, {type: 'started', fingerprint: 'fp'}, start);
	[state] = step(
		state,
		{type: 'activation-succeeded', document: documentAt(start), refusals: []},
		start,
	);
	const started = performance.now();
	for (let day = 1; day <= days; day++) {
		const now = start + day * DAY;
		[state] = step(
			state,
			{type: 'contact-succeeded', document: documentAt(now)},
			now,
		);
		evaluate(state, now);
	}
	return {ms: performance.now() - started, days};
}

export type ReplayRun = {bare: number; oneDay: number; tenYears: number};

/**
 * Issue 16's replay figure: the ten-year replay's time beyond a one-day run (what the 3,650
 * days cost, without the setup both pay), against 3,650 bare MSW `getResponse` round trips to a
 * constant JSON handler, in the same process. `runs` whole processes, one after the other; the
 * ratio is the median of theirs, each paired with its own reference.
 */
export async function benchReplayFigure(runs = 5) {
	const child = fileURLToPath(new URL('replay-run.js', import.meta.url));
	const measured: ReplayRun[] = [];
	for (let run = 0; run < runs; run++) {
		const {stdout} = await execFileAsync(process.execPath, [child], {
			maxBuffer: 1024 * 1024,
		});
		measured.push(JSON.parse(stdout) as ReplayRun);
	}
	const marginal = measured.map((run) => run.tenYears - run.oneDay);
	return recordFigure({
		id: 'replay-vs-bare-msw',
		label:
			'10-year daily replay, marginal over a 1-day run, vs 3,650 bare MSW getResponse round trips',
		value: median(marginal),
		reference: {
			label:
				'3,650 bare MSW getResponse round trips to a constant JSON handler',
			value: median(measured.map((run) => run.bare)),
		},
		unit: 'ms',
		ratio: median(measured.map((run, index) => marginal[index]! / run.bare)),
		goal: {ratio: 1.5, atMost: true},
	});
}
