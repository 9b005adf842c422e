/**
 * The one formatter of the engine's log entries (STYLE 11): the Events screen, the Home screen's
 * recent events, the CLI and the simulator's `events[].detail` all call `formatLogEntry`.
 */
import {safeText, visible} from '../engine/safe-text.js';
import type {LogEntry, LogParams} from '../engine/types.js';
import {en, type MessageId} from './en.js';
import {fr} from './fr.js';
import type {Lang} from './lang.js';

const catalogs: Record<Lang, Record<string, string>> = {en, fr};

/**
 * Params that hold an id rather than a value, and the catalog group that names it. An id the
 * group lacks (one from a newer version) shows as is.
 */
export const LOG_PARAM_GROUPS: Record<string, string> = {
	from: 'state.',
	to: 'state.',
	status: 'status.',
	kind: 'kind.',
	keyKind: 'key-kind.',
	keyRefusal: 'key.',
	reason: 'ui.reason.',
	stopReason: 'log.stop-reason.',
	failure: 'log.failure.',
	refusal: 'log.refusal.',
	source: 'log.source.',
	unit: 'log.unit.',
	action: 'log.vendor-action.',
	network: 'step.network.',
};

/**
 * A failure kind or a refusal code the catalogs do not know (a license server's new code) is
 * said in the source's own words, the entry's `message`.
 */
const SAID_BY_THE_SOURCE = new Set(['failure', 'refusal']);

/** Message data: a catalog id and the values it is filled with (STYLE 11). */
export type Message = {id: string; params?: LogParams};

/**
 * Fills a catalog message's `{name}` placeholders; the ids of LOG_PARAM_GROUPS are said through
 * their catalog group. An id this version does not know (written by a newer one) is shown with
 * its values rather than hidden.
 */
export function formatMessage(lang: Lang, message: Message): string {
	const catalog = catalogs[lang];
	const params = message.params ?? {};
	const template = catalog[message.id];
	if (template === undefined) {
		return safeText(
			[message.id, ...Object.values(params).map(String)].join(' '),
			LOG_TEXT_MAX,
		);
	}
	return fill(catalog, template, params);
}

/** A log code's text (`log.<code>` in the catalogs). */
export function formatLogMessage(
	lang: Lang,
	code: string,
	params: LogParams = {},
): string {
	return formatMessage(lang, {id: `log.${code}`, params});
}

function fill(
	catalog: Record<string, string>,
	template: string,
	params: LogParams,
): string {
	return template.replaceAll(/\{(\w+)\}/g, (whole, name: string) => {
		const value = params[name];
		if (value === undefined) {
			return whole;
		}
		const group = LOG_PARAM_GROUPS[name];
		if (name === 'since' && typeof value === 'string') {
			// An instant as the Events screen's times read (UTC): "2027-01-21 09:00 UTC".
			const iso = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
			if (iso) return `${iso[1]} ${iso[2]} UTC`;
		}
		if (group === undefined) {
			// A stored value (a device name, a server's reason): made visible, and cut.
			return safeText(value);
		}
		const nested = catalog[`${group}${value}`];
		if (nested === undefined) {
			const words = SAID_BY_THE_SOURCE.has(name) ? params.message : undefined;
			return safeText(words ?? value);
		}
		// A nested message may use the entry's other params (`failure.network` uses `message`),
		// never the one it names, so this does not loop.
		const {[name]: _self, ...rest} = params;
		return fill(catalog, nested, rest);
	});
}

/**
 * A license server's refusal (a key refused at Activate, a contact refused) in a language: its
 * code through `log.refusal.`, or the server's own words for a code we do not know.
 */
export function formatRefusal(
	lang: Lang,
	code: string,
	message: string,
): string {
	return fill(catalogs[lang], '{refusal}', {refusal: code, message});
}

/** The text of one log entry in a language; an entry stored before codes shows its old text. */
export function formatLogEntry(entry: LogEntry, lang: Lang): string {
	if ('code' in entry) {
		return formatLogMessage(lang, entry.code, entry.params);
	}
	return safeText(entry.detail, LOG_TEXT_MAX);
}

/** An entry stored as a whole text (before codes), or one of a newer version, is cut here. */
const LOG_TEXT_MAX = 500;

export {visible};

/** The catalog id of a log code, for tests that compare the languages. */
export function logMessageId(code: string): MessageId {
	return `log.${code}` as MessageId;
}
