/**
 * R5: whether a manual activation response, already proven to come from the vendor (its
 * signature and shape, see signing/trust.ts), may be applied to this installation now. Pure: a
 * table of the refusals, in the order an admin can act on them, is its test
 * (test/engine/manual-response.test.ts).
 */
import type {ActivationResponsePayload, EngineState} from './types.js';

export type ManualResponseRefusal =
	/** Made for another installation (a file from another customer, or another server's store). */
	| {code: 'other-installation'; params: Record<string, never>}
	/** No request is waiting: none was exported, or its response was imported already. */
	| {code: 'no-request'; params: {requestId: string}}
	/** It answers a request older than the one waiting. */
	| {code: 'other-request'; params: {requestId: string; expected: string}}
	/** Made for other hardware (R8): the request was exported on another server. */
	| {code: 'other-fingerprint'; params: {fingerprint: string; expected: string}}
	/** Older than the document in place: applying it would undo later changes. */
	| {code: 'outdated-response'; params: Record<string, never>};

/** Null when the response may be applied, else the first reason it may not. */
export function manualResponseRefusal(
	state: EngineState,
	response: ActivationResponsePayload,
	fingerprint: string,
): ManualResponseRefusal | null {
	if (
		response.installationId !== state.installationId ||
		response.document.payload.installationId !== state.installationId
	) {
		return {code: 'other-installation', params: {}};
	}
	const request = state.manualRequest;
	if (!request) {
		return {code: 'no-request', params: {requestId: response.requestId}};
	}
	if (response.requestId !== request.requestId) {
		return {
			code: 'other-request',
			params: {requestId: response.requestId, expected: request.requestId},
		};
	}
	const bound = response.document.payload.fingerprint;
	if (response.fingerprint !== fingerprint || bound !== fingerprint) {
		return {
			code: 'other-fingerprint',
			params: {
				fingerprint:
					response.fingerprint !== fingerprint ? response.fingerprint : bound,
				expected: fingerprint,
			},
		};
	}
	const current = state.document?.payload.issuedAt ?? Number.NEGATIVE_INFINITY;
	if (response.document.payload.issuedAt < current) {
		return {code: 'outdated-response', params: {}};
	}
	return null;
}
