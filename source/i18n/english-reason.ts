/**
 * A failure's reason in English, for logs and the stored record, as `renderOutcome('en', reason)`
 * says it (the same catalog entries, nested reasons first), without loading the catalogs.
 */
import type {FailureReason} from '../ports/index.js';
import {reasonsEn} from './reasons-en.js';
import {format, type MessageParams} from './template.js';

export function englishReason(reason: FailureReason): string {
	const params: MessageParams = {};
	for (const [name, value] of Object.entries(reason.params)) {
		params[name] = typeof value === 'object' ? englishReason(value) : value;
	}
	return format(reasonsEn[`outcome.${reason.code}`], params);
}
