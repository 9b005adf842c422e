/**
 * `step(state, event, now) -> [state, effects]`: the engine's transitions (xstate's
 * `transition`). Pure: effects are data the runtime executes (save, contact, schedule).
 * Documents arrive here already verified (R16 is checked by the runtime at every load).
 */

import {deviceRefusal} from './devices.js';
import {type Evaluation, evaluate} from './evaluate.js';
import type {
	Customer,
	EngineEventType,
	EngineState,
	KeyKind,
	KeyRefusal,
	LicenseGrant,
	LogEntry,
	ManualRequest,
	SignedDocument,
} from './types.js';
import {DAY, HOUR} from './types.js';

export type FailureLike = {kind: string; message: string; code?: string};

export type EngineEvent =
	| {type: 'started'; fingerprint: string}
	| {type: 'customer-saved'; customer: Customer}
	| {type: 'keys-added'; keys: {key: string; kind: KeyKind}[]}
	| {
			type: 'activation-succeeded';
			document: SignedDocument;
			refusals: KeyRefusal[];
			manual?: boolean;
	  }
	| {type: 'activation-failed'; failure: FailureLike}
	| {type: 'contact-succeeded'; document: SignedDocument}
	| {type: 'contact-refused'; code: string; message: string}
	| {type: 'contact-failed'; failure: FailureLike}
	| {type: 'fingerprint-seen'; fingerprint: string}
	| {type: 'device-activated'; id: string}
	| {type: 'device-deactivated'; id?: string}
	| {type: 'clock-observed'}
	| {type: 'document-rejected'; reason: string; source: string}
	| {type: 'manual-request-created'; request: ManualRequest}
	| {type: 'manual-response-refused'; reason: string}
	| {type: 'keys-refused'; refusals: {input: string; message: string}[]}
	| {type: 'vendor-key-pinned'; key: string};

/**
 * What the runtime must do after a step, and nothing more: `save` only when the state changed in
 * a way worth writing, `contact` when the license server must be asked (R14). A refusal is not an
 * effect: the command that asked learns it from the engine (see devices.ts).
 */
export type Effect = {type: 'save'} | {type: 'contact'};

/** R15: a clock that goes back by more than this is tampering. */
export const CLOCK_TOLERANCE = HOUR;
/** The event log keeps this many entries; older ones are dropped. */
export const LOG_LIMIT = 1000;

export function initialState(installationId: string, now: number): EngineState {
	return {
		version: 1,
		installationId,
		customer: null,
		pending: [],
		document: null,
		everActivated: false,
		hardware: {current: null, mismatchSince: null},
		server: {
			lastSuccessAt: null,
			lastFailureAt: null,
			unreachableSince: null,
			lastFailure: null,
		},
		clock: {highWater: now, tamperedAt: null},
		integrity: null,
		manualRequest: null,
		devices: [],
		startedAt: now,
		log: [],
	};
}

type Draft = {
	state: EngineState;
	effects: Effect[];
	log: LogEntry[];
	now: number;
};

function note(draft: Draft, type: EngineEventType, detail: string) {
	draft.log.push({at: draft.now, type, detail});
}

export function step(
	state: EngineState,
	event: EngineEvent,
	now: number,
): [EngineState, Effect[]] {
	// The state as it last looked, so changes brought by time alone (an expiry) are logged too.
	const before = evaluate(state, state.clock.highWater);
	const draft: Draft = {state: {...state}, effects: [], log: [], now};
	observeClock(draft);
	apply(draft, event);
	const after = evaluate(draft.state, now);
	describeChanges(draft, before, after);
	if (draft.log.length > 0) {
		const log = [...state.log, ...draft.log];
		draft.state.log =
			log.length > LOG_LIMIT ? log.slice(log.length - LOG_LIMIT) : log;
	}
	const next = keepUnchanged(state, draft.state);
	if (next !== state && isWorthSaving(state, next)) {
		draft.effects.push({type: 'save'});
	}
	return [next, draft.effects];
}

/**
 * The state as it was when the step changed nothing (the same object, so callers can compare
 * with `===`), else the new state sharing every part that did not change.
 */
function keepUnchanged(state: EngineState, next: EngineState): EngineState {
	let isChanged = false;
	for (const key of Object.keys(next) as (keyof EngineState)[]) {
		if (next[key] === state[key]) continue;
		if (isSameJson(next[key], state[key])) {
			(next as Record<string, unknown>)[key] = state[key];
		} else {
			isChanged = true;
		}
	}
	return isChanged ? next : state;
}

/**
 * Whether a change is worth a write. The high-water mark alone (R15) follows time at every clock
 * check, hourly in a quiet dashboard: it is written with the next other change (every contact is
 * one, R14) and at least once a day, so a restart loses at most a day of it, not an hour.
 */
function isWorthSaving(state: EngineState, next: EngineState): boolean {
	for (const key of Object.keys(next) as (keyof EngineState)[]) {
		if (next[key] !== state[key] && key !== 'clock') return true;
	}
	return (
		next.clock.tamperedAt !== state.clock.tamperedAt ||
		Math.floor(next.clock.highWater / DAY) !==
			Math.floor(state.clock.highWater / DAY) ||
		next.clock.highWater < state.clock.highWater
	);
}

/** Structural equality of JSON values (the state is plain JSON). */
function isSameJson(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
	if (Array.isArray(a)) {
		return (
			Array.isArray(b) &&
			a.length === b.length &&
			a.every((item, index) => isSameJson(item, b[index]))
		);
	}
	if (Array.isArray(b)) return false;
	const aKeys = Object.keys(a);
	const bRecord = b as Record<string, unknown>;
	return (
		aKeys.length === Object.keys(b).length &&
		aKeys.every(
			(key) =>
				key in bRecord &&
				isSameJson((a as Record<string, unknown>)[key], bRecord[key]),
		)
	);
}

/** R15: keep the high-water mark of time; more than an hour back is tampering. */
function observeClock(draft: Draft) {
	const {clock} = draft.state;
	if (draft.now > clock.highWater) {
		draft.state.clock = {...clock, highWater: draft.now};
	} else if (
		clock.highWater - draft.now > CLOCK_TOLERANCE &&
		clock.tamperedAt === null
	) {
		draft.state.clock = {...clock, tamperedAt: draft.now};
		const minutes = Math.round((clock.highWater - draft.now) / 60_000);
		note(
			draft,
			'clock-tampered',
			`the clock went back by ${formatDuration(minutes)}`,
		);
	}
}

function formatDuration(minutes: number): string {
	if (minutes < 120) {
		return `${minutes} minutes`;
	}
	if (minutes < 48 * 60) {
		return `${Math.round(minutes / 60)} hours`;
	}
	return `${Math.round(minutes / 1440)} days`;
}

function apply(draft: Draft, event: EngineEvent) {
	const s = draft.state;
	switch (event.type) {
		case 'started': {
			s.startedAt = draft.now;
			note(draft, 'started', `server started`);
			seeFingerprint(draft, event.fingerprint);
			if (s.document) {
				draft.effects.push({type: 'contact'});
			}
			return;
		}
		case 'clock-observed': {
			return;
		}
		case 'customer-saved': {
			s.customer = event.customer;
			note(
				draft,
				'customer-saved',
				`customer saved: ${event.customer.company}`,
			);
			return;
		}
		case 'keys-added': {
			const known = knownKeys(s);
			const added = event.keys.filter((key) => !known.has(key.key));
			if (added.length > 0) {
				s.pending = [
					...s.pending,
					...added.map((key) => ({
						key: key.key,
						kind: key.kind,
						addedAt: draft.now,
					})),
				];
				for (const key of added) {
					note(
						draft,
						'key-added',
						`${key.kind} key ${key.key} added, pending activation`,
					);
				}
			}
			return;
		}
		case 'keys-refused': {
			for (const refusal of event.refusals) {
				note(draft, 'key-refused', refusal.message);
			}
			return;
		}
		case 'activation-succeeded': {
			acceptDocument(draft, event.document, 'activation');
			const granted = new Set(
				event.document.payload.licenses.map((grant) => grant.key),
			);
			const refused = new Map(
				event.refusals.map((refusal) => [refusal.key, refusal]),
			);
			s.pending = s.pending
				.filter((pending) => !granted.has(pending.key))
				.map((pending) => {
					const refusal = refused.get(pending.key);
					return refusal
						? {
								...pending,
								refusal: {code: refusal.code, message: refusal.message},
							}
						: pending;
				});
			for (const refusal of event.refusals) {
				note(draft, 'activation-refused', `${refusal.key}: ${refusal.message}`);
			}
			if (event.manual) {
				s.manualRequest = null;
			}
			return;
		}
		case 'activation-failed': {
			failedContact(draft, event.failure);
			note(
				draft,
				'activation-failed',
				`activation failed: ${event.failure.message}. The keys stay pending; without network, use manual activation.`,
			);
			return;
		}
		case 'contact-succeeded': {
			acceptDocument(draft, event.document, 'contact');
			return;
		}
		case 'contact-refused': {
			// A precise refusal is a successful contact (SPEC §4): the server is reachable.
			succeededContact(draft);
			note(
				draft,
				'contact-refused',
				`the license server refused: ${event.message} (${event.code})`,
			);
			return;
		}
		case 'contact-failed': {
			failedContact(draft, event.failure);
			note(
				draft,
				'contact-failed',
				`the license server could not be reached: ${event.failure.message}`,
			);
			return;
		}
		case 'fingerprint-seen': {
			seeFingerprint(draft, event.fingerprint);
			return;
		}
		case 'device-activated': {
			const capacity = evaluate(s, draft.now).capacity;
			const refusal = deviceRefusal(s, event, draft.now);
			if (refusal?.code === 'device-exists') {
				return;
			}
			if (refusal) {
				// R7: up to capacity; one more is refused with capacity and count.
				const message = `device ${event.id} refused: capacity is ${capacity} and ${s.devices.length} devices are activated`;
				note(draft, 'device-refused', message);
				return;
			}
			s.devices = [...s.devices, {id: event.id, activatedAt: draft.now}];
			note(
				draft,
				'device-activated',
				`device ${event.id} activated (${s.devices.length}/${capacity})`,
			);
			return;
		}
		case 'device-deactivated': {
			const id = event.id ?? s.devices.at(-1)?.id;
			if (id === undefined || deviceRefusal(s, event, draft.now)) {
				return;
			}
			s.devices = s.devices.filter((device) => device.id !== id);
			note(draft, 'device-deactivated', `device ${id} deactivated`);
			return;
		}
		case 'document-rejected': {
			// R16: never trust it, never delete it; MyQ shows license-problem until a good one arrives.
			s.integrity = {reason: `${event.source}: ${event.reason}`, at: draft.now};
			note(
				draft,
				'document-rejected',
				`${event.source} rejected: ${event.reason}`,
			);
			return;
		}
		case 'manual-request-created': {
			s.manualRequest = event.request;
			note(
				draft,
				'manual-request-exported',
				`activation request ${event.request.requestId} exported`,
			);
			return;
		}
		case 'vendor-key-pinned': {
			// R16: trust on first use, said out loud.
			note(
				draft,
				'vendor-key-pinned',
				`the vendor public key ${event.key} was pinned at the first activation; documents signed with any other key are refused (give --vendor-key to choose it)`,
			);
			return;
		}
		case 'manual-response-refused': {
			note(
				draft,
				'manual-response-refused',
				`activation response refused: ${event.reason}`,
			);
			return;
		}
	}
}

function knownKeys(state: EngineState): Set<string> {
	const keys = new Set(state.pending.map((pending) => pending.key));
	for (const grant of state.document?.payload.licenses ?? []) {
		keys.add(grant.key);
	}
	return keys;
}

/** R8: the engine looks at the fingerprint at start and at every check. */
function seeFingerprint(draft: Draft, fingerprint: string) {
	const s = draft.state;
	s.hardware = {...s.hardware, current: fingerprint};
	const bound = s.document?.payload.fingerprint;
	if (bound === undefined) {
		return;
	}
	if (fingerprint !== bound && s.hardware.mismatchSince === null) {
		s.hardware = {...s.hardware, mismatchSince: draft.now};
		note(
			draft,
			'hardware-changed',
			`the hardware changed: reactivate within 7 days`,
		);
	} else if (fingerprint === bound && s.hardware.mismatchSince !== null) {
		s.hardware = {...s.hardware, mismatchSince: null};
		note(draft, 'hardware-restored', `the original hardware is back`);
	}
}

function succeededContact(draft: Draft) {
	const s = draft.state;
	s.server = {
		...s.server,
		lastSuccessAt: draft.now,
		unreachableSince: null,
		lastFailure: null,
	};
	if (s.clock.tamperedAt !== null) {
		// R15: a successful contact confirms the time.
		s.clock = {highWater: draft.now, tamperedAt: null};
		note(draft, 'clock-confirmed', `the license server confirmed the time`);
	} else {
		s.clock = {...s.clock, highWater: draft.now};
	}
}

function failedContact(draft: Draft, failure: FailureLike) {
	const s = draft.state;
	s.server = {
		...s.server,
		lastFailureAt: draft.now,
		unreachableSince: s.server.unreachableSince ?? draft.now,
		lastFailure: failure.message,
	};
}

function acceptDocument(
	draft: Draft,
	document: SignedDocument,
	via: 'activation' | 'contact',
) {
	const s = draft.state;
	const previous = s.document?.payload.licenses ?? [];
	succeededContact(draft);
	if (
		s.document &&
		!s.integrity &&
		document.payload.issuedAt < s.document.payload.issuedAt
	) {
		// An older document than the one held (two processes, or a late answer): keep the newer.
		return;
	}
	if (s.integrity) {
		note(
			draft,
			'license-changed',
			`a valid document from the license server replaced the rejected one`,
		);
	}
	s.integrity = null;
	s.document = document;
	const {payload} = document;
	if (payload.licenses.length > 0) {
		s.everActivated = true;
	}
	if (via === 'activation') {
		const wasMismatched = s.hardware.mismatchSince !== null;
		s.hardware = {current: payload.fingerprint, mismatchSince: null};
		if (wasMismatched) {
			note(draft, 'reactivated', `licenses reactivated on the new hardware`);
		}
	} else if (s.hardware.current !== null) {
		seeFingerprint(draft, s.hardware.current);
	}
	describeGrantChanges(draft, previous, payload.licenses);
}

function describeGrantChanges(
	draft: Draft,
	previous: LicenseGrant[],
	next: LicenseGrant[],
) {
	const before = new Map(previous.map((grant) => [grant.id, grant]));
	for (const grant of next) {
		const old = before.get(grant.id);
		if (!old) {
			note(
				draft,
				'license-activated',
				`${grant.id}: ${grant.kind}, ${grant.devices} devices`,
			);
			continue;
		}
		if (grant.revokedAt !== null && old.revokedAt === null) {
			note(draft, 'license-revoked', `${grant.id} was revoked by the vendor`);
		}
		if (grant.expiresAt !== old.expiresAt && grant.expiresAt !== null) {
			note(
				draft,
				'license-changed',
				`${grant.id} now expires on ${new Date(grant.expiresAt).toISOString()}`,
			);
		}
		if (grant.autoRenew !== old.autoRenew) {
			note(
				draft,
				'license-changed',
				`${grant.id}: automatic renewal ${grant.autoRenew ? 'on' : 'off'}`,
			);
		}
	}
}

/** Logs what changed on screen between two evaluations: statuses and the operational state. */
function describeChanges(draft: Draft, before: Evaluation, after: Evaluation) {
	const statuses = new Map(
		before.licenses.map((license) => [license.id, license.status]),
	);
	for (const license of after.licenses) {
		const old = statuses.get(license.id);
		if (
			old !== undefined &&
			old !== license.status &&
			license.status === 'expired'
		) {
			note(
				draft,
				'license-expired',
				`${license.id} expired (${license.reason ?? 'no reason'})`,
			);
		}
	}
	if (before.state !== after.state) {
		const why = after.stopReason ? ` (${after.stopReason})` : '';
		note(draft, 'state-changed', `${before.state} -> ${after.state}${why}`);
	}
}
