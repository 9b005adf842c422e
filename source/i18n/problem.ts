/**
 * R16, issue 10 point 11: why the licenses are not read (a stored document or state that was
 * rejected), and what the admin can do about it, in their language. `status` says it where the
 * license list would be, instead of "no licenses yet".
 */

import {safeText} from '../engine/safe-text.js';
import type {Integrity} from '../engine/types.js';
import {type MessageId, t} from './index.js';
import type {Lang} from './lang.js';

const MESSAGE: Record<NonNullable<Integrity['code']>, MessageId> = {
	'no-vendor-key': 'problem.no-vendor-key',
	'bad-signature': 'problem.bad-signature',
	'bad-document': 'problem.bad-document',
	'unreadable-state': 'problem.unreadable-state',
};

export function problemText(lang: Lang, integrity: Integrity): string {
	// The verifier's words, without the source they came with and their closing stop.
	// A stored reason is outside text: made visible, and cut (issue 10 point 7).
	const reason = safeText(
		integrity.reason
			.replace(/^stored (document|state): /, '')
			.trim()
			.replace(/[.。]+$/, ''),
		500,
	);
	const id =
		integrity.code === undefined
			? 'document.rejected'
			: MESSAGE[integrity.code];
	return t(lang, id, {reason});
}
