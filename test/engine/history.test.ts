/**
 * What the installation records for export-scenario (engine/history.ts): data, what a replay
 * cannot make by itself, and bounded by time.
 */
import {describe, expect, it} from 'vitest';
import {
	foldHistory,
	HISTORY_KEEP_DAYS,
	type HistoryEntry,
} from '../../source/engine/history.js';
import {step} from '../../source/engine/step.js';
import {
	DAY,
	type EngineState,
	HOUR,
	type LicenseGrant,
} from '../../source/engine/types.js';
import {parseStoredRecord} from '../../source/runtime/stored-record.js';
import {activated, documentOf, FP_A, FP_B, grant, T0} from './fixtures.js';

const codes = (history: HistoryEntry[]) => history.map((entry) => entry.code);

function contact(state: EngineState, now: number, licenses: LicenseGrant[]) {
	return step(
		state,
		{
			type: 'contact-succeeded',
			document: documentOf(licenses, FP_A, now),
		},
		now,
	)[0];
}

describe('the history records what a replay needs, as data', () => {
	it('a start, the customer, keys and an activation, each with what a replay needs and no sentence', () => {
		let [state] = step(
			{...activated([]), document: null, everActivated: false},
			{type: 'started', fingerprint: FP_A, contactInterval: DAY},
			T0,
		);
		[state] = step(
			state,
			{
				type: 'customer-saved',
				customer: {
					company: 'Acme',
					person: 'Jane Roe',
					address: '1 Rue X',
					country: 'FR',
					email: 'it@acme.test',
				},
			},
			T0,
		);
		const license = grant({id: 'K0001-LICENSE', devices: 5});
		[state] = step(
			state,
			{
				type: 'activation-succeeded',
				document: documentOf([license], FP_A, T0 + 10),
				refusals: [],
			},
			T0,
		);
		expect(codes(state.history)).toEqual([
			'started',
			'observed',
			'customer',
			'activation',
			'grants',
			'observed',
		]);
		expect(state.history[0]!.params).toEqual({
			fingerprint: FP_A,
			interval: DAY,
		});
		expect(state.history[3]!.params).toEqual({
			ok: true,
			failure: null,
			skew: 10,
			requested: true,
			manual: false,
		});
		expect(state.history[4]!.params).toEqual({licenses: [license]});
		expect(state.history[5]!.params).toMatchObject({
			state: 'running',
			capacity: 5,
			licenses: {'K0001-LICENSE': 'active'},
		});
		// The customer's fields are the state's, not copied into the history.
		expect(JSON.stringify(state.history)).not.toContain('Jane Roe');
	});

	it('contacts of the schedule that change nothing are not recorded; a change of outcome is, with its failure kind', () => {
		const licenses = [grant({id: 'K0002-LICENSE'})];
		let state = activated(licenses);
		state = contact(state, T0 + DAY, licenses);
		const quiet = state.history.length;
		state = contact(state, T0 + 2 * DAY, licenses);
		state = contact(state, T0 + 3 * DAY, licenses);
		expect(state.history).toHaveLength(quiet);
		[state] = step(
			state,
			{
				type: 'contact-failed',
				failure: {kind: 'network', message: 'ECONNREFUSED'},
			},
			T0 + 4 * DAY,
		);
		[state] = step(
			state,
			{
				type: 'contact-failed',
				failure: {kind: 'network', message: 'ECONNREFUSED'},
			},
			T0 + 5 * DAY,
		);
		[state] = step(
			state,
			{type: 'contact-failed', failure: {kind: 'http', message: '502'}},
			T0 + 6 * DAY,
		);
		const recorded = state.history.filter((entry) => entry.code === 'contact');
		expect(recorded.map((entry) => [entry.at, entry.params])).toEqual([
			[T0 + DAY, {ok: true, failure: null, skew: 0, requested: false}],
			[
				T0 + 4 * DAY,
				{ok: false, failure: 'network', skew: null, requested: false},
			],
			[
				T0 + 6 * DAY,
				{ok: false, failure: 'http', skew: null, requested: false},
			],
		]);
		// The server's own words stay in the log for people, not in the history.
		expect(JSON.stringify(state.history)).not.toContain('ECONNREFUSED');
	});

	it('Connect now is recorded even when it changes nothing', () => {
		const licenses = [grant({id: 'K0003-LICENSE'})];
		let state = contact(activated(licenses), T0 + DAY, licenses);
		const before = state.history.length;
		[state] = step(
			state,
			{
				type: 'contact-succeeded',
				document: documentOf(licenses, FP_A, T0 + DAY + HOUR),
				requested: true,
			},
			T0 + DAY + HOUR,
		);
		expect(state.history.slice(before).map((entry) => entry.code)).toEqual([
			'contact',
		]);
	});

	it('R15: the clock set back is recorded with how far; a clock put right shows in the license server’s time', () => {
		const licenses = [grant({id: 'K0004-LICENSE'})];
		let state = activated(licenses);
		[state] = step(state, {type: 'clock-observed'}, T0 + DAY);
		[state] = step(state, {type: 'clock-observed'}, T0 - 2 * DAY);
		expect(state.history.find((entry) => entry.code === 'clock-back')).toEqual({
			at: T0 - 2 * DAY,
			code: 'clock-back',
			params: {by: 3 * DAY},
		});
		// The server's time in an answer, three days ahead of ours: recorded as the skew.
		[state] = step(
			state,
			{
				type: 'contact-succeeded',
				document: documentOf(licenses, FP_A, T0 + DAY + HOUR),
			},
			T0 - 2 * DAY + HOUR,
		);
		expect(
			state.history.filter((entry) => entry.code === 'contact').at(-1),
		).toMatchObject({params: {ok: true, skew: 3 * DAY}});
	});

	it('R8: another fingerprint seen without a start is recorded; a start records its own', () => {
		let state = activated([grant({id: 'K0005-LICENSE'})]);
		[state] = step(
			state,
			{type: 'fingerprint-seen', fingerprint: FP_B},
			T0 + HOUR,
		);
		[state] = step(state, {type: 'started', fingerprint: FP_A}, T0 + 2 * HOUR);
		expect(
			state.history
				.filter((entry) => entry.code !== 'observed')
				.map((entry) => [entry.code, entry.params]),
		).toEqual([
			['fingerprint', {fingerprint: FP_B}],
			['started', {fingerprint: FP_A, interval: null}],
		]);
	});

	it('a state written before the history was kept is read with an empty one', () => {
		const {history: _history, ...old} = activated([]);
		const record = parseStoredRecord({
			format: 'myq-license-state',
			version: 1,
			state: old,
		});
		expect(record?.state.history).toEqual([]);
	});
});

describe('the history is bounded: the last 400 days in full, older ones summarised', () => {
	it('ten years of daily contacts, a monthly renewal and a countdown each year keep every entry of the last 400 days and one summary before them', () => {
		const monthly = (now: number): LicenseGrant =>
			grant({
				id: 'K0006-MONTHLY',
				kind: 'subscription',
				expiresAt: T0 + Math.ceil((now - T0 + 1) / (30 * DAY)) * 30 * DAY,
				autoRenew: true,
			});
		const yearly = (now: number): LicenseGrant =>
			grant({
				id: 'K0007-YEARLY',
				kind: 'subscription',
				expiresAt: T0 + Math.ceil((now - T0 + 1) / (365 * DAY)) * 365 * DAY,
			});
		let [state] = step(
			{...activated([]), document: null, everActivated: false},
			{
				type: 'activation-succeeded',
				document: documentOf([monthly(T0), yearly(T0)]),
				refusals: [],
			},
			T0,
		);
		const end = T0 + 3650 * DAY;
		let largest = 0;
		for (let now = T0 + DAY; now <= end; now += DAY) {
			state = contact(state, now, [monthly(now), yearly(now)]);
			largest = Math.max(largest, JSON.stringify(state.history).length);
		}
		const cut = end - HISTORY_KEEP_DAYS * DAY;
		const [first, ...rest] = state.history;
		expect(first!.code).toBe('summary');
		expect(first!.at).toBeLessThanOrEqual(cut);
		expect(rest.every((entry) => entry.code !== 'summary')).toBe(true);
		// Nothing of the last 400 days was folded: the renewals of the last 400 days are all there.
		const renewals = rest.filter(
			(entry) =>
				entry.code === 'grants' &&
				entry.params.licenses.some((license) => license.id === 'K0006-MONTHLY'),
		);
		expect(renewals.length).toBeGreaterThanOrEqual(
			Math.floor(HISTORY_KEEP_DAYS / 30),
		);
		expect(Math.min(...rest.map((entry) => entry.at))).toBeLessThanOrEqual(
			cut + DAY,
		);
		// Bounded: no larger after ten years than after the first fold.
		expect(largest).toBeLessThan(64 * 1024);
		// The summary holds the installation as it stood at the cut.
		const summary = foldHistory([first!]);
		expect(summary.grants.map((license) => license.id).sort()).toEqual([
			'K0006-MONTHLY',
			'K0007-YEARLY',
		]);
		expect(summary.terms['K0006-MONTHLY']).toBe(30 * DAY);
	});
});
