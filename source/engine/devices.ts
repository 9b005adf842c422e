/**
 * R7: whether a device command is refused, and why, as data. Pure: the runtime asks it to answer
 * the command, and `step` asks it before changing the device list, so both read one rule.
 */
import {evaluate} from './evaluate.js';
import type {EngineState} from './types.js';

export type DeviceRefusal =
	| {code: 'device-exists'; params: {id: string}}
	/** R7: one more than capacity; says capacity and count. */
	| {
			code: 'capacity-reached';
			params: {id: string; capacity: number; count: number};
	  }
	| {code: 'unknown-device'; params: {id: string}};

export type DeviceCommand =
	| {type: 'device-activated'; id: string}
	| {type: 'device-deactivated'; id?: string};

/** Null when the command applies; else why it is refused. */
export function deviceRefusal(
	state: EngineState,
	command: DeviceCommand,
	now: number,
): DeviceRefusal | null {
	if (command.type === 'device-deactivated') {
		const id = command.id ?? state.devices.at(-1)?.id;
		return id !== undefined && state.devices.some((device) => device.id === id)
			? null
			: {code: 'unknown-device', params: {id: id ?? ''}};
	}
	const {id} = command;
	if (state.devices.some((device) => device.id === id)) {
		return {code: 'device-exists', params: {id}};
	}
	const {capacity} = evaluate(state, now);
	return state.devices.length >= capacity
		? {
				code: 'capacity-reached',
				params: {id, capacity, count: state.devices.length},
			}
		: null;
}
