/**
 * The system clock adapter, under @sinonjs/fake-timers installed on Node's own timers: the one
 * place the product reads real time, so the one place fake timers are what it takes to test it.
 * R14 schedules contacts at every `expiresAt`, which can be months away: Node's timers wait at
 * most ~24.8 days, so the adapter splits longer delays.
 */
import FakeTimers from '@sinonjs/fake-timers';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {createSystemClock} from '../source/adapters/system-clock.js';
import {DAY, HOUR} from '../source/engine/types.js';

const START = Date.UTC(2027, 0, 4, 9);

describe('the system clock adapter', () => {
	let fake: ReturnType<typeof FakeTimers.install>;
	beforeEach(() => {
		// An explicit list: faking nextTick or queueMicrotask would stall vitest itself.
		fake = FakeTimers.install({
			now: START,
			toFake: ['setTimeout', 'clearTimeout', 'Date'],
		});
	});
	afterEach(() => {
		fake.uninstall();
	});

	it('now() is Date.now()', () => {
		const clock = createSystemClock();
		expect(clock.now()).toBe(START);
		fake.tick(HOUR);
		expect(clock.now()).toBe(START + HOUR);
	});

	it('R14 a contact 40 days away (past Node’s 24.8-day limit) fires once, at 40 days, not before', () => {
		const clock = createSystemClock();
		const fired: number[] = [];
		clock.setTimeout(() => fired.push(Date.now()), 40 * DAY);
		fake.tick(40 * DAY - 1);
		expect(fired).toEqual([]);
		fake.tick(1);
		expect(fired).toEqual([START + 40 * DAY]);
		fake.tick(100 * DAY);
		expect(fired).toHaveLength(1);
	});

	it('clearTimeout cancels a long delay also after its first part has run', () => {
		const clock = createSystemClock();
		let fired = false;
		const handle = clock.setTimeout(() => {
			fired = true;
		}, 60 * DAY);
		fake.tick(30 * DAY);
		clock.clearTimeout(handle);
		fake.tick(60 * DAY);
		expect(fired).toBe(false);
	});

	it('timers fire in deadline order', () => {
		const clock = createSystemClock();
		const order: string[] = [];
		clock.setTimeout(() => order.push('day'), DAY);
		clock.setTimeout(() => order.push('hour'), HOUR);
		fake.tick(2 * DAY);
		expect(order).toEqual(['hour', 'day']);
	});
});
