import {visible} from '../engine/safe-text.js';
import type {BannerId} from '../engine/types.js';
import {en, type MessageId} from './en.js';
import {fr} from './fr.js';
import type {Lang} from './lang.js';

export {bannerHasDays, bannerTemplates, bannerText} from './banners.js';
export type {MessageId} from './en.js';
export {detectLang, isLang, LANGS, type Lang, parseLang} from './lang.js';

export type {BannerId};

/** Every UI and CLI message, in both languages (same keys, same placeholders). */
export const messages: Record<Lang, Record<MessageId, string>> = {en, fr};

export type MessageParams = Record<string, string | number>;

/**
 * Fills `{name}` placeholders from `params`. A placeholder without a value stays as written,
 * so a missing parameter shows on screen instead of vanishing silently.
 */
export function format(template: string, params?: MessageParams): string {
	if (!params) {
		return template;
	}

	return template.replaceAll(/\{(\w+)\}/g, (whole, name: string) => {
		const value = params[name];
		// A value may come from outside (a company, a file name, a server's words): no control
		// character of it reaches a screen raw (issue 10 point 7). Cutting long ones is for the
		// places that take them in (safeText), since a value may be a whole message of ours.
		return value === undefined ? whole : visible(String(value));
	});
}

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
