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

/** The words of the client's and the trust checker's old English sentences. */
export const REASON_ENGLISH = new Set([
	...ENGLISH,
	'answer',
	'answered',
	'cannot',
	'not',
	'read',
	'reads',
	'larger',
	'most',
	'body',
	'bytes',
	'header',
	'signed',
	'shape',
	'unexpected',
	'did',
	'trusted',
	'refusal',
	'unusable',
	'public',
	'sent',
	'empty',
	'announced',
	'does',
	'match',
	'altered',
	'another',
	'other',
	'bound',
	'carry',
	'payload',
	'missing',
	'malformed',
	'cannot',
]);

/**
 * The English words of a French text, its raw values left out: URLs, paths, the system's error
 * text (`fetch failed (connect ENETUNREACH host)`) and what the server itself said, quoted.
 */
export function englishIn(text: string): string[] {
	return englishWords(
		text
			.replaceAll(/https?:\/\/[^\s)]+/g, ' ')
			.replaceAll(/\/v1\/[\w-]+/g, ' ')
			.replaceAll(/fetch failed \([^)]*\)/g, ' ')
			.replaceAll(/«[^»]*»/g, ' '),
		REASON_ENGLISH,
	);
}

/** The demo scenario in French, its name and hardware too (names are data, not words). */
export const FRENCH_DEMO = readFileSync(DEFAULT_DEMO_SCENARIO, 'utf8')
	.replace('lang: en', 'lang: fr')
	.replace(/^name: .*$/m, 'name: Démo - un serveur MyQ dès sa mise en service')
	.replaceAll('server-a', 'serveur-a')
	.replaceAll('server-b', 'serveur-b');
