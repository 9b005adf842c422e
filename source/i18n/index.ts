import type {BannerId} from '../engine/types.js';
import {en, type MessageId} from './en.js';
import {fr} from './fr.js';
import type {Lang} from './lang.js';
import {format, type MessageParams} from './template.js';

export {bannerHasDays, bannerTemplates, bannerText} from './banners.js';
export type {MessageId} from './en.js';
export {detectLang, isLang, LANGS, type Lang, parseLang} from './lang.js';

export type {BannerId};

/** Every UI and CLI message, in both languages (same keys, same placeholders). */
export const messages: Record<Lang, Record<MessageId, string>> = {en, fr};

export type {MessageParams} from './template.js';
export {format};

/** A message in a language, placeholders filled. */
export function t(lang: Lang, id: MessageId, params?: MessageParams): string {
	return format(messages[lang][id], params);
}

/** The `{name}` placeholders a template uses, sorted (tests compare languages with it). */
export function placeholders(template: string): string[] {
	return [
		...new Set(
			[...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''),
		),
	].sort();
}

export {
	formatLogEntry,
	formatLogMessage,
	formatMessage,
	formatRefusal,
	LOG_PARAM_GROUPS,
	logMessageId,
	type Message,
	visible,
} from './log.js';
export {formatStep, type StepDescription} from './step.js';
