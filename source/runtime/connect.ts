/**
 * R14: one contact with the license server (at start, on schedule, at Connect now). A precise
 * refusal is a successful contact (SPEC §4); no answer, or an answer that cannot be trusted, is a
 * failed one and changes nothing else.
 */
import {clause, type Outcome, outcome, serverRefusal} from './outcome.js';
import type {Shell} from './shell.js';

export async function contact(shell: Shell): Promise<Outcome> {
	if (!shell.state.document) {
		return outcome(false, 'not-activated');
	}
	// R8: every check looks at the hardware too.
	const fingerprint = await shell.hardware.fingerprint();
	if (fingerprint !== shell.state.hardware.current) {
		await shell.dispatch({type: 'fingerprint-seen', fingerprint});
	}
	const reply = await shell.server.contact({
		installationId: shell.state.installationId,
		fingerprint,
	});
	if (!reply.ok) {
		const {failure} = reply;
		if (failure.kind === 'rejected') {
			await shell.dispatch({
				type: 'contact-refused',
				code: failure.code,
				message: failure.message,
			});
			return serverRefusal('server-refused', failure.code, failure.message);
		}
		await shell.dispatch({type: 'contact-failed', failure});
		return outcome(false, failure.kind, {reason: clause(failure.message)});
	}
	const checked = await shell.trust.checkReply(
		reply.value,
		shell.state.installationId,
		null,
	);
	if (!checked.ok) {
		await shell.dispatch({type: 'contact-failed', failure: checked.failure});
		return outcome(false, checked.failure.kind, {
			reason: clause(checked.failure.message),
		});
	}
	await shell.dispatch({type: 'contact-succeeded', document: reply.value});
	return outcome(true, 'connected');
}
