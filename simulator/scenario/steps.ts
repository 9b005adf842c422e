/**
 * The step kinds (SPEC §5 `steps`): one table. Each kind's schema is written here once; the
 * `Step` type, the list in messages ("use one of register, add-key, ...") and the runner's table
 * of what each step does (simulator/perform.ts, `satisfies Record<StepKind, ...>`) all come from
 * it, so a kind added here is refused by the compiler until the runner can perform it.
 */
import {z} from 'zod';
import {LICENSE_LIMITS} from '../../source/license-server/schemas.js';
import {NETWORK_STATES} from '../network.js';
import {atSchema, durationSchema} from './durations.js';
import {customerSchema, wholeNumber} from './schema.js';

/**
 * `import-response` tampering, to exercise R5's refusals: `flip-byte` alters one byte of the
 * file, `other-request` imports a response made for another request, `other-fingerprint` one
 * made for another fingerprint. All three must be refused.
 */
const tamperSchema = z.enum([
	'flip-byte',
	'other-request',
	'other-fingerprint',
]);
const vendorActionSchema = z.enum(['extend', 'cancel-renewal', 'revoke']);

export type TamperKind = z.output<typeof tamperSchema>;
export type VendorAction = z.output<typeof vendorActionSchema>;

/**
 * What a trainer says once the step is done (issue 13, point 4), shown in the demo's simulation
 * bar: one text, or one per language (`{en: ..., fr: ...}`) so the same file trains in both.
 * The runner ignores it.
 */
const noteSchema = z.union([
	z.string().trim().min(1),
	z
		.strictObject({en: z.string().trim().min(1), fr: z.string().trim().min(1)})
		.partial()
		.refine((note) => note.en !== undefined || note.fr !== undefined, {
			error: 'a note in at least one language: {en: ..., fr: ...}',
		}),
]);

export type StepNote = z.output<typeof noteSchema>;

/** `at` is milliseconds after the day's instant (`at: "+6h"`); absent means at the instant itself. */
const stepShape = {
	day: wholeNumber().min(0),
	at: atSchema.optional(),
	note: noteSchema.optional(),
};

export const STEP_SCHEMAS = {
	register: z.strictObject({
		...stepShape,
		do: z.literal('register'),
		customer: customerSchema.optional(),
	}),
	'add-key': z.strictObject({
		...stepShape,
		do: z.literal('add-key'),
		key: z.string().optional(),
		literal: z.string().optional(),
	}),
	activate: z.strictObject({...stepShape, do: z.literal('activate')}),
	'activate-manual': z.strictObject({
		...stepShape,
		do: z.literal('activate-manual'),
	}),
	'import-response': z.strictObject({
		...stepShape,
		do: z.literal('import-response'),
		tamper: tamperSchema.optional(),
	}),
	hardware: z.strictObject({
		...stepShape,
		do: z.literal('hardware'),
		use: z.string(),
	}),
	vendor: z.strictObject({
		...stepShape,
		do: z.literal('vendor'),
		action: vendorActionSchema,
		key: z.string(),
		days: wholeNumber().min(1).max(LICENSE_LIMITS.termDays).optional(),
	}),
	devices: z.strictObject({
		...stepShape,
		do: z.literal('devices'),
		// Their maximum is SCENARIO_LIMITS.stepDevices, checked (and said in fr and en) by limits.ts.
		activate: wholeNumber().min(1).optional(),
		deactivate: wholeNumber().min(1).optional(),
	}),
	restart: z.strictObject({...stepShape, do: z.literal('restart')}),
	clock: z.strictObject({
		...stepShape,
		do: z.literal('clock'),
		shift: durationSchema,
	}),
	network: z.strictObject({
		...stepShape,
		do: z.literal('network'),
		state: z.enum(NETWORK_STATES),
	}),
	connect: z.strictObject({...stepShape, do: z.literal('connect')}),
};

export type StepKind = keyof typeof STEP_SCHEMAS;

/** The kinds in table order, for messages. */
export const STEP_KINDS = Object.keys(STEP_SCHEMAS) as StepKind[];

/** A step as parsed, before the runner knows where it is written. */
export type StepBody<K extends StepKind = StepKind> = z.output<
	(typeof STEP_SCHEMAS)[K]
>;

/** One step of a scenario; `line` is where it is written, for messages about it at run time. */
export type Step = {[K in StepKind]: StepBody<K> & {line: number}}[StepKind];

/** The step of one kind: `StepOf<'vendor'>` has `action`, `key` and `days`. */
export type StepOf<K extends StepKind> = Extract<Step, {do: K}>;

export function isStepKind(value: unknown): value is StepKind {
	return typeof value === 'string' && Object.hasOwn(STEP_SCHEMAS, value);
}
