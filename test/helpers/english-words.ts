/**
 * What tests of French screens look for: English words that leaked into them, and the demo
 * scenario in French (issue 9 point 4; the license-server client's reasons).
 */
import {readFileSync} from 'node:fs';
import {DEFAULT_DEMO_SCENARIO} from '../../simulator/demo.js';

/**
 * English words that leaked, or could leak, into French screens: state, status and kind ids,
 * the engine's old sentences, the simulator's words. Words French shares with English
 * ("installation", "active", "on", "a") are not listed.
 */
export const ENGLISH = new Set([
	'unlicensed',
	'running',
	'warning',
	'stopped',
	'pending',
	'expired',
	'invalid',
	'hardware',
	'grace',
	'offline',
	'online',
	'perpetual',
	'subscription',
	'server',
	'started',
	'activated',
	'deactivated',
	'reactivated',
	'activate',
	'reactivate',
	'failed',
	'refused',
	'rejected',
	'contact',
	'device',
	'devices',
	'license',
	'licenses',
	'key',
	'keys',
	'added',
	'changed',
	'restored',
	'customer',
	'saved',
	'state',
	'network',
	'reached',
	'could',
	'within',
	'days',
	'day',
	'the',
	'and',
	'of',
	'by',
	'with',
	'is',
	'was',
	'back',
	'original',
	'vendor',
	'renewal',
	'expires',
	'clock',
	'confirmed',
	'time',
	'paused',
	'playing',
	'next',
	'step',
	'scenario',
	'timeline',
	'problem',
	'restart',
	'register',
]);

/**
 * The English words of a text. Names are data, not words: the runtime calls a device activated
 * without an id `device-N`; those names are left out.
 */
export function englishWords(
	text: string,
	english: ReadonlySet<string> = ENGLISH,
): string[] {
	const words = text.replaceAll(/\bdevice-\d+\b/g, '');
	return (words.match(/\p{L}+/gu) ?? []).filter((word) =>
		english.has(word.toLowerCase()),
	);
}

/** The demo scenario in French, its name and hardware too (names are data, not words). */
export const FRENCH_DEMO = readFileSync(DEFAULT_DEMO_SCENARIO, 'utf8')
	.replace('lang: en', 'lang: fr')
	.replace(/^name: .*$/m, 'name: Démo - un serveur MyQ dès sa mise en service')
	.replaceAll('server-a', 'serveur-a')
	.replaceAll('server-b', 'serveur-b');
