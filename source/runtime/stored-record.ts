/**
 * The shape of what the runtime keeps in its store. Checked at every load: a hand-edited or
 * truncated record is refused here (and quarantined by the runtime), never half-trusted.
 *
 * Written by hand rather than with the schema library the rest of the program uses: every
 * command reads the store, and loading that library costs scripts ~30 ms at each start
 * (issue 6: `status --json` close to the cost of starting Node). The document inside is
 * checked by its signature (R16), not here.
 */
import type {EngineState} from '../engine/types.js';
import {isRevision} from '../ports/index.js';

export type StoredRecord = {
	format: 'myq-license-state';
	version: 1;
	/** Counts the writes, so processes sharing the store notice each other's (compare-and-set). */
	revision?: number;
	state: EngineState;
	/**
	 * Earlier versions kept the vendor key they pinned here. Never read (R16: the key comes from
	 * the configuration, not from the row it would vouch for); written as null so that those
	 * versions can still read the record.
	 */
	vendorKey?: string | null;
	/** The installation secret from the license server (see Shell.installationSecret). */
	installationSecret?: string | null;
};

type Check = (value: unknown) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const string: Check = (value) => typeof value === 'string';
const time: Check = (value) =>
	typeof value === 'number' && Number.isFinite(value);
const boolean: Check = (value) => typeof value === 'boolean';
const nullable =
	(check: Check): Check =>
	(value) =>
		value === null || check(value);
const optional =
	(check: Check): Check =>
	(value) =>
		value === undefined || check(value);
const oneOf =
	(...options: unknown[]): Check =>
	(value) =>
		options.includes(value);
const array =
	(check: Check): Check =>
	(value) =>
		Array.isArray(value) && value.every(check);
const object =
	(shape: Record<string, Check>): Check =>
	(value) =>
		isObject(value) &&
		Object.entries(shape).every(([key, check]) => check(value[key]));

const customer = object({
	company: string,
	person: string,
	address: string,
	country: string,
	email: string,
	phone: optional(string),
});

const state = object({
	version: oneOf(1),
	installationId: (value) => typeof value === 'string' && value.length > 0,
	customer: nullable(customer),
	pending: array(
		object({
			key: string,
			kind: oneOf('installation', 'license'),
			addedAt: time,
			refusal: optional(object({code: string, message: string})),
		}),
	),
	document: nullable(
		(value) =>
			isObject(value) &&
			'payload' in value &&
			typeof value.signature === 'string',
	),
	everActivated: boolean,
	hardware: object({current: nullable(string), mismatchSince: nullable(time)}),
	server: object({
		lastSuccessAt: nullable(time),
		lastFailureAt: nullable(time),
		unreachableSince: nullable(time),
		lastFailure: nullable(string),
	}),
	clock: object({highWater: time, tamperedAt: nullable(time)}),
	integrity: nullable(object({reason: string, at: time})),
	manualRequest: nullable(
		object({
			requestId: string,
			createdAt: time,
			fingerprint: string,
			keys: array(string),
		}),
	),
	devices: array(object({id: string, activatedAt: time})),
	startedAt: time,
	// A log entry is a code and its params; one written before codes keeps its old text.
	log: array(
		(value) =>
			object({
				at: time,
				type: string,
				code: string,
				params: (params) =>
					isObject(params) &&
					Object.values(params).every(
						(param) => typeof param === 'string' || time(param),
					),
			})(value) || object({at: time, type: string, detail: string})(value),
	),
	// What happened, for export-scenario (engine/history.ts); absent from states written before it.
	history: optional(
		array(object({at: time, code: string, params: isObject as Check})),
	),
});

const record = object({
	format: oneOf('myq-license-state'),
	version: oneOf(1),
	// 1e20 or 2^53 + 1 is no revision a runtime writes: a row edited by hand (issue 10 point 4).
	revision: optional(isRevision),
	state,
	vendorKey: optional(nullable(string)),
	installationSecret: optional(nullable(string)),
});

/** The record, or null when it is not one (the caller says why and keeps a copy). */
export function parseStoredRecord(value: unknown): StoredRecord | null {
	if (!record(value)) return null;
	const parsed = value as StoredRecord;
	return parsed.state.history === undefined
		? {...parsed, state: {...parsed.state, history: []}}
		: parsed;
}
