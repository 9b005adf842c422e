/**
 * R4: Activate online: pending keys are redeemed at the license server and every license is
 * (re)bound to this hardware (R8). Offline, the keys stay pending and the outcome offers manual
 * activation (manual-activation.ts). Like a contact, it sends a fresh nonce that the signed
 * answer must carry (R14), and without a trusted vendor key it asks nothing (R16).
 */
import {fieldsPastLimits} from '../engine/customer-limits.js';
import type {Failure} from '../ports/index.js';
import {
	failureOutcome,
	failureReason,
	type Outcome,
	type OutcomeMessage,
	outcome,
	serverRefusal,
} from './outcome.js';
import {installationSecret, type Shell, seeHardware} from './shell.js';

export async function activate(shell: Shell): Promise<Outcome> {
	const keys = shell.state.pending.map((pending) => pending.key);
	if (keys.length === 0 && !shell.state.document) {
		return outcome(false, 'nothing-to-activate');
	}
	const pastLimits = customerPastLimits(shell);
	if (pastLimits) return pastLimits;
	if (shell.trust.publicKey() === null) {
		return outcome(false, 'no-vendor-key');
	}
	const fingerprint = await seeHardware(shell);
	// R8: only licenses bound to other hardware are reactivated; otherwise nothing needed it.
	const wasElsewhere =
		shell.state.document !== null &&
		shell.state.document.payload.fingerprint !== fingerprint;
	const nonce = shell.newNonce();
	const reply = await shell.server.activate({
		installationId: shell.state.installationId,
		fingerprint,
		keys: [...keys, ...proofKeys(shell, fingerprint, keys)],
		customer: shell.state.customer,
		installationSecret: installationSecret(shell),
		nonce,
	});
	if (!reply.ok) {
		return activationFailure(shell, reply.failure);
	}
	const checked = shell.trust.checkReply(reply.value.document, {
		installationId: shell.state.installationId,
		fingerprint,
		nonce,
	});
	if (!checked.ok) {
		return activationFailure(shell, checked.failure);
	}
	const {document} = reply.value;
	// Refusals of keys sent only as proof are not news: those keys were activated before.
	const refusals = reply.value.refusals.filter((refusal) =>
		keys.includes(refusal.key),
	);
	const before = new Set(
		(shell.state.document?.payload.licenses ?? []).map((grant) => grant.id),
	);
	await shell.dispatch({type: 'activation-succeeded', document, refusals});
	const added = document.payload.licenses.filter(
		(grant) => !before.has(grant.id),
	).length;
	const total = document.payload.licenses.length;
	const details: OutcomeMessage[] = refusals.map((refusal) => ({
		code: 'key-refused' as const,
		params: {key: refusal.key, reason: refusal.message},
	}));
	if (added === 0 && refusals.length > 0) {
		return outcome(false, 'refused', {added, total}, details);
	}
	if (added === 0 && keys.length === 0)
		return outcome(
			true,
			wasElsewhere ? 'reactivated' : 'up-to-date',
			{total},
			details,
		);
	return outcome(true, 'activated', {added, total}, details);
}

/**
 * Moving to other hardware (R8): the keys already activated go with the secret, the proof the
 * license server asks of an installation that never presented a secret (activated by a version
 * before secrets): its secret is then adopted. One that holds a secret needs only that.
 */
export function proofKeys(
	shell: Shell,
	fingerprint: string,
	pending: readonly string[],
): string[] {
	const document = shell.state.document?.payload;
	if (document === undefined || document.fingerprint === fingerprint) {
		return [];
	}
	return [...new Set(document.licenses.map((grant) => grant.key))].filter(
		(key) => !pending.includes(key),
	);
}

async function activationFailure(
	shell: Shell,
	failure: Failure,
): Promise<Outcome> {
	if (failure.kind === 'rejected') {
		await shell.dispatch({
			type: 'contact-refused',
			code: failure.code,
			message: failure.message,
			issuedAt: failure.issuedAt,
		});
		return serverRefusal('activation-refused', failure.code, failure.message);
	}
	await shell.dispatch({type: 'activation-failed', failure});
	if (failure.kind === 'wrong-url') {
		// Manual activation would not help: the address is what is wrong (SPEC §4).
		return failureOutcome(failure);
	}
	const isUntrusted =
		failure.kind === 'stale' ||
		failure.kind === 'bad-signature' ||
		failure.kind === 'bad-response';
	return outcome(false, 'offline', {
		cause: {
			code: isUntrusted ? 'cause-untrusted' : 'cause-unreachable',
			params: {reason: failureReason(failure)},
		},
	});
}

/**
 * R2: a stored customer the license server would refuse (one written before the limits, or by
 * a hand in the store) is not sent: the admin is told which fields to fix (issue 10 point 6).
 */
export function customerPastLimits(shell: Shell): Outcome | null {
	const {customer} = shell.state;
	const fields = customer === null ? [] : fieldsPastLimits(customer);
	return fields.length === 0
		? null
		: outcome(false, 'customer-past-limits', {fields: fields.join(', ')});
}
