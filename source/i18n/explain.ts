/**
 * The rule behind a banner, a license status or the state (engine/evaluate.ts `why`), said in
 * a language: "R12: last successful contact 2027-11-30, subscription INST/1 expires 2028-01-04,
 * 10 + 26 = 36 days". Through the one formatter (log.ts formatMessage): the engine gives the
 * rule, a code and the facts; the words are the catalogs' `explain.<code>`.
 */
import type {Explanation} from '../engine/evaluate.js';
import type {Lang} from './lang.js';
import {formatMessage} from './log.js';

/** Facts that are instants: said as dates. */
const isInstant = (name: string) =>
	name.endsWith('At') || name.endsWith('Since');

/** The facts as the catalogs' placeholders read them: instants as dates, licenses by name. */
export function explanationParams(
	lang: Lang,
	explanation: Explanation,
	nameOf: (licenseId: string) => string = (id) => id,
): Record<string, string | number> {
	const params: Record<string, string | number> = {};
	for (const [name, value] of Object.entries(explanation.facts)) {
		if (value === null) {
			params[name] = formatMessage(lang, {id: 'explain.never'});
		} else if (isInstant(name) && typeof value === 'number') {
			params[name] = new Date(value).toISOString().slice(0, 10);
		} else if (name === 'license' && typeof value === 'string') {
			params[name] = nameOf(value);
		} else if (name === 'problem') {
			params[name] = formatMessage(lang, {id: `explain.problem.${value}`});
		} else {
			params[name] = value;
		}
	}
	return params;
}

/** `R12: ...`: the rule's id, then what it found, in `lang`. */
export function formatExplanation(
	lang: Lang,
	explanation: Explanation,
	nameOf?: (licenseId: string) => string,
): string {
	const text = formatMessage(lang, {
		id: `explain.${explanation.code}`,
		params: explanationParams(lang, explanation, nameOf),
	});
	// Joined here, not as a placeholder: the formatter cuts a long value, and a text is not one.
	return `${formatMessage(lang, {id: 'explain.rule', params: {rule: explanation.rule}})} ${text}`;
}
