import {safeText} from '../engine/safe-text.js';
import type {EngineEventType, LogEntry} from '../engine/types.js';
import {
	formatLogEntry,
	type Lang,
	type MessageId,
	messages,
} from '../i18n/index.js';
import {maskKeysIn} from './format.js';

/** The longest type the Events screen shows of one the catalogs lack (its column is narrower). */
const UNKNOWN_TYPE_MAX = 40;

/**
 * The event type as the Events screen names it. One the catalogs lack (a newer version's, or a
 * hand's in the store) is shown as it is stored, made visible and cut: outside text (issue 10
 * point 7).
 */
export function eventLabel(type: EngineEventType | string, lang: Lang): string {
	const id = `ui.event.${type}`;
	return (
		(messages[lang] as Record<string, string>)[id as MessageId] ??
		safeText(type, UNKNOWN_TYPE_MAX)
	);
}

/**
 * An event as one sentence ("Customer saved: Acme"), keys masked: the log's own text, said once
 * (issue 12, point 7: no "Customer saved: customer saved: Acme").
 */
export function eventSentence(entry: LogEntry, lang: Lang): string {
	const text = maskKeysIn(formatLogEntry(entry, lang));
	return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}
