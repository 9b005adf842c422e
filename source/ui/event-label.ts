import type {EngineEventType} from '../engine/types.js';
import {type Lang, type MessageId, messages} from '../i18n/index.js';

/** The event type as the Events screen names it; the type itself for one the catalogs lack yet. */
export function eventLabel(type: EngineEventType | string, lang: Lang): string {
	const id = `ui.event.${type}`;
	return (messages[lang] as Record<string, string>)[id as MessageId] ?? type;
}
