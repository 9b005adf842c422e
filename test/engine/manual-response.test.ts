/**
 * R5: the acceptance rules of a manual activation response, as a table. The response is
 * already the vendor's (its signature and shape are the trust checker's); these rules say
 * whether it fits this installation now.
 */
import {describe, expect, it} from 'vitest';
import {manualResponseRefusal} from '../../source/engine/manual-response.js';
import type {
	ActivationResponsePayload,
	EngineState,
} from '../../source/engine/types.js';
import {activated, documentOf, FP_A, FP_B, grant, T0} from './fixtures.js';

const REQUEST = {
	requestId: 'req-2',
	createdAt: T0 + 1000,
	fingerprint: FP_A,
	keys: ['K-NEW'],
};

/** Activated at T0 on server A, with request req-2 waiting. */
const waiting: EngineState = activated([grant({id: 'K-OLD'})], {
	manualRequest: REQUEST,
});

function response(
	overrides: Partial<ActivationResponsePayload> = {},
	document: {
		installationId?: string;
		fingerprint?: string;
		issuedAt?: number;
	} = {},
): ActivationResponsePayload {
	const signed = documentOf(
		[grant({id: 'K-OLD'}), grant({id: 'K-NEW'})],
		document.fingerprint ?? FP_A,
		document.issuedAt ?? T0 + 2000,
	);
	return {
		type: 'myq-activation-response',
		version: 1,
		requestId: 'req-2',
		installationId: 'inst-1',
		fingerprint: FP_A,
		document: {
			...signed,
			payload: {
				...signed.payload,
				installationId: document.installationId ?? 'inst-1',
				requestId: 'req-2',
			},
		},
		refusals: [],
		...overrides,
	};
}

describe('R5 a manual response is applied only when it answers the request waiting here', () => {
	it.each<[string, EngineState, ActivationResponsePayload, string, unknown]>([
		[
			'R5 the response to the request waiting is accepted',
			waiting,
			response(),
			FP_A,
			null,
		],
		[
			'R5 a response made for another installation is refused',
			waiting,
			response({installationId: 'inst-2'}),
			FP_A,
			{code: 'other-installation', params: {}},
		],
		[
			'R5 a response whose document is for another installation is refused',
			waiting,
			response({}, {installationId: 'inst-2'}),
			FP_A,
			{code: 'other-installation', params: {}},
		],
		[
			'R5 a response when no request is waiting is refused (none exported, or already imported)',
			{...waiting, manualRequest: null},
			response(),
			FP_A,
			{code: 'no-request', params: {requestId: 'req-2'}},
		],
		[
			'R5 a response to another (older) request is refused, naming both',
			waiting,
			response({requestId: 'req-1'}),
			FP_A,
			{code: 'other-request', params: {requestId: 'req-1', expected: 'req-2'}},
		],
		[
			'R5 a response made on another server is refused',
			waiting,
			response({fingerprint: FP_B}, {fingerprint: FP_B}),
			FP_A,
			{code: 'other-fingerprint', params: {fingerprint: FP_B, expected: FP_A}},
		],
		[
			'R5 a response whose document is bound to other hardware is refused',
			waiting,
			response({}, {fingerprint: FP_B}),
			FP_A,
			{code: 'other-fingerprint', params: {fingerprint: FP_B, expected: FP_A}},
		],
		[
			'R5 a response read on other hardware than it was made for is refused',
			waiting,
			response(),
			FP_B,
			{code: 'other-fingerprint', params: {fingerprint: FP_A, expected: FP_B}},
		],
		[
			'R5 an outdated response (older than the document in place) is refused',
			waiting,
			response({}, {issuedAt: T0 - 1}),
			FP_A,
			{code: 'outdated-response', params: {}},
		],
		[
			'R5 a response issued at the same instant as the document in place is accepted',
			waiting,
			response({}, {issuedAt: T0}),
			FP_A,
			null,
		],
		[
			'R5 a first activation has no document to be outdated against',
			{...waiting, document: null},
			response({}, {issuedAt: 0}),
			FP_A,
			null,
		],
	])('%s', (_name, state, answer, fingerprint, expected) => {
		expect(manualResponseRefusal(state, answer, fingerprint)).toEqual(expected);
	});

	it('R5 the refusals come in the order an admin can act on: installation, request, hardware, age', () => {
		// Everything wrong at once: the installation is said first.
		const all = response(
			{installationId: 'inst-2', requestId: 'req-1', fingerprint: FP_B},
			{fingerprint: FP_B, issuedAt: T0 - 1},
		);
		expect(manualResponseRefusal(waiting, all, FP_A)?.code).toBe(
			'other-installation',
		);
		expect(
			manualResponseRefusal(
				waiting,
				{
					...all,
					installationId: 'inst-1',
					document: response(
						{requestId: 'req-1', fingerprint: FP_B},
						{fingerprint: FP_B, issuedAt: T0 - 1},
					).document,
				},
				FP_A,
			)?.code,
		).toBe('other-request');
	});
});
