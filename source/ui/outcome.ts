/**
 * The status line: what a command did, in the admin's language. The engine's outcomes carry a
 * code; known codes get their message from the catalogs (fr and en), others keep the engine's
 * own (English) message, which always says what to do.
 */

import {keyRefusalMessage, keyRefusalParams} from '../engine/key-refusals.js';
import {type Lang, t} from '../i18n/index.js';
import {renderOutcome} from '../i18n/outcome.js';
import {contactOutcome} from '../runtime/contact-news.js';
import type {Outcome, SaveOutcome, Snapshot} from '../runtime/runtime.js';
import type {StatusMessage} from './app-state.js';
import {maskKeysIn} from './format.js';

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
		// It goes once the form is valid (point 4); its count follows the fields fixed.
		return {
			...error(t(lang, 'customer.invalid', {count: outcome.errors.length})),
			clearsWhen: 'form-valid',
		};
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

/**
 * A failure to reach the license server: it goes once a contact succeeds (point 4), however
 * that contact came (Connect now, the schedule, Activate).
 */
function unreachable(status: StatusMessage, after: Snapshot): StatusMessage {
	return {
		...status,
		clearsWhen: 'contact',
		since: after.state.server.lastSuccessAt,
	};
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
		const wasPending = before.evaluation.hardware.changed;
		return ok(
			added > 0
				? t(lang, 'ui.outcome.activated', {added, total: all.size})
				: wasPending
					? t(lang, 'activation.reactivated')
					: t(lang, 'ui.outcome.up-to-date', {total: all.size}),
		);
	}
	switch (outcome.code) {
		case 'nothing-to-activate':
			return error(t(lang, 'activation.nothing'));
		case 'offline':
			return unreachable(error(renderOutcome(lang, outcome)), after);
		case 'altered-file':
			return error(t(lang, 'manual.altered'));
		case 'no-request':
			return error(t(lang, 'manual.no-request'));
		case 'outdated-response':
			return error(t(lang, 'manual.outdated'));
		default:
			return TRANSPORT.has(outcome.code)
				? unreachable(fallback(outcome, lang), after)
				: fallback(outcome, lang);
	}
}

const TRANSPORT = new Set([
	'network',
	'timeout',
	'http',
	'bad-signature',
	'bad-response',
]);

/** R14: Connect now, and what the contact changed (a license revoked: point 6). */
export function connectStatus(
	outcome: Outcome,
	before: Snapshot,
	after: Snapshot,
	lang: Lang,
): StatusMessage {
	const said = contactOutcome(outcome, before, after);
	// R15: reached, but the clock is still behind the server's time: MyQ stays held.
	if (said.ok && said.code === 'connected-clock-behind')
		return error(renderOutcome(lang, said));
	if (said.ok) return ok(t(lang, 'contact.succeeded'));
	if (said.code === 'licenses-revoked' || said.code === 'licenses-lost')
		return error(maskKeysIn(renderOutcome(lang, said)));
	if (said.code === 'not-activated')
		return error(t(lang, 'ui.outcome.not-activated'));
	return TRANSPORT.has(said.code)
		? unreachable(error(renderOutcome(lang, said)), after)
		: error(renderOutcome(lang, said));
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
