/**
 * The shape of what the runtime keeps in its store. Checked at every load: a hand-edited or
 * truncated record is refused here (and quarantined by the runtime), never half-trusted.
 */
import {z} from 'zod';
import type {EngineState} from '../engine/types.js';

export type StoredRecord = {
	format: 'myq-license-state';
	version: 1;
	/** Counts the writes, so processes sharing the store notice each other's (compare-and-set). */
	revision?: number;
	state: EngineState;
	vendorKey: string | null;
};

const time = z.number().finite();
const nullableTime = time.nullable();

const stateSchema = z.object({
	version: z.literal(1),
	installationId: z.string().min(1),
	customer: z
		.object({
			company: z.string(),
			person: z.string(),
			address: z.string(),
			country: z.string(),
			email: z.string(),
			phone: z.string().optional(),
		})
		.nullable(),
	pending: z.array(
		z.object({
			key: z.string(),
			kind: z.enum(['installation', 'license']),
			addedAt: time,
			refusal: z.object({code: z.string(), message: z.string()}).optional(),
		}),
	),
	// The document's content is checked by its signature (R16), not here.
	document: z.object({payload: z.unknown(), signature: z.string()}).nullable(),
	everActivated: z.boolean(),
	hardware: z.object({current: z.string().nullable(), mismatchSince: nullableTime}),
	server: z.object({
		lastSuccessAt: nullableTime,
		lastFailureAt: nullableTime,
		unreachableSince: nullableTime,
		lastFailure: z.string().nullable(),
	}),
	clock: z.object({highWater: time, tamperedAt: nullableTime}),
	integrity: z.object({reason: z.string(), at: time}).nullable(),
	manualRequest: z
		.object({requestId: z.string(), createdAt: time, fingerprint: z.string(), keys: z.array(z.string())})
		.nullable(),
	devices: z.array(z.object({id: z.string(), activatedAt: time})),
	startedAt: time,
	log: z.array(z.object({at: time, type: z.string(), detail: z.string()})),
});

const recordSchema = z.object({
	format: z.literal('myq-license-state'),
	version: z.literal(1),
	revision: z.number().int().optional(),
	state: stateSchema,
	vendorKey: z.string().nullable(),
});

/** The record, or null when it is not one (the caller says why and keeps a copy). */
export function parseStoredRecord(value: unknown): StoredRecord | null {
	const parsed = recordSchema.safeParse(value);
	return parsed.success ? (parsed.data as unknown as StoredRecord) : null;
}
