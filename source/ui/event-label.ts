import type {EngineEventType, LogEntry} from '../engine/types.js';
import {
	formatLogEntry,
	type Lang,
	type MessageId,
	messages,
} from '../i18n/index.js';
import {maskKeysIn} from './format.js';

/** The event type as the Events screen names it; the type itself for one the catalogs lack yet. */
export function eventLabel(type: EngineEventType | string, lang: Lang): string {
	const id = `ui.event.${type}`;
	return (messages[lang] as Record<string, string>)[id as MessageId] ?? type;
}

/**
 * An event as one sentence ("Customer saved: Acme"), keys masked: the log's own text, said once
 * (issue 12, point 7: no "Customer saved: customer saved: Acme").
 */
export function eventSentence(entry: LogEntry, lang: Lang): string {
	const text = maskKeysIn(formatLogEntry(entry, lang));
	return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}
