/**
 * R7: whether a device command is refused, and why, as data. Pure: the runtime asks it to answer
 * the command, and `step` asks it before changing the device list, so both read one rule.
 */

import {characterCount} from './customer-limits.js';
import {evaluate} from './evaluate.js';
import {isPrintable, safeText} from './safe-text.js';
import type {EngineState} from './types.js';

/**
 * R7, decided (issue 10 point 7): a device name is not empty, at most this many characters, and
 * printable (no control character, see safe-text.ts), since it is shown on every screen.
 */
export const DEVICE_NAME_MAX = 64;

export type DeviceRefusal =
	| {code: 'device-exists'; params: {id: string}}
	/** R7: one more than capacity; says capacity and count. */
	| {
			code: 'capacity-reached';
			params: {id: string; capacity: number; count: number};
	  }
	| {code: 'unknown-device'; params: {id: string}}
	/** The name itself is refused, before anything else is looked at. */
	| {code: 'device-name-empty'; params: Record<string, never>}
	| {code: 'device-name-too-long'; params: {max: number; length: number}}
	| {code: 'device-name-unprintable'; params: {id: string}};

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
	const nameRefusal = deviceNameRefusal(id);
	if (nameRefusal !== null) {
		return nameRefusal;
	}
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

/** Why a name cannot be a device's (see DEVICE_NAME_MAX), or null when it can. */
export function deviceNameRefusal(id: string): DeviceRefusal | null {
	if (id.trim() === '') {
		return {code: 'device-name-empty', params: {}};
	}
	if (!isPrintable(id)) {
		// The name as a screen may show it: its control characters made visible.
		return {
			code: 'device-name-unprintable',
			params: {id: safeText(id, DEVICE_NAME_MAX)},
		};
	}
	const length = characterCount(id);
	return length > DEVICE_NAME_MAX
		? {code: 'device-name-too-long', params: {max: DEVICE_NAME_MAX, length}}
		: null;
}
