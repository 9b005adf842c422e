/**
 * R14: one contact with the license server (at start, on schedule, at Connect now). It sends a
 * fresh nonce; only a signed answer carrying it is a successful contact, and so is a refusal the
 * server signed with it (SPEC §4). No answer, or one that cannot be trusted (unsigned, stale,
 * not from a license server at all), is a failed one and changes nothing else.
 */
import {
	failureOutcome,
	failureReason,
	type Outcome,
	type OutcomeMessage,
	outcome,
	serverRefusal,
} from './outcome.js';
import type {Shell} from './shell.js';

/** `requested`: the admin asked (Connect now), not the schedule; the history says which (R14). */
export async function contact(
	shell: Shell,
	options: {requested?: boolean} = {},
): Promise<Outcome> {
	const requested = options.requested === true;
	if (!shell.state.document) {
		return outcome(false, 'not-activated');
	}
	// R16: without a trusted key no answer could be checked: ask nothing (no failed contact
	// either: the server was not tried). The stored document is refused at load for the same reason.
	if (shell.trust.publicKey() === null) {
		return outcome(false, 'no-vendor-key');
	}
	// R8: every check looks at the hardware too.
	const fingerprint = await shell.hardware.fingerprint();
	if (fingerprint !== shell.state.hardware.current) {
		await shell.dispatch({type: 'fingerprint-seen', fingerprint});
	}
	const nonce = shell.newNonce();
	const reply = await shell.server.contact({
		installationId: shell.state.installationId,
		fingerprint,
		nonce,
	});
	if (!reply.ok) {
		const {failure} = reply;
		if (failure.kind === 'rejected') {
			await shell.dispatch({
				type: 'contact-refused',
				code: failure.code,
				message: failure.message,
				issuedAt: failure.issuedAt,
				requested,
			});
			return serverRefusal('server-refused', failure.code, failure.message);
		}
		await shell.dispatch({type: 'contact-failed', failure, requested});
		return failureOutcome(failure);
	}
	const checked = shell.trust.checkReply(reply.value, {
		installationId: shell.state.installationId,
		fingerprint: null,
		nonce,
	});
	if (!checked.ok) {
		await shell.dispatch({
			type: 'contact-failed',
			failure: checked.failure,
			requested,
		});
		return outcome(false, checked.failure.kind, {
			reason: failureReason(checked.failure),
		});
	}
	await shell.dispatch({
		type: 'contact-succeeded',
		document: reply.value,
		requested,
	});
	// R15: the answer confirmed the license server's time, and this clock is still more than the
	// tolerance behind it: the contact succeeded, yet no subscription counts until the clock is
	// set right. "Licenses are up to date" beside a clock banner that stays sent admins (and a
	// trainer's room) looking for a network problem.
	const {clock} = shell.state;
	if (clock.tamperedAt !== null) {
		const minutes = Math.max(
			1,
			Math.round((clock.highWater - shell.clock.now()) / 60_000),
		);
		return outcome(true, 'connected-clock-behind', {
			behind: behindBy(minutes),
		});
	}
	return outcome(true, 'connected');
}

/** "61 min", "5 h", "3 days": how far the clock is behind, in the unit a person would use. */
function behindBy(minutes: number): OutcomeMessage {
	if (minutes < 120)
		return {code: 'duration-minutes', params: {amount: minutes}};
	if (minutes < 48 * 60)
		return {
			code: 'duration-hours',
			params: {amount: Math.round(minutes / 60)},
		};
	return {
		code: 'duration-days',
		params: {amount: Math.round(minutes / (24 * 60))},
	};
}
