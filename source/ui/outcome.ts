/**
 * The status line: what a command did, in the admin's language. The engine's outcomes carry a
 * code; known codes get their message from the catalogs (fr and en), others keep the engine's
 * own (English) message, which always says what to do.
 */

import {keyRefusalMessage, keyRefusalParams} from '../engine/key-refusals.js';
import {type Lang, t} from '../i18n/index.js';
import {renderOutcome} from '../i18n/outcome.js';
import type {Outcome, SaveOutcome, Snapshot} from '../runtime/runtime.js';
import type {StatusMessage} from './app-state.js';

const ok = (text: string): StatusMessage => ({tone: 'ok', text});
const error = (text: string): StatusMessage => ({tone: 'error', text});

/** An outcome without a dashboard message of its own: the runtime's, in the admin's language. */
function fallback(outcome: Outcome, lang: Lang): StatusMessage {
	const text = renderOutcome(lang, outcome);
	return outcome.ok ? ok(text) : error(text);
}

/** R2, R3: Save. */
export function saveStatus(
	outcome: SaveOutcome,
	company: string,
	lang: Lang,
): StatusMessage {
	if (!outcome.ok) {
		return error(t(lang, 'customer.invalid', {count: outcome.errors.length}));
	}
	const parts = [t(lang, 'customer.saved', {company: company.trim()})];
	if (outcome.accepted.length > 0) {
		parts.push(t(lang, 'key.added-count', {count: outcome.accepted.length}));
	}
	for (const refusal of outcome.refused) {
		parts.push(
			t(lang, `key.${keyRefusalMessage(refusal.code)}`, {
				key: refusal.input.trim(),
				...keyRefusalParams(refusal.code),
			}),
		);
	}
	return outcome.refused.length > 0
		? error(parts.join(' '))
		: ok(parts.join(' '));
}

function licenseIds(snapshot: Snapshot): Set<string> {
	return new Set(
		(snapshot.state.document?.payload.licenses ?? []).map((grant) => grant.id),
	);
}

/** R4, R5: Activate, or the import of a response file. */
export function activationStatus(
	outcome: Outcome,
	before: Snapshot,
	after: Snapshot,
	lang: Lang,
): StatusMessage {
	if (outcome.ok) {
		const known = licenseIds(before);
		const all = licenseIds(after);
		const added = [...all].filter((id) => !known.has(id)).length;
		return ok(
			added > 0
				? t(lang, 'ui.outcome.activated', {added, total: all.size})
				: t(lang, 'activation.reactivated'),
		);
	}
	switch (outcome.code) {
		case 'nothing-to-activate':
			return error(t(lang, 'activation.nothing'));
		case 'offline':
			return lang === 'en'
				? error(renderOutcome(lang, outcome))
				: error(t(lang, 'activation.offline'));
		case 'altered-file':
			return error(t(lang, 'manual.altered'));
		case 'no-request':
			return error(t(lang, 'manual.no-request'));
		case 'outdated-response':
			return error(t(lang, 'manual.outdated'));
		default:
			return fallback(outcome, lang);
	}
}

const TRANSPORT = new Set([
	'network',
	'timeout',
	'http',
	'bad-signature',
	'bad-response',
]);

/** R14: Connect now. */
export function connectStatus(outcome: Outcome, lang: Lang): StatusMessage {
	if (outcome.ok) return ok(t(lang, 'contact.succeeded'));
	if (outcome.code === 'not-activated')
		return error(t(lang, 'ui.outcome.not-activated'));
	if (lang === 'en') return error(renderOutcome(lang, outcome));
	if (TRANSPORT.has(outcome.code)) {
		const reason = outcome.params.reason ?? outcome.code;
		return error(
			t(lang, 'contact.failed', {
				reason: typeof reason === 'object' ? outcome.code : reason,
			}),
		);
	}
	return error(renderOutcome(lang, outcome));
}

/** R7: a device activated or refused. */
export function deviceStatus(
	outcome: Outcome,
	id: string | null,
	after: Snapshot,
	lang: Lang,
): StatusMessage {
	const {devices} = after.evaluation;
	if (outcome.ok) {
		return id === null
			? ok(
					t(lang, 'device.activated', {
						id: devices.list.at(-1)?.id ?? '',
						count: devices.activated,
						capacity: devices.capacity,
					}),
				)
			: ok(t(lang, 'device.deactivated', {id}));
	}
	if (outcome.code === 'capacity-reached') {
		return error(
			t(lang, 'device.refused', {
				capacity: devices.capacity,
				count: devices.activated,
			}),
		);
	}
	return fallback(outcome, lang);
}
