/**
 * The shapes and ranges of a scenario's parts, as zod schemas, and the lists they take their
 * values from. References between parts (aliases, hardware names, the timeline) are checked by
 * hand in references.ts, on the raw values, so that one bad part does not hide the others.
 * The step kinds have their own table (steps.ts).
 */
import * as z from 'zod';
import {
	BANNER_ORDER,
	type BannerId,
	type LicenseStatus,
	type OperationalState,
} from '../../source/engine/types.js';
import {LICENSE_LIMITS} from '../../source/license-server/schemas.js';
import {show} from './issues.js';
import {SCENARIO_LIMITS} from './limits.js';

/** SPEC §5: a scenario file may be at most 1 MiB. */
export const MAX_SCENARIO_BYTES = SCENARIO_LIMITS.bytes;
/** A hundred years of timeline is more than any replay needs, and bounds the runner's work. */
export const MAX_SCENARIO_DAYS = SCENARIO_LIMITS.days;

// `satisfies Record<Union, true>` keeps these lists in step with the types they mirror.
const LICENSE_STATUSES = Object.keys({
	pending: true,
	active: true,
	'hardware-grace': true,
	'offline-grace': true,
	expired: true,
	invalid: true,
} satisfies Record<LicenseStatus, true>) as [LicenseStatus, ...LicenseStatus[]];

const OPERATIONAL_STATES = Object.keys({
	unlicensed: true,
	running: true,
	warning: true,
	stopped: true,
} satisfies Record<OperationalState, true>) as [
	OperationalState,
	...OperationalState[],
];

/** The banners whose text carries `{days}` (SPEC §2 "Banners"). */
export const COUNTING_BANNERS: readonly BannerId[] = [
	'hardware-changed',
	'server-unreachable',
	'subscription-expiring',
];
/** The banners that say why MyQ stopped: when one shows, it shows alone. */
export const STOP_BANNERS: readonly BannerId[] = [
	'license-problem',
	'server-stopped',
];

/** Letters, digits, `-` and `_`, starting with a letter: `/` names an installation's n-th license. */
export const ALIAS_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
const EVENT_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** z.int(), saying "whole number" also when the field is missing (zod reports `number` then). */
export function wholeNumber() {
	return z.int({
		error: (issue) =>
			issue.input === undefined ? 'is required (a whole number)' : undefined,
	});
}

export const nameSchema = z.string().trim().min(1);

export const startSchema = z.unknown().transform((value, context) => {
	if (value === undefined) {
		context.addIssue({
			code: 'custom',
			message:
				'is required (an ISO date-time like 2027-01-04T09:00:00Z: day 0)',
		});
		return z.NEVER;
	}
	const isIso = z.iso.datetime({offset: true}).safeParse(value).success;
	const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
	if (!isIso || !Number.isFinite(time)) {
		context.addIssue({
			code: 'custom',
			message: `${show(value)} is not an ISO date-time; write it like 2027-01-04T09:00:00Z (with Z or an offset such as +01:00)`,
		});
		return z.NEVER;
	}
	return time;
});

export const customerSchema = z.strictObject({
	company: z.string().optional(),
	person: z.string().optional(),
	address: z.string().optional(),
	country: z.string().optional(),
	email: z.string().optional(),
	phone: z.string().optional(),
});

export const hardwareSchema = z.array(z.string().trim().min(1)).min(1, {
	error: 'must name at least one fingerprint (the first is used at start)',
});

// The ranges of the license server's mint (LICENSE_LIMITS), so every valid catalog mints.
const licenseSpecShape = {
	kind: z.enum(['perpetual', 'subscription']),
	devices: wholeNumber().min(1).max(LICENSE_LIMITS.devices),
	termDays: wholeNumber().min(1).max(LICENSE_LIMITS.termDays).optional(),
	autoRenew: z.boolean().optional(),
};

export const installationEntrySchema = z.strictObject({
	type: z.literal('installation'),
	licenses: z
		.array(z.strictObject(licenseSpecShape))
		.min(1, {
			error: 'an installation key carries at least one license: list them here',
		})
		.max(LICENSE_LIMITS.licensesPerInstallation),
});

export const licenseEntrySchema = z.strictObject({
	type: z.literal('license'),
	...licenseSpecShape,
});

const count = wholeNumber().min(0).max(LICENSE_LIMITS.devices);

export const expectationSchema = z.strictObject({
	day: wholeNumber().min(0),
	state: z.enum(OPERATIONAL_STATES).optional(),
	operational: z.boolean().optional(),
	banners: z.array(z.enum(BANNER_ORDER)).optional(),
	days: z
		.record(z.string(), wholeNumber().min(0).max(LICENSE_LIMITS.termDays))
		.optional(),
	capacity: count.optional(),
	devices: z
		.strictObject({
			activated: count.optional(),
			licensed: count.optional(),
			capacity: count.optional(),
		})
		.optional(),
	licenses: z.record(z.string(), z.enum(LICENSE_STATUSES)).optional(),
	events: z
		.array(
			z.string().regex(EVENT_PATTERN, {
				error: (issue) =>
					`${show(issue.input)} is not an event type; they are kebab-case, like license-activated`,
			}),
		)
		.optional(),
});

/** The fields a scenario file takes at its top level. */
export const TOP_FIELDS = [
	'name',
	'start',
	'days',
	'lang',
	'customer',
	'hardware',
	'keys',
	'steps',
	'expect',
	'contactIntervalHours',
];
