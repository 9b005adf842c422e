/**
 * Renders a runtime outcome (runtime/outcome.ts) in a language: `t(lang, 'outcome.<code>',
 * params)` (`outcome.<text>` for a code the license server chose), nested messages rendered
 * first, further sentences after the first.
 */
import type {OutcomeMessage} from '../runtime/outcome.js';
import {type MessageParams, t} from './index.js';
import type {Lang} from './lang.js';

export function renderOutcome(
	lang: Lang,
	outcome: OutcomeMessage & {ok?: boolean; details?: OutcomeMessage[]},
): string {
	return [outcome, ...(outcome.details ?? [])]
		.map((message) => renderMessage(lang, message))
		.join(' ');
}

function renderMessage(lang: Lang, message: OutcomeMessage): string {
	const params: MessageParams = {};
	for (const [name, value] of Object.entries(message.params)) {
		params[name] =
			typeof value === 'object' ? renderMessage(lang, value) : value;
	}
	const id = 'text' in message ? message.text : message.code;
	return t(lang, `outcome.${id}`, params);
}
