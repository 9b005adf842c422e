import {describe, expect, it} from 'vitest';
import {deviceRefusal} from '../../source/engine/devices.js';
import {
	daysLeft,
	evaluate,
	nextContactAt,
} from '../../source/engine/evaluate.js';
import {type EngineEvent, step} from '../../source/engine/step.js';
import {DAY, type EngineState, HOUR} from '../../source/engine/types.js';
import {withDetail} from '../helpers/log.js';
import {
	activated,
	documentOf,
	FP_A,
	FP_B,
	grant,
	subscription,
	T0,
} from './fixtures.js';

const E = T0 + 365 * DAY; // the subscription's expiry in most tables
const MINUTE = 60_000;

function run(state: EngineState, events: [EngineEvent, number][]): EngineState {
	let current = state;
	for (const [event, at] of events) {
		[current] = step(current, event, at);
	}
	return current;
}

function bannerIds(state: EngineState, now: number) {
	return evaluate(state, now).banners.map((banner) =>
		banner.days === undefined ? banner.id : `${banner.id}:${banner.days}`,
	);
}

describe('day arithmetic (SPEC §2)', () => {
	it.each([
		[E - 11 * DAY, 11],
		[E - 10 * DAY, 10],
		[E - 10 * DAY + 1, 10],
		[E - 10 * DAY - 1, 11],
		[E - DAY, 1],
		[E - 1, 1],
		[E, 0],
	])('daysLeft at %i is %i', (now, expected) => {
		expect(daysLeft(E, now)).toBe(expected);
	});
});

describe('R6 capacity is the sum of the devices of every license that counts', () => {
	it('R6 10 + 1 + 5 = 16 printing devices', () => {
		const state = activated([
			grant({devices: 10}),
			grant({devices: 1}),
			grant({devices: 5}),
		]);
		expect(evaluate(state, T0).capacity).toBe(16);
	});

	it.each([
		['active', T0, 16],
		['offline-grace (counts)', E + DAY, 16],
		['expired after offline grace (does not count)', E + 10 * DAY, 11],
	])('R6 with a 5-device subscription %s', (_label, now, capacity) => {
		const state = activated([
			grant({devices: 10}),
			grant({devices: 1}),
			subscription(E, {devices: 5}),
		]);
		expect(evaluate(state, now).capacity).toBe(capacity);
	});

	it('R6 hardware-grace counts, pending keys and revoked licenses do not', () => {
		const state = activated(
			[grant({devices: 10}), grant({devices: 4, revokedAt: T0})],
			{
				hardware: {current: FP_B, mismatchSince: T0},
				pending: [{key: 'KAAAA', kind: 'license', addedAt: T0}],
			},
		);
		const evaluation = evaluate(state, T0 + DAY);
		expect(evaluation.capacity).toBe(10);
		expect(evaluation.licenses.map((license) => license.status)).toEqual([
			'hardware-grace',
			'invalid',
			'pending',
		]);
	});
});

describe('R7 printing devices up to capacity', () => {
	const base = activated([
		grant({devices: 2}),
		subscription(E, {devices: 1, id: 'S1'}),
	]);

	it('R7 activates up to capacity and refuses one more with capacity and count', () => {
		let state = base;
		for (const id of ['d1', 'd2', 'd3']) {
			const event = {type: 'device-activated', id} as const;
			// A refusal is the command's answer, asked of the engine (not an effect of the step).
			expect(deviceRefusal(state, event, T0 + HOUR)).toBeNull();
			[state] = step(state, event, T0 + HOUR);
		}
		const d4 = {type: 'device-activated', id: 'd4'} as const;
		expect(deviceRefusal(state, d4, T0 + HOUR)).toEqual({
			code: 'capacity-reached',
			params: {id: 'd4', capacity: 3, count: 3},
		});
		const [after] = step(state, d4, T0 + HOUR);
		expect(withDetail(after.log.at(-1))).toMatchObject({
			type: 'device-refused',
			detail: 'device d4 refused: capacity is 3 and 3 devices are activated',
		});
		expect(after.devices.map((device) => device.id)).toEqual([
			'd1',
			'd2',
			'd3',
		]);
	});

	it('R7 the most recent devices become unlicensed when capacity falls, and licensed again when it returns', () => {
		const state = run(base, [
			[{type: 'device-activated', id: 'd1'}, T0 + 1],
			[{type: 'device-activated', id: 'd2'}, T0 + 2],
			[{type: 'device-activated', id: 'd3'}, T0 + 3],
		]);
		// Day 365 + 10: the 1-device subscription is gone; d3, the newest, is unlicensed but kept.
		const shrunk = evaluate(state, E + 10 * DAY);
		expect(shrunk.devices).toMatchObject({
			activated: 3,
			licensed: 2,
			capacity: 2,
		});
		expect(
			shrunk.devices.list.map((device) => [device.id, device.licensed]),
		).toEqual([
			['d1', true],
			['d2', true],
			['d3', false],
		]);
		// A renewal arrives: d3 is licensed again without anyone touching it.
		const renewed = run(state, [
			[
				{
					type: 'contact-succeeded',
					document: documentOf([
						grant({devices: 2}),
						subscription(E + 365 * DAY, {devices: 1, id: 'S1'}),
					]),
				},
				E + 11 * DAY,
			],
		]);
		expect(evaluate(renewed, E + 11 * DAY).devices).toMatchObject({
			activated: 3,
			licensed: 3,
			capacity: 3,
		});
	});
});

describe('R8 hardware binding', () => {
	const base = activated([grant({devices: 10})]);
	const seen = T0 + 2 * DAY;
	const changed = run(base, [
		[{type: 'fingerprint-seen', fingerprint: FP_B}, seen],
	]);

	it.each([
		[
			'at the first sighting',
			seen,
			'hardware-grace',
			'warning',
			['hardware-changed:7'],
		],
		[
			'six days later',
			seen + 6 * DAY,
			'hardware-grace',
			'warning',
			['hardware-changed:1'],
		],
		[
			'one millisecond before seven days',
			seen + 7 * DAY - 1,
			'hardware-grace',
			'warning',
			['hardware-changed:1'],
		],
		[
			'at seven days',
			seen + 7 * DAY,
			'invalid',
			'stopped',
			['license-problem'],
		],
	])('R8 %s', (_label, now, status, operational, banners) => {
		const evaluation = evaluate(changed, now);
		expect(evaluation.licenses[0]?.status).toBe(status);
		expect(evaluation.state).toBe(operational);
		expect(bannerIds(changed, now)).toEqual(banners);
	});

	it('R8 reactivating within the grace binds to the new fingerprint and clears it', () => {
		const reactivated = run(changed, [
			[
				{
					type: 'activation-succeeded',
					document: documentOf([grant({devices: 10})], FP_B),
					refusals: [],
				},
				seen + 3 * DAY,
			],
		]);
		expect(evaluate(reactivated, seen + 30 * DAY)).toMatchObject({
			state: 'running',
			banners: [],
		});
		expect(reactivated.log.map((entry) => entry.type)).toContain('reactivated');
	});

	it('R8 reactivating after the grace brings MyQ back', () => {
		const late = run(changed, [
			[
				{
					type: 'activation-succeeded',
					document: documentOf([grant({devices: 10})], FP_B),
					refusals: [],
				},
				seen + 9 * DAY,
			],
		]);
		expect(evaluate(late, seen + 9 * DAY).state).toBe('running');
	});

	it('R8 seeing the original fingerprint again clears it', () => {
		const back = run(changed, [
			[{type: 'fingerprint-seen', fingerprint: FP_A}, seen + DAY],
		]);
		expect(back.hardware.mismatchSince).toBeNull();
		expect(evaluate(back, seen + 10 * DAY).state).toBe('running');
	});

	it('R8 a contact from other hardware keeps the old binding and the countdown', () => {
		const contacted = run(changed, [
			[
				{
					type: 'contact-succeeded',
					document: documentOf([grant({devices: 10})], FP_A),
				},
				seen + DAY,
			],
		]);
		expect(contacted.hardware.mismatchSince).toBe(seen);
		expect(bannerIds(contacted, seen + DAY)).toEqual(['hardware-changed:6']);
	});
});

describe('R9 subscriptions show when they expire or renew', () => {
	it('R9 expiresAt for a plain subscription, renewsAt when auto-renewal is on', () => {
		const state = activated([
			subscription(E, {id: 'S1'}),
			subscription(E + DAY, {id: 'S2', autoRenew: true}),
			grant({id: 'P'}),
		]);
		const licenses = evaluate(state, T0).licenses;
		expect(
			licenses.map((license) => [
				license.id,
				license.expiresAt,
				license.renewsAt,
			]),
		).toEqual([
			['S1', E, null],
			['S2', E + DAY, E + DAY],
			['P', null, null],
		]);
	});
});

describe('R10 subscription-expiring during the last ten days', () => {
	const state = activated([subscription(E, {devices: 5})]);
	it.each([
		['11 days before', E - 11 * DAY, 'running', []],
		['10 days before', E - 10 * DAY, 'warning', ['subscription-expiring:10']],
		['9.5 days before', E - 9.5 * DAY, 'warning', ['subscription-expiring:10']],
		['1 day before', E - DAY, 'warning', ['subscription-expiring:1']],
		['1 ms before', E - 1, 'warning', ['subscription-expiring:1']],
	])('R10 %s', (_label, now, operational, banners) => {
		expect(evaluate(state, now).state).toBe(operational);
		expect(bannerIds(state, now)).toEqual(banners);
	});

	it('R10 no countdown for a subscription that renews automatically', () => {
		const renewing = activated([subscription(E, {autoRenew: true})]);
		expect(bannerIds(renewing, E - 5 * DAY)).toEqual([]);
	});

	it('R10 the earliest expiring subscription gives the days', () => {
		const two = activated([
			subscription(E, {id: 'A'}),
			subscription(E - 3 * DAY, {id: 'B'}),
		]);
		expect(bannerIds(two, E - 5 * DAY)).toEqual(['subscription-expiring:2']);
	});
});

describe('R11 expiry confirmed by the license server', () => {
	const state = activated([subscription(E, {devices: 5, id: 'S1'})]);
	const confirmed = run(state, [
		[
			{
				type: 'contact-succeeded',
				document: documentOf([subscription(E, {devices: 5, id: 'S1'})]),
			},
			E,
		],
	]);

	it('R11 at the instant of expiry, with a contact at that instant that did not extend it: expired, stopped', () => {
		const evaluation = evaluate(confirmed, E);
		expect(evaluation.licenses[0]).toMatchObject({
			status: 'expired',
			reason: 'not-renewed',
		});
		expect(evaluation).toMatchObject({
			state: 'stopped',
			operational: false,
			banners: [{id: 'license-problem'}],
		});
	});

	it('R11 a contact one millisecond before the expiry does not confirm it', () => {
		const early = run(state, [
			[
				{
					type: 'contact-succeeded',
					document: documentOf([subscription(E, {devices: 5, id: 'S1'})]),
				},
				E - 1,
			],
		]);
		expect(evaluate(early, E).licenses[0]?.status).toBe('offline-grace');
	});

	it('R11 other licenses keep MyQ running', () => {
		const mixed = activated([
			subscription(E, {devices: 5, id: 'S1'}),
			grant({devices: 1}),
		]);
		const after = run(mixed, [
			[
				{
					type: 'contact-succeeded',
					document: documentOf([
						subscription(E, {devices: 5, id: 'S1'}),
						grant({devices: 1}),
					]),
				},
				E,
			],
		]);
		expect(evaluate(after, E)).toMatchObject({state: 'running', capacity: 1});
	});

	it('R11 an extension seen at the contact keeps it active', () => {
		const extended = run(state, [
			[
				{
					type: 'contact-succeeded',
					document: documentOf([
						subscription(E + 30 * DAY, {devices: 5, id: 'S1'}),
					]),
				},
				E,
			],
		]);
		expect(evaluate(extended, E)).toMatchObject({
			state: 'running',
			capacity: 5,
		});
	});

	it('R11 logs the expiry', () => {
		expect(confirmed.log.map((entry) => entry.type)).toEqual(
			expect.arrayContaining(['license-expired', 'state-changed']),
		);
	});
});

describe('R12 license server unreachable', () => {
	const state = activated([subscription(E, {devices: 5}), grant({devices: 1})]);
	const failure = {kind: 'network', message: 'connection refused'};

	it.each([
		['far from expiry', E - 100 * DAY, ['server-unreachable:110']],
		['11 days before expiry', E - 11 * DAY, ['server-unreachable:21']],
		[
			'10 days before expiry',
			E - 10 * DAY,
			['server-unreachable:20', 'subscription-expiring:10'],
		],
		[
			'1 day before expiry',
			E - DAY,
			['server-unreachable:11', 'subscription-expiring:1'],
		],
	])(
		'R12 the first failed contact %s shows the countdown to expiry + 10 days',
		(_label, at, banners) => {
			const offline = run(state, [[{type: 'contact-failed', failure}, at]]);
			expect(bannerIds(offline, at)).toEqual(banners);
			expect(evaluate(offline, at).state).toBe('warning');
		},
	);

	it('R12 at the instant of expiry, with no contact since: offline-grace, still counting', () => {
		const offline = run(state, [[{type: 'contact-failed', failure}, E - DAY]]);
		const evaluation = evaluate(offline, E);
		expect(evaluation.licenses[0]).toMatchObject({status: 'offline-grace'});
		expect(evaluation.capacity).toBe(6);
		expect(bannerIds(offline, E)).toEqual(['server-unreachable:10']);
	});

	it('R12 a successful contact clears the banner', () => {
		const back = run(state, [
			[{type: 'contact-failed', failure}, E - 50 * DAY],
			[
				{
					type: 'contact-succeeded',
					document: documentOf([
						subscription(E, {devices: 5}),
						grant({devices: 1}),
					]),
				},
				E - 40 * DAY,
			],
		]);
		expect(bannerIds(back, E - 40 * DAY)).toEqual([]);
	});

	it('R12 installations without any subscription show no banner for it', () => {
		const perpetual = run(activated([grant()]), [
			[{type: 'contact-failed', failure}, T0 + DAY],
		]);
		expect(evaluate(perpetual, T0 + DAY)).toMatchObject({
			state: 'running',
			banners: [],
		});
	});

	it('R12 a subscription that R15 holds back still counts: server-unreachable stays while the clock is tampered', () => {
		// Given the clock set back more than an hour (R15: the subscription no longer counts)
		const late = run(state, [[{type: 'clock-observed'}, T0 + 10 * DAY]]);
		const at = T0 + 10 * DAY - 2 * HOUR;
		// When the contact that would confirm the time fails
		const offline = run(late, [
			[{type: 'clock-observed'}, at],
			[{type: 'contact-failed', failure}, at + MINUTE],
		]);
		// Then both say why: the server cannot be reached, and the time is not confirmed
		expect(evaluate(offline, at + MINUTE).licenses[0]).toMatchObject({
			status: 'invalid',
			reason: 'clock-tampered',
		});
		expect(bannerIds(offline, at + MINUTE)).toEqual([
			'server-unreachable:366',
			'clock-tampered',
		]);
	});

	it('R12 an expired or revoked subscription does not count for it', () => {
		const ended = activated([
			subscription(E, {devices: 5, revokedAt: T0 + DAY}),
			subscription(E - 100 * DAY, {devices: 2}),
			subscription(E + 50 * DAY, {devices: 3}),
			grant({devices: 1}),
		]);
		// The second expired at E - 100 days with the server reached since (R11).
		const offline = run(
			{
				...ended,
				server: {...ended.server, lastSuccessAt: E - 99 * DAY},
			},
			[[{type: 'contact-failed', failure}, E - 90 * DAY]],
		);
		expect(bannerIds(offline, E - 90 * DAY)).toEqual([
			'server-unreachable:150',
		]);
	});

	it('R12 a failed Activate is a failed contact too', () => {
		const failed = run(state, [
			[{type: 'activation-failed', failure}, T0 + DAY],
		]);
		expect(bannerIds(failed, T0 + DAY)).toEqual(['server-unreachable:374']);
	});
});

describe('R13 ten days after expiry without contact', () => {
	const state = activated([subscription(E, {devices: 5})]);
	const offline = run(state, [
		[
			{type: 'contact-failed', failure: {kind: 'network', message: 'down'}},
			E - 20 * DAY,
		],
	]);

	it.each([
		[
			'expiry + 10 days - 1 ms',
			E + 10 * DAY - 1,
			'warning',
			'offline-grace',
			['server-unreachable:1'],
		],
		[
			'expiry + 10 days',
			E + 10 * DAY,
			'stopped',
			'expired',
			['server-stopped'],
		],
		[
			'expiry + 40 days',
			E + 40 * DAY,
			'stopped',
			'expired',
			['server-stopped'],
		],
	])('R13 %s', (_label, now, operational, status, banners) => {
		const evaluation = evaluate(offline, now);
		expect(evaluation.state).toBe(operational);
		expect(evaluation.licenses[0]?.status).toBe(status);
		expect(bannerIds(offline, now)).toEqual(banners);
	});

	it('R13 a later successful contact with a renewed subscription brings MyQ back', () => {
		const back = run(offline, [
			[
				{
					type: 'contact-succeeded',
					document: documentOf([subscription(E + 365 * DAY, {devices: 5})]),
				},
				E + 20 * DAY,
			],
		]);
		expect(evaluate(back, E + 20 * DAY)).toMatchObject({
			state: 'running',
			capacity: 5,
			banners: [],
		});
	});

	it('R13 a later contact that did not renew it re-evaluates to license-problem', () => {
		const back = run(offline, [
			[
				{
					type: 'contact-succeeded',
					document: documentOf([subscription(E, {devices: 5})]),
				},
				E + 20 * DAY,
			],
		]);
		expect(evaluate(back, E + 20 * DAY)).toMatchObject({
			state: 'stopped',
			banners: [{id: 'license-problem'}],
		});
	});
});

describe('R14 when the engine contacts the license server', () => {
	const state = activated([subscription(E)], {startedAt: T0});

	it('R14 at start', () => {
		const [, effects] = step(state, {type: 'started', fingerprint: FP_A}, T0);
		expect(effects).toContainEqual({type: 'contact'});
	});

	it('R14 not at start before anything was activated', () => {
		const [, effects] = step(
			{...state, document: null, everActivated: false},
			{type: 'started', fingerprint: FP_A},
			T0,
		);
		expect(effects).not.toContainEqual({type: 'contact'});
	});

	it.each([
		['right after start', T0, T0 + DAY],
		['just before the first period', T0 + DAY - 1, T0 + DAY],
		['at a period', T0 + DAY, T0 + 2 * DAY],
		['the day before expiry, at 09:00 + 1h', E - DAY + HOUR, E],
	])(
		'R14 every 24 hours after start, and at every expiry: %s',
		(_label, now, expected) => {
			expect(nextContactAt(state, now, DAY)).toBe(expected);
		},
	);

	it('R14 the interval is configurable', () => {
		expect(nextContactAt(state, T0, 6 * HOUR)).toBe(T0 + 6 * HOUR);
	});

	it('R14 an expiry between two periods is its own contact', () => {
		const odd = activated([subscription(T0 + 1.5 * DAY)], {startedAt: T0});
		expect(nextContactAt(odd, T0 + DAY, DAY)).toBe(T0 + 1.5 * DAY);
	});
});

describe('R15 clock rollback', () => {
	const state = activated([subscription(E, {devices: 5}), grant({devices: 1})]);
	const late = run(state, [[{type: 'clock-observed'}, T0 + 10 * DAY]]);

	it('R15 59 minutes back is tolerated', () => {
		const back = run(late, [
			[{type: 'clock-observed'}, T0 + 10 * DAY - 59 * MINUTE],
		]);
		expect(back.clock.tamperedAt).toBeNull();
		expect(evaluate(back, T0 + 10 * DAY - 59 * MINUTE)).toMatchObject({
			state: 'running',
			capacity: 6,
		});
	});

	it('R15 61 minutes back raises clock-tampered and counts no subscription', () => {
		const at = T0 + 10 * DAY - 61 * MINUTE;
		const back = run(late, [[{type: 'clock-observed'}, at]]);
		expect(back.clock.tamperedAt).toBe(at);
		expect(evaluate(back, at)).toMatchObject({
			state: 'warning',
			capacity: 1,
			banners: [{id: 'clock-tampered'}],
		});
		expect(back.log.map((entry) => entry.type)).toContain('clock-tampered');
	});

	it('R15 with only subscriptions, MyQ stops and says why', () => {
		const only = run(activated([subscription(E)]), [
			[{type: 'clock-observed'}, T0 + 10 * DAY],
			[{type: 'clock-observed'}, T0 + 7 * DAY],
		]);
		expect(evaluate(only, T0 + 7 * DAY)).toMatchObject({
			state: 'stopped',
			banners: [{id: 'clock-tampered'}],
		});
	});

	it('R15 a successful contact confirms the time and clears it', () => {
		const at = T0 + 10 * DAY - 61 * MINUTE;
		const cleared = run(late, [
			[{type: 'clock-observed'}, at],
			[
				{
					type: 'contact-succeeded',
					document: documentOf([
						subscription(E, {devices: 5}),
						grant({devices: 1}),
					]),
				},
				at + MINUTE,
			],
		]);
		expect(cleared.clock.tamperedAt).toBeNull();
		expect(evaluate(cleared, at + MINUTE)).toMatchObject({
			state: 'running',
			capacity: 6,
			banners: [],
		});
	});

	it('R15 the issue time of the confirming answer becomes the high-water mark', () => {
		const at = T0 + 10 * DAY - 61 * MINUTE;
		const confirmed = run(late, [
			[{type: 'clock-observed'}, at],
			[
				{
					type: 'contact-succeeded',
					document: documentOf(
						[subscription(E, {devices: 5}), grant({devices: 1})],
						FP_A,
						at + 30 * MINUTE,
					),
				},
				at + MINUTE,
			],
		]);
		expect(confirmed.clock).toEqual({
			highWater: at + 30 * MINUTE,
			tamperedAt: null,
		});
	});

	it('R15 a clock still more than an hour behind the server confirming it stays tampered', () => {
		// Given the clock set back 3 days, and a fresh answer made at the true time
		const at = T0 + 7 * DAY;
		const still = run(late, [
			[{type: 'clock-observed'}, at],
			[
				{
					type: 'contact-succeeded',
					document: documentOf(
						[subscription(E, {devices: 5}), grant({devices: 1})],
						FP_A,
						T0 + 10 * DAY + MINUTE,
					),
				},
				at + MINUTE,
			],
		]);
		// Then the time is not confirmed: the server's is three days ahead
		expect(still.clock).toEqual({
			highWater: T0 + 10 * DAY + MINUTE,
			tamperedAt: at,
		});
		expect(evaluate(still, at + MINUTE)).toMatchObject({
			capacity: 1,
			banners: [{id: 'clock-tampered'}],
		});
		expect(
			still.log
				.map(withDetail)
				.find((entry) => entry?.detail.includes('ahead of this clock')),
		).toMatchObject({
			type: 'clock-tampered',
			detail: expect.stringContaining('3 days ahead'),
		});
	});

	it('R15 a signed refusal carrying the nonce confirms the time too', () => {
		const at = T0 + 10 * DAY - 61 * MINUTE;
		const confirmed = run(late, [
			[{type: 'clock-observed'}, at],
			[
				{
					type: 'contact-refused',
					code: 'unknown-installation',
					message: 'never activated here',
					issuedAt: at + MINUTE,
				},
				at + MINUTE,
			],
		]);
		expect(confirmed.clock.tamperedAt).toBeNull();
	});

	it('R15 steps back of 59 minutes with a successful contact between them add up', () => {
		const document = documentOf([subscription(E, {devices: 5})]);
		const walked = run(late, [
			[{type: 'clock-observed'}, T0 + 10 * DAY - 59 * MINUTE],
			[{type: 'contact-succeeded', document}, T0 + 10 * DAY - 58 * MINUTE],
			[{type: 'clock-observed'}, T0 + 10 * DAY - 117 * MINUTE],
		]);
		expect(walked.clock.tamperedAt).toBe(T0 + 10 * DAY - 117 * MINUTE);
	});

	it('R15 a failed contact does not clear it', () => {
		const at = T0 + 10 * DAY - 61 * MINUTE;
		const still = run(late, [
			[{type: 'clock-observed'}, at],
			[
				{type: 'contact-failed', failure: {kind: 'network', message: 'down'}},
				at + MINUTE,
			],
		]);
		expect(still.clock.tamperedAt).toBe(at);
	});
});

describe('R16 integrity', () => {
	const state = activated([grant({devices: 10})]);
	const rejected = run(state, [
		[
			{
				type: 'document-rejected',
				reason: 'the signature does not match',
				source: 'stored document',
			},
			T0 + DAY,
		],
	]);

	it('R16 a document that fails verification yields license-problem and an event saying why', () => {
		expect(evaluate(rejected, T0 + DAY)).toMatchObject({
			state: 'stopped',
			banners: [{id: 'license-problem'}],
			capacity: 0,
		});
		expect(withDetail(rejected.log.at(-2))).toMatchObject({
			type: 'document-rejected',
			detail: 'stored document rejected: the signature does not match',
		});
	});

	it('R16 nothing is deleted: the document stays in the state', () => {
		expect(rejected.document).toEqual(state.document);
	});

	it('R16 a valid document from the server recovers', () => {
		const back = run(rejected, [
			[
				{
					type: 'contact-succeeded',
					document: documentOf([grant({devices: 10})]),
				},
				T0 + 2 * DAY,
			],
		]);
		expect(evaluate(back, T0 + 2 * DAY)).toMatchObject({
			state: 'running',
			capacity: 10,
		});
	});
});

describe('operational state', () => {
	it('unlicensed on a fresh install, even with pending keys', () => {
		const fresh = run(activated([], {document: null, everActivated: false}), [
			[
				{
					type: 'keys-added',
					keys: [{key: 'NAAAA-BBBBB-CCCCC-DDDDD-EEEEE', kind: 'installation'}],
				},
				T0,
			],
		]);
		const evaluation = evaluate(fresh, T0);
		expect(evaluation).toMatchObject({
			state: 'unlicensed',
			operational: false,
			banners: [],
		});
		expect(evaluation.licenses).toMatchObject([
			{kind: 'installation', status: 'pending'},
		]);
	});

	it('banners are ordered as SPEC §2 says', () => {
		const state = run(activated([subscription(E)]), [
			[{type: 'clock-observed'}, E - 3 * DAY],
			[{type: 'fingerprint-seen', fingerprint: FP_B}, E - 5 * DAY],
			[
				{type: 'contact-failed', failure: {kind: 'network', message: 'x'}},
				E - 5 * DAY,
			],
		]);
		// The clock went back two days: tampered, and subscriptions do not count: stopped.
		expect(evaluate(state, E - 5 * DAY).state).toBe('stopped');
		const honest = run(activated([subscription(E), grant()]), [
			[{type: 'fingerprint-seen', fingerprint: FP_B}, E - 5 * DAY],
			[
				{type: 'contact-failed', failure: {kind: 'network', message: 'x'}},
				E - 5 * DAY,
			],
		]);
		expect(bannerIds(honest, E - 5 * DAY)).toEqual([
			'hardware-changed:7',
			'server-unreachable:15',
			'subscription-expiring:5',
		]);
	});
});

describe('nextChangeAt', () => {
	it('is the start of the expiry countdown when far from it', () => {
		expect(evaluate(activated([subscription(E)]), T0).nextChangeAt).toBe(
			E - 10 * DAY,
		);
	});

	it('ticks each day during the countdown, then at the expiry', () => {
		const state = activated([subscription(E)]);
		expect(evaluate(state, E - 10 * DAY).nextChangeAt).toBe(E - 9 * DAY);
		expect(evaluate(state, E - DAY + 5).nextChangeAt).toBe(E);
	});

	it('is the end of the hardware grace on its last day', () => {
		const state = run(activated([grant()]), [
			[{type: 'fingerprint-seen', fingerprint: FP_B}, T0],
		]);
		expect(evaluate(state, T0).nextChangeAt).toBe(T0 + DAY);
		expect(evaluate(state, T0 + 6 * DAY + 1).nextChangeAt).toBe(T0 + 7 * DAY);
	});

	it('is null when nothing will ever change', () => {
		expect(evaluate(activated([grant()]), T0).nextChangeAt).toBeNull();
	});
});
