import {safeText} from '../engine/safe-text.js';
import type {EngineEventType} from '../engine/types.js';
import {type Lang, type MessageId, messages} from '../i18n/index.js';

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
