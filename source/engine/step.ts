/**
 * `step(state, event, now) -> [state, effects]`: the engine's transitions (xstate's
 * `transition`). Pure: effects are data the runtime executes (save, contact, schedule).
 * Documents arrive here already verified (R16 is checked by the runtime at every load).
 *
 * Longer than our usual file on purpose: one `apply` switch with a case per engine event, each a
 * few lines, read best side by side (which events touch `server`, which `hardware`); the rules
 * they call live in evaluate.ts, devices.ts and manual-response.ts.
 */

import {deviceRefusal} from './devices.js';
import {type Evaluation, evaluate} from './evaluate.js';
import {
	appendHistory,
	type HistoryEntry,
	hasObservation,
	type Interaction,
	lastInteraction,
	lastSkew,
	observationChange,
	observationOf,
} from './history.js';
import {keyRefusalMessage, keyRefusalParams} from './key-refusals.js';
import {parseKey} from './keys.js';
import type {
	Customer,
	EngineEventType,
	EngineState,
	IntegrityCode,
	KeyKind,
	KeyRefusal,
	LicenseGrant,
	LogCode,
	LogEntry,
	LogParams,
	ManualRequest,
	SignedDocument,
} from './types.js';
import {DAY, HOUR} from './types.js';

export type FailureLike = {kind: string; message: string; code?: string};

/**
 * What happens to the engine: a start, a command, a contact's answer, a clock or hardware
 * observation. `step` turns one into the next state and effects.
 * @example
 * const event: EngineEvent = {type: 'clock-observed'};
 * const [next] = step(state, event, Date.now());
 */
export type EngineEvent =
	/** `contactInterval`: the runtime's R14 period, kept in the history for a replay. */
	| {type: 'started'; fingerprint: string; contactInterval?: number}
	| {type: 'customer-saved'; customer: Customer}
	| {type: 'keys-added'; keys: {key: string; kind: KeyKind}[]}
	| {
			type: 'activation-succeeded';
			document: SignedDocument;
			refusals: KeyRefusal[];
			manual?: boolean;
	  }
	| {type: 'activation-failed'; failure: FailureLike}
	/** `requested`: the admin asked (Connect now), not the schedule (R14). */
	| {type: 'contact-succeeded'; document: SignedDocument; requested?: boolean}
	/**
	 * A refusal the server signed with the contact's nonce (SPEC §4): a successful contact, and
	 * `issuedAt`, the server's time in it, confirms the time as a document's does (R15).
	 */
	| {
			type: 'contact-refused';
			code: string;
			message: string;
			issuedAt: number;
			requested?: boolean;
	  }
	| {type: 'contact-failed'; failure: FailureLike; requested?: boolean}
	| {type: 'fingerprint-seen'; fingerprint: string}
	| {type: 'device-activated'; id: string}
	| {type: 'device-deactivated'; id?: string}
	| {type: 'clock-observed'}
	| {
			type: 'document-rejected';
			reason: string;
			source: string;
			code?: IntegrityCode;
	  }
	| {type: 'manual-request-created'; request: ManualRequest}
	| {type: 'manual-response-refused'; reason: string}
	| {
			type: 'keys-refused';
			refusals: {input: string; code?: string; message: string}[];
	  }
	| {type: 'vendor-key-pinned'; key: string};

/**
 * What the runtime must do after a step, and nothing more: `save` only when the state changed in
 * a way worth writing, `contact` when the license server must be asked (R14). A refusal is not an
 * effect: the command that asked learns it from the engine (see devices.ts).
 * @example
 * const [next, effects] = step(state, {type: 'fingerprint-seen', fingerprint}, now);
 * if (effects.some((effect) => effect.type === 'save')) await store.save(next);
 */
export type Effect = {type: 'save'} | {type: 'contact'};

/** R15: a clock that goes back by more than this is tampering. */
export const CLOCK_TOLERANCE = HOUR;
/** The event log keeps this many entries; older ones are dropped. */
export const LOG_LIMIT = 1000;

/**
 * The state of a fresh installation (unlicensed, nothing stored), with its id.
 * @example
 * let state = initialState(crypto.randomUUID(), Date.now());
 */
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
		history: [],
	};
}

type Draft = {
	state: EngineState;
	effects: Effect[];
	log: LogEntry[];
	/** What this step adds to the history (engine/history.ts). */
	history: HistoryEntry[];
	now: number;
};

/** Logs what happened as a code and its values; i18n/log.ts says it in fr or en (STYLE 11). */
function note(
	draft: Draft,
	type: EngineEventType,
	code: LogCode,
	params: LogParams = {},
) {
	draft.log.push({at: draft.now, type, code, params});
}

/** Records what happened in the history, as data for a replay (engine/history.ts). */
function remember<E extends HistoryEntry>(
	draft: Draft,
	code: E['code'],
	params: E['params'],
) {
	draft.history.push({at: draft.now, code, params} as HistoryEntry);
}

/**
 * The engine's transition (xstate style): `step(state, event, now)` returns the next state and
 * the effects the runtime must carry out (save, contact), and does not carry them out. Pure.
 * @example
 * const [next, effects] = step(state, {type: 'clock-observed'}, Date.now());
 */
export function step(
	state: EngineState,
	event: EngineEvent,
	now: number,
): [EngineState, Effect[]] {
	// The state as it last looked, so changes brought by time alone (an expiry) are logged too.
	const before = evaluate(state, state.clock.highWater);
	const draft: Draft = {
		state: {...state},
		effects: [],
		log: [],
		history: [],
		now,
	};
	observeClock(draft);
	apply(draft, event);
	const after = evaluate(draft.state, now);
	describeChanges(draft, before, after);
	if (draft.log.length > 0) {
		const log = [...state.log, ...draft.log];
		draft.state.log =
			log.length > LOG_LIMIT ? log.slice(log.length - LOG_LIMIT) : log;
	}
	// The view after the step, when it differs from the one before; the whole view the first
	// time something happens (a fresh install, or a state written before the history was kept).
	const observed =
		draft.history.length > 0 && !hasObservation(state.history)
			? observationOf(after)
			: observationChange(before, after);
	if (observed !== null) {
		remember(draft, 'observed', observed);
	}
	if (draft.history.length > 0) {
		draft.state.history = appendHistory(state.history, draft.history, now);
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
		remember(draft, 'clock-back', {by: clock.highWater - draft.now});
		const minutes = Math.round((clock.highWater - draft.now) / 60_000);
		note(draft, 'clock-tampered', 'clock-tampered', duration(minutes));
	}
}

/** A duration a person reads at a glance: minutes under 2 hours, hours under 2 days. */
function duration(minutes: number): {amount: number; unit: string} {
	if (minutes < 120) {
		return {amount: minutes, unit: 'minutes'};
	}
	if (minutes < 48 * 60) {
		return {amount: Math.round(minutes / 60), unit: 'hours'};
	}
	return {amount: Math.round(minutes / 1440), unit: 'days'};
}

function apply(draft: Draft, event: EngineEvent) {
	const s = draft.state;
	switch (event.type) {
		case 'started': {
			s.startedAt = draft.now;
			note(draft, 'started', 'started');
			remember(draft, 'started', {
				fingerprint: event.fingerprint,
				interval: event.contactInterval ?? null,
			});
			seeFingerprint(draft, event.fingerprint, true);
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
			note(draft, 'customer-saved', 'customer-saved', {
				company: event.customer.company,
			});
			remember(draft, 'customer', {});
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
					note(draft, 'key-added', 'key-added', {
						keyKind: key.kind,
						key: key.key,
					});
					remember(draft, 'key-added', {key: key.key, keyKind: key.kind});
				}
			}
			return;
		}
		case 'keys-refused': {
			for (const refusal of event.refusals) {
				note(draft, 'key-refused', 'key-refused', {
					key: refusal.input.trim(),
					keyRefusal: keyRefusalMessage(refusal.code),
					message: refusal.message,
					...keyRefusalParams(refusal.code),
				});
				const parsed = parseKey(refusal.input);
				remember(draft, 'key-refused', {
					reason: keyRefusalMessage(refusal.code),
					key: parsed.ok ? parsed.value.key : null,
				});
			}
			return;
		}
		case 'activation-succeeded': {
			remember(draft, 'activation', {
				...interaction(true, null, true),
				// A response file was signed when the portal made it, not now: no skew to read.
				skew: event.manual ? null : event.document.payload.issuedAt - draft.now,
				manual: event.manual === true,
			});
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
				note(draft, 'activation-refused', 'activation-refused', {
					key: refusal.key,
					refusal: refusal.code,
					message: refusal.message,
				});
			}
			if (event.manual) {
				s.manualRequest = null;
			}
			return;
		}
		case 'activation-failed': {
			remember(draft, 'activation', {
				...interaction(false, event.failure.kind, true),
				manual: false,
			});
			failedContact(draft, event.failure);
			note(draft, 'activation-failed', 'activation-failed', {
				failure: event.failure.kind,
				message: event.failure.message,
			});
			return;
		}
		case 'contact-succeeded': {
			rememberContact(
				draft,
				true,
				null,
				event.requested === true,
				event.document.payload.issuedAt,
			);
			acceptDocument(draft, event.document, 'contact');
			return;
		}
		case 'contact-refused': {
			rememberContact(
				draft,
				true,
				null,
				event.requested === true,
				event.issuedAt,
			);
			// A signed refusal is a successful contact (SPEC §4): the server is reachable.
			succeededContact(draft, event.issuedAt);
			note(draft, 'contact-refused', 'contact-refused', {
				refusal: event.code,
				code: event.code,
				message: event.message,
			});
			return;
		}
		case 'contact-failed': {
			rememberContact(
				draft,
				false,
				event.failure.kind,
				event.requested === true,
				null,
			);
			failedContact(draft, event.failure);
			note(draft, 'contact-failed', 'contact-failed', {
				failure: event.failure.kind,
				message: event.failure.message,
			});
			return;
		}
		case 'fingerprint-seen': {
			seeFingerprint(draft, event.fingerprint, false);
			return;
		}
		case 'device-activated': {
			const capacity = evaluate(s, draft.now).capacity;
			const refusal = deviceRefusal(s, event, draft.now);
			// Nothing to note for a device already there, or for a name that is no name (R7).
			if (
				refusal?.code === 'device-exists' ||
				refusal?.code === 'device-name-empty' ||
				refusal?.code === 'device-name-too-long' ||
				refusal?.code === 'device-name-unprintable'
			) {
				return;
			}
			remember(draft, 'device', {id: event.id, ok: refusal === null});
			if (refusal) {
				// R7: up to capacity; one more is refused with capacity and count.
				note(draft, 'device-refused', 'device-refused', {
					id: event.id,
					capacity,
					count: s.devices.length,
				});
				return;
			}
			s.devices = [...s.devices, {id: event.id, activatedAt: draft.now}];
			note(draft, 'device-activated', 'device-activated', {
				id: event.id,
				count: s.devices.length,
				capacity,
			});
			return;
		}
		case 'device-deactivated': {
			const id = event.id ?? s.devices.at(-1)?.id;
			if (id === undefined || deviceRefusal(s, event, draft.now)) {
				return;
			}
			s.devices = s.devices.filter((device) => device.id !== id);
			note(draft, 'device-deactivated', 'device-deactivated', {id});
			remember(draft, 'device-off', {id});
			return;
		}
		case 'document-rejected': {
			// R16: never trust it, never delete it; MyQ shows license-problem until a good one arrives.
			s.integrity = {
				reason: `${event.source}: ${event.reason}`,
				at: draft.now,
				...(event.code === undefined ? {} : {code: event.code}),
			};
			note(draft, 'document-rejected', 'document-rejected', {
				// 'stored document' -> the catalog id 'stored-document'
				source: event.source.replaceAll(' ', '-'),
				message: event.reason,
			});
			return;
		}
		case 'manual-request-created': {
			s.manualRequest = event.request;
			note(draft, 'manual-request-exported', 'manual-request-exported', {
				requestId: event.request.requestId,
			});
			return;
		}
		case 'vendor-key-pinned': {
			// R16: trust on first use, said out loud.
			note(draft, 'vendor-key-pinned', 'vendor-key-pinned', {key: event.key});
			return;
		}
		case 'manual-response-refused': {
			note(draft, 'manual-response-refused', 'manual-response-refused', {
				message: event.reason,
			});
			return;
		}
	}
}

/** The catalog's word for a key refusal (R3): a duplicate, a typo, or a malformed key. */

function knownKeys(state: EngineState): Set<string> {
	const keys = new Set(state.pending.map((pending) => pending.key));
	for (const grant of state.document?.payload.licenses ?? []) {
		keys.add(grant.key);
	}
	return keys;
}

/** An exchange with the license server, for the history. */
function interaction(
	ok: boolean,
	failure: string | null,
	requested: boolean,
): Interaction {
	return {ok, failure, skew: null, requested};
}

/**
 * A contact goes into the history when a replay could not make it by itself the same way: the
 * admin asked for it, its outcome differs from the last one recorded, or the license server's
 * time moved against ours (R15: the clock was set right, or wrong, in between). Contacts of the
 * schedule that change nothing are made by the replay at the same instants (R14); between the
 * last one recorded and the next, every contact had the outcome of the last, so a replay that
 * changes its network just before the next reproduces them all.
 */
function rememberContact(
	draft: Draft,
	ok: boolean,
	failure: string | null,
	requested: boolean,
	issuedAt: number | null,
) {
	const history = draft.state.history;
	const last = lastInteraction(history);
	const skew = issuedAt === null ? null : issuedAt - draft.now;
	const previousSkew = lastSkew(history) ?? 0;
	const isNews =
		requested ||
		last === null ||
		last.ok !== ok ||
		last.failure !== failure ||
		(skew !== null && Math.abs(skew - previousSkew) > CLOCK_TOLERANCE);
	if (isNews) {
		remember(draft, 'contact', {ok, failure, skew, requested});
	}
}

/**
 * R8: the engine looks at the fingerprint at start and at every check. `isStart`: a start,
 * which the history records as such.
 */
function seeFingerprint(draft: Draft, fingerprint: string, isStart = false) {
	const s = draft.state;
	if (!isStart && s.hardware.current !== fingerprint) {
		remember(draft, 'fingerprint', {fingerprint});
	}
	s.hardware = {...s.hardware, current: fingerprint};
	const bound = s.document?.payload.fingerprint;
	if (bound === undefined) {
		return;
	}
	if (fingerprint !== bound && s.hardware.mismatchSince === null) {
		s.hardware = {...s.hardware, mismatchSince: draft.now};
		note(draft, 'hardware-changed', 'hardware-changed', {days: 7});
	} else if (fingerprint === bound && s.hardware.mismatchSince !== null) {
		s.hardware = {...s.hardware, mismatchSince: null};
		note(draft, 'hardware-restored', 'hardware-restored');
	}
}

/**
 * A successful contact: a fresh signed answer (R14: it carries the contact's nonce, checked
 * before the engine sees it), made by the server at `issuedAt`.
 */
function succeededContact(draft: Draft, issuedAt: number) {
	const s = draft.state;
	// Issue 12, point 7: the log says when the server answers again, so failures do not end in
	// silence; every reconnection after a failure is one entry.
	if (s.server.unreachableSince !== null) {
		note(draft, 'contact-succeeded', 'contact-restored', {
			since: new Date(s.server.unreachableSince).toISOString(),
		});
	}
	s.server = {
		...s.server,
		lastSuccessAt: draft.now,
		unreachableSince: null,
		lastFailure: null,
	};
	if (s.clock.tamperedAt === null) {
		// The mark only rises here (observeClock raised it to now already): a successful contact
		// no longer lowers it to a clock that went back within the tolerance, so steps back of
		// 59 minutes with a contact between them add up instead of passing one by one.
		return;
	}
	// R15: the server's time in a fresh answer becomes the high-water mark. A clock still more
	// than the tolerance behind it has gone back against the confirmed time: still tampered,
	// and the log says by how much (the admin must set the clock right, not just connect).
	const behind = issuedAt - draft.now;
	if (behind > CLOCK_TOLERANCE) {
		s.clock = {highWater: issuedAt, tamperedAt: s.clock.tamperedAt};
		note(
			draft,
			'clock-tampered',
			'clock-still-behind',
			duration(Math.round(behind / 60_000)),
		);
		return;
	}
	s.clock = {highWater: Math.max(issuedAt, draft.now), tamperedAt: null};
	note(draft, 'clock-confirmed', 'clock-confirmed');
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
	succeededContact(draft, document.payload.issuedAt);
	if (
		s.document &&
		!s.integrity &&
		document.payload.issuedAt < s.document.payload.issuedAt
	) {
		// An older document than the one held (two processes, or a late answer): keep the newer.
		return;
	}
	if (s.integrity) {
		note(draft, 'license-changed', 'license-replaced');
	}
	s.integrity = null;
	s.document = document;
	const {payload} = document;
	const changed = changedGrants(previous, payload.licenses);
	if (changed.length > 0) {
		remember(draft, 'grants', {licenses: changed});
	}
	if (payload.licenses.length > 0) {
		s.everActivated = true;
	}
	if (via === 'activation') {
		const wasMismatched = s.hardware.mismatchSince !== null;
		s.hardware = {current: payload.fingerprint, mismatchSince: null};
		if (wasMismatched) {
			note(draft, 'reactivated', 'reactivated');
		}
	} else if (s.hardware.current !== null) {
		seeFingerprint(draft, s.hardware.current);
	}
	describeGrantChanges(draft, previous, payload.licenses);
}

/** The grants that are new or differ from the ones held (any member). */
function changedGrants(
	previous: LicenseGrant[],
	next: LicenseGrant[],
): LicenseGrant[] {
	const before = new Map(previous.map((grant) => [grant.id, grant]));
	return next.filter((grant) => {
		const old = before.get(grant.id);
		return old === undefined || !isSameJson(old, grant);
	});
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
			note(draft, 'license-activated', 'license-activated', {
				id: grant.id,
				kind: grant.kind,
				devices: grant.devices,
			});
			continue;
		}
		if (grant.revokedAt !== null && old.revokedAt === null) {
			note(draft, 'license-revoked', 'license-revoked', {id: grant.id});
		}
		if (grant.expiresAt !== old.expiresAt && grant.expiresAt !== null) {
			note(draft, 'license-changed', 'license-extended', {
				id: grant.id,
				date: new Date(grant.expiresAt).toISOString(),
			});
		}
		if (grant.autoRenew !== old.autoRenew) {
			note(
				draft,
				'license-changed',
				grant.autoRenew ? 'license-renewal-on' : 'license-renewal-off',
				{id: grant.id},
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
			note(draft, 'license-expired', 'license-expired', {
				id: license.id,
				reason: license.reason ?? 'none',
			});
		}
	}
	if (before.state !== after.state) {
		if (after.stopReason) {
			note(draft, 'state-changed', 'state-stopped', {
				from: before.state,
				to: after.state,
				stopReason: after.stopReason,
			});
		} else {
			note(draft, 'state-changed', 'state-changed', {
				from: before.state,
				to: after.state,
			});
		}
	}
}
