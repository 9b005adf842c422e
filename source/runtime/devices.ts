/** R7: printing devices, activated up to capacity. The engine says whether it refuses. */
import {deviceRefusal} from '../engine/devices.js';
import type {EngineEvent} from '../engine/step.js';
import type {EngineState} from '../engine/types.js';
import {type Outcome, type OutcomeCode, outcome} from './outcome.js';
import type {Shell} from './shell.js';

export async function activateDevice(
	shell: Shell,
	id?: string,
): Promise<Outcome> {
	const name = id ?? nextDeviceName(shell.state);
	return apply(shell, {type: 'device-activated', id: name}, () =>
		outcome(true, 'device-activated', {id: name}),
	);
}

export async function deactivateDevice(
	shell: Shell,
	id?: string,
): Promise<Outcome> {
	const name = id ?? shell.state.devices.at(-1)?.id;
	return apply(shell, {type: 'device-deactivated', id}, () =>
		outcome(true, 'device-deactivated', {id: name ?? ''}),
	);
}

/** The event goes to the engine either way: a refusal past capacity is in the event log (R7). */
async function apply(
	shell: Shell,
	event: Extract<
		EngineEvent,
		{type: 'device-activated' | 'device-deactivated'}
	>,
	done: () => Outcome,
): Promise<Outcome> {
	const refusal = deviceRefusal(shell.state, event, shell.clock.now());
	if (refusal?.code.startsWith('device-name-')) {
		// The name is refused before anything happens: nothing to tell the engine.
		return outcome(false, refusal.code as OutcomeCode, refusal.params);
	}
	await shell.dispatch(event);
	if (refusal === null) {
		return done();
	}
	if (refusal.code === 'unknown-device' && refusal.params.id === '') {
		return outcome(false, 'no-device');
	}
	return outcome(false, refusal.code, refusal.params);
}

function nextDeviceName(state: EngineState): string {
	const taken = new Set(state.devices.map((device) => device.id));
	let n = state.devices.length + 1;
	while (taken.has(`device-${n}`)) {
		n += 1;
	}
	return `device-${n}`;
}
