/**
 * R14: one contact with the license server (at start, on schedule, at Connect now). It sends a
 * fresh nonce; only a signed answer carrying it is a successful contact, and so is a refusal the
 * server signed with it (SPEC §4). No answer, or one that cannot be trusted (unsigned, stale,
 * not from a license server at all), is a failed one and changes nothing else.
 */
import {
	clause,
	failureOutcome,
	type Outcome,
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
			reason: clause(checked.failure.message),
		});
	}
	await shell.dispatch({
		type: 'contact-succeeded',
		document: reply.value,
		requested,
	});
	return outcome(true, 'connected');
}
