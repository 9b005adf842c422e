/**
 * R5: manual activation. Export a request file; the vendor portal answers it with a signed
 * response file; importing that file activates exactly as R4 would. The file's trust is the one
 * checker's (signing/trust.ts), whether it fits this installation now is the engine's rule
 * (engine/manual-response.ts); this file only runs them in order and says why it refused.
 */
import {manualResponseRefusal} from '../engine/manual-response.js';
import type {ActivationRequest} from '../engine/types.js';
import {parseCanonicalFile, toSignedFileText} from '../signing/index.js';
import {checkResponse, type ResponseFileProblem} from '../signing/trust.js';
import {customerPastLimits, proofKeys} from './activate.js';
import {
	clause,
	type Failed,
	failed,
	type Outcome,
	type OutcomeCode,
	type OutcomeMessage,
	outcome,
} from './outcome.js';
import {installationSecret, type Shell, seeHardware} from './shell.js';

export type ExportOutcome =
	| {ok: true; text: string; request: ActivationRequest}
	| Failed;

/**
 * Hands the request text to where it goes (a file, the dashboard's path). It throws when that
 * fails; the request then does not become the waiting one.
 */
export type DeliverRequest = (text: string) => Promise<void>;

/**
 * R5, step 1: the activation request file for the vendor portal. With `deliver`, the request
 * becomes the waiting one only once it is delivered: a failed write changes nothing, so the
 * response to the previous request is still accepted.
 */
export async function exportActivationRequest(
	shell: Shell,
	deliver?: DeliverRequest,
): Promise<ExportOutcome> {
	const keys = shell.state.pending.map((pending) => pending.key);
	if (keys.length === 0 && !shell.state.document) {
		return failed('nothing-to-activate');
	}
	const pastLimits = customerPastLimits(shell);
	if (pastLimits) return pastLimits as Failed;
	const fingerprint = await seeHardware(shell);
	const now = shell.clock.now();
	const request: ActivationRequest = {
		type: 'myq-activation-request',
		version: 1,
		requestId: shell.newId(),
		installationId: shell.state.installationId,
		fingerprint,
		keys: [...keys, ...proofKeys(shell, fingerprint, keys)],
		customer: shell.state.customer,
		createdAt: now,
		installationSecret: installationSecret(shell),
	};
	const text = toSignedFileText(request);
	await deliver?.(text);
	await shell.dispatch({
		type: 'manual-request-created',
		request: {requestId: request.requestId, createdAt: now, fingerprint, keys},
	});
	return {ok: true, text, request};
}

const PROBLEM: Record<ResponseFileProblem['code'], OutcomeCode> = {
	unreadable: 'response-unreadable',
	unsigned: 'response-unsigned',
	'not-a-response': 'not-a-response',
	'bad-document': 'response-bad-document',
};

/** R5, step 3: import the vendor's response file; activates exactly as R4 would. */
export async function importActivationResponse(
	shell: Shell,
	text: string,
): Promise<Outcome> {
	const refuse = async (refusal: Outcome): Promise<Outcome> => {
		// The event log keeps the reason as the admin read it (its entries are text for now).
		const {renderOutcome} = await import('../i18n/outcome.js');
		await shell.dispatch({
			type: 'manual-response-refused',
			reason: renderOutcome('en', refusal),
		});
		return refusal;
	};
	const altered = (problem: OutcomeMessage) =>
		refuse(outcome(false, 'altered-file', {problem}));
	// The bytes first: a file that is not the one the portal wrote needs no key to refuse.
	const parsed = parseCanonicalFile(text);
	if (!parsed.ok) {
		return altered({
			code: 'response-unreadable',
			params: {reason: clause(parsed.reason)},
		});
	}
	const key = shell.trust.publicKey();
	if (!key) {
		return refuse(outcome(false, 'no-vendor-key'));
	}
	const checked = checkResponse(parsed.value, key);
	if (!checked.ok) {
		return altered({
			code: PROBLEM[checked.problem.code],
			params: {reason: clause(checked.problem.reason)},
		});
	}
	const {response} = checked;
	const fingerprint = await shell.hardware.fingerprint();
	const refusal = manualResponseRefusal(shell.state, response, fingerprint);
	if (refusal) {
		return refuse(outcome(false, refusal.code, refusal.params));
	}
	const before = new Set(
		(shell.state.document?.payload.licenses ?? []).map((grant) => grant.id),
	);
	// Refusals of keys sent only as proof (see proofKeys) are not news: they were activated before.
	const pending = new Set(shell.state.pending.map((entry) => entry.key));
	await shell.dispatch({
		type: 'activation-succeeded',
		document: response.document,
		refusals: response.refusals.filter((entry) => pending.has(entry.key)),
		manual: true,
	});
	const added = response.document.payload.licenses.filter(
		(grant) => !before.has(grant.id),
	).length;
	return outcome(true, 'imported', {added});
}
