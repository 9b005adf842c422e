/**
 * What the vendor API accepts, as zod schemas. A body that does not fit is refused with
 * `bad-request` naming the first field at fault (STYLE: errors a person can act on).
 */
import {z} from 'zod';
import {MAX_KEYS_PER_ACTIVATION} from '../engine/activation-limits.js';
import {
	CUSTOMER_FIELD_LIMITS,
	characterCount,
	customerFieldProblem,
} from '../engine/customer-limits.js';
import {isPrintable} from '../engine/safe-text.js';
import {VendorError} from './errors.js';

/**
 * What one license may hold, at mint and extend. The simulator's scenario schema reads its ranges
 * from here, so every catalog a scenario accepts mints.
 */
export const LICENSE_LIMITS = {
	/** Printing devices of one license. */
	devices: 1_000_000,
	/** Days of one subscription term, and of one extension. */
	termDays: 36_500,
	/** Licenses one installation key carries. */
	licensesPerInstallation: 100,
} as const;

const text = (max: number) => z.string().min(1).max(max);

/**
 * An identifier the client makes (installation and request ids, fingerprints, nonces, secrets):
 * printable text (engine/safe-text.ts). A control character is no part of any we make, and
 * PostgreSQL cannot even store a NUL: the request is refused, on every engine alike.
 */
const identifier = (max: number) =>
	text(max).refine(isPrintable, {
		message: 'holds a control character or half a character: remove it',
	});

/** A customer field within R2's limits, the ones the form applies (engine/customer-limits.ts). */
function customerField(field: keyof typeof CUSTOMER_FIELD_LIMITS) {
	return z.string().superRefine((value, context) => {
		const problem = customerFieldProblem(field, value);
		if (problem === 'too-long') {
			context.addIssue({
				code: 'custom',
				message: `at most ${CUSTOMER_FIELD_LIMITS[field]} characters (R2), got ${characterCount(value)}`,
			});
		} else if (problem === 'control-character') {
			context.addIssue({
				code: 'custom',
				message: 'holds a control character (R2): remove it',
			});
		}
	});
}

export const customerSchema = z.object({
	company: customerField('company'),
	person: customerField('person'),
	address: customerField('address'),
	country: customerField('country'),
	email: customerField('email'),
	phone: customerField('phone').optional(),
});

/**
 * R14: the client's fresh random value, sent back inside the signed answer. Optional: an older
 * client sends none and gets a document without one.
 */
const nonce = identifier(64).optional();

export const activateBodySchema = z.object({
	installationId: identifier(200),
	fingerprint: identifier(1000),
	keys: z.array(z.string().max(200)).max(MAX_KEYS_PER_ACTIVATION),
	customer: customerSchema.nullable().optional(),
	/** The secret received at an earlier activation: proof for rebinding (issue 11, point 5). */
	installationSecret: identifier(200).optional(),
	nonce,
});

export const contactBodySchema = z.object({
	installationId: identifier(200),
	fingerprint: identifier(1000),
	nonce,
});

/** The activation request file of R5 (ActivationRequest). */
export const activationRequestSchema = z.object({
	type: z.literal('myq-activation-request'),
	version: z.literal(1),
	requestId: identifier(200),
	installationId: identifier(200),
	fingerprint: identifier(1000),
	keys: z.array(z.string().max(200)).max(MAX_KEYS_PER_ACTIVATION),
	customer: customerSchema.nullable(),
	createdAt: z.number(),
	installationSecret: identifier(200).optional(),
});

const licenseSpecShape = {
	kind: z.enum(['perpetual', 'subscription']),
	devices: z.int().min(1).max(LICENSE_LIMITS.devices),
	termDays: z.int().min(1).max(LICENSE_LIMITS.termDays).optional(),
	autoRenew: z.boolean().optional(),
};

type LicenseSpecInput = {
	kind: 'perpetual' | 'subscription';
	termDays?: number | undefined;
	autoRenew?: boolean | undefined;
};

/** A subscription needs a term; a perpetual license has none and never renews. */
function checkTerm(
	spec: LicenseSpecInput,
	context: z.RefinementCtx,
	path: (string | number)[],
): void {
	if (spec.kind === 'subscription' && spec.termDays === undefined) {
		context.addIssue({
			code: 'custom',
			path: [...path, 'termDays'],
			message:
				'a subscription needs termDays (the length of one term, in days)',
		});
	}
	if (spec.kind === 'perpetual' && spec.termDays !== undefined) {
		context.addIssue({
			code: 'custom',
			path: [...path, 'termDays'],
			message: 'a perpetual license has no term: leave termDays out',
		});
	}
	if (spec.kind === 'perpetual' && spec.autoRenew === true) {
		context.addIssue({
			code: 'custom',
			path: [...path, 'autoRenew'],
			message: 'a perpetual license does not renew: leave autoRenew out',
		});
	}
}

export const mintBodySchema = z
	.discriminatedUnion('type', [
		z.object({type: z.literal('license'), ...licenseSpecShape}),
		z.object({
			type: z.literal('installation'),
			licenses: z
				.array(z.object(licenseSpecShape))
				.min(1)
				.max(LICENSE_LIMITS.licensesPerInstallation),
		}),
	])
	.superRefine((spec, context) => {
		if (spec.type === 'license') {
			checkTerm(spec, context, []);
		} else {
			spec.licenses.forEach((license, index) => {
				checkTerm(license, context, ['licenses', index]);
			});
		}
	});

export const extendBodySchema = z.object({
	days: z.int().min(1).max(LICENSE_LIMITS.termDays),
});

/** Parses JSON text against a schema; throws `bad-request` naming the field (or the JSON error). */
export function parseBody<T>(schema: z.ZodType<T>, bodyText: string): T {
	let value: unknown;
	try {
		value = JSON.parse(bodyText);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new VendorError(
			400,
			'bad-request',
			`The request body is not valid JSON (${reason}). Send a JSON object.`,
		);
	}
	return validate(schema, value);
}

export function validate<T>(schema: z.ZodType<T>, value: unknown): T {
	const result = schema.safeParse(value);
	if (result.success) {
		return result.data;
	}
	const issue = result.error.issues[0];
	const field =
		issue && issue.path.length > 0
			? issue.path.map(String).join('.')
			: '(body)';
	const message = issue?.message ?? 'invalid value';
	throw new VendorError(
		400,
		'bad-request',
		`The field "${field}" is invalid: ${message}.`,
		field,
	);
}
