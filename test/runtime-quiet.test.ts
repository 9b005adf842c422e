/**
 * The engine's effects say only what is needed (issue 9, point 2): a running dashboard looks at
 * the clock every hour (R15), and an hour in which nothing happens writes nothing to the store
 * (it wrote SQLite every hour before).
 */
import {afterEach, expect, it} from 'vitest';
import {HOUR} from '../source/engine/types.js';
import {storedRevision} from '../source/ports/index.js';
import {CUSTOMER, createWorld, type World} from './helpers/world.js';

let world: World | undefined;

afterEach(async () => {
	await world?.dispose();
	world = undefined;
});

it('a quiet hour writes nothing to the store; the clock check still ran', async () => {
	// Given a running installation, just activated
	world = await createWorld();
	expect((await world.runtime.save(CUSTOMER, '')).ok).toBe(true);
	await world.runtime.save(
		null,
		await world.mint({type: 'license', kind: 'perpetual', devices: 3}),
	);
	expect(await world.runtime.activate()).toMatchObject({ok: true});
	const revision = storedRevision(await world.store.load());
	const highWater = world.runtime.snapshot().state.clock.highWater;

	// When an hour passes with nothing to do but the hourly clock check
	await world.advance(HOUR);

	// Then the engine saw the time, and the store was not written
	expect(world.runtime.snapshot().state.clock.highWater).toBe(highWater + HOUR);
	expect(storedRevision(await world.store.load())).toBe(revision);

	// And the next real change is written as before, with the mark it has reached
	expect((await world.runtime.activateDevice('printer-1')).ok).toBe(true);
	const loaded = await world.store.load();
	expect(storedRevision(loaded)).toBe(revision + 1);
	expect(
		(loaded as {value: {state: {clock: {highWater: number}}}}).value.state.clock
			.highWater,
	).toBe(highWater + HOUR);
});
