/**
 * Durations (`at`, `clock.shift`) are strings: an optional sign, then whole numbers with units
 * d, h, m, s, largest first (`+6h`, `-3d`, `90m`, `1d12h`). A bare number is refused, since it
 * would be unclear whether it counts hours or milliseconds.
 */
import * as z from 'zod';
import {DAY, HOUR} from '../../source/engine/types.js';
import {ScenarioError, show} from './issues.js';

const MINUTE = 60_000;

const DURATION_PATTERN =
	/^([+-])?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/**
 * Reads a duration: an optional sign, then whole numbers with units d, h, m, s, largest first
 * (`+6h`, `-3d`, `90m`, `-61m`, `1d12h`). Returns milliseconds; throws a ScenarioError otherwise.
 */
export function parseDuration(text: string): number {
	const result = readDuration(text);
	if (typeof result === 'string')
		throw new ScenarioError([{path: '', line: null, message: result}]);
	return result;
}

/** The duration in ms, or why the text is not one. */
function readDuration(text: unknown): number | string {
	const help =
		'write it like +6h, -3d, 90m or 1d12h (whole numbers; units d, h, m, s, largest first)';
	if (typeof text !== 'string')
		return `expected a duration, got ${show(text)}; ${help}`;
	const match = DURATION_PATTERN.exec(text.trim());
	if (match === null || match.slice(2).every((part) => part === undefined)) {
		return `${show(text)} is not a duration; ${help}`;
	}
	const [, sign, days, hours, minutes, seconds] = match;
	const amount = (part: string | undefined, unit: number) =>
		part === undefined ? 0 : Number(part) * unit;
	const magnitude =
		amount(days, DAY) +
		amount(hours, HOUR) +
		amount(minutes, MINUTE) +
		amount(seconds, 1000);
	if (!Number.isSafeInteger(magnitude))
		return `${show(text)} is too long a duration`;
	return sign === '-' ? -magnitude : magnitude;
}

/** `90000000` → `+1d1h`: durations as the file writes them, for messages. */
function showDuration(ms: number): string {
	let rest = Math.abs(ms);
	let text = '';
	for (const [unit, size] of [
		['d', DAY],
		['h', HOUR],
		['m', MINUTE],
		['s', 1000],
	] as const) {
		const count = Math.floor(rest / size);
		if (count > 0) text += `${count}${unit}`;
		rest -= count * size;
	}
	return `${ms < 0 ? '-' : '+'}${text || '0h'}`;
}

export const durationSchema = z.unknown().transform((value, context) => {
	const result = readDuration(value);
	if (typeof result === 'string') {
		context.addIssue({code: 'custom', message: result});
		return z.NEVER;
	}
	return result;
});

/** A step's `at`: later within the same day, never before its instant nor into the next day. */
export const atSchema = z.unknown().transform((value, context) => {
	const result = readDuration(value);
	if (typeof result === 'string') {
		context.addIssue({code: 'custom', message: result});
		return z.NEVER;
	}
	if (result < 0 || result >= DAY) {
		context.addIssue({
			code: 'custom',
			message: `${show(value)} is not within the day: at runs from +0h to under +24h after the day's instant; use a later day for ${showDuration(result)}`,
		});
		return z.NEVER;
	}
	return result;
});
