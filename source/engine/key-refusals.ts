/**
 * R3: why a key typed into Save is refused, and the catalog message (`key.<id>`) that says it:
 * one table, read by the engine's log, the CLI's add-key and the dashboard. A code it does not
 * list (the key parser's own: length, symbols) is said as a malformed key.
 */
import {MAX_KEYS_PER_ACTIVATION} from './activation-limits.js';

export const KEY_REFUSAL_MESSAGES = {
	duplicate: 'already-present',
	checksum: 'bad-checksum',
	/** SPEC §3: one installation key per installation (issue 10 point 13). */
	'second-installation': 'second-installation',
	/** No more keys pending than one activation sends (issue 10 point 6). */
	'too-many-pending': 'too-many-pending',
} as const;

/** What a refusal's message names beside the key: the limit it went past. */
export function keyRefusalParams(
	code: string | undefined,
): Record<string, number> {
	return code === 'too-many-pending' ? {max: MAX_KEYS_PER_ACTIVATION} : {};
}

export type KeyRefusalMessage =
	| (typeof KEY_REFUSAL_MESSAGES)[keyof typeof KEY_REFUSAL_MESSAGES]
	| 'malformed';

/** The `key.` catalog id of a refusal code. */
export function keyRefusalMessage(code: string | undefined): KeyRefusalMessage {
	return code !== undefined && Object.hasOwn(KEY_REFUSAL_MESSAGES, code)
		? KEY_REFUSAL_MESSAGES[code as keyof typeof KEY_REFUSAL_MESSAGES]
		: 'malformed';
}
