/**
 * R2: the limits of the customer fields, one table read by the form (engine/customer.ts) and by
 * the license server (license-server/schemas.ts), so that a form the client accepts is never
 * refused at activation (STYLE 12).
 *
 * Decisions (R2 says "characters"):
 * - A length counts Unicode code points, as PostgreSQL's varchar(n) does, so an accented letter
 *   or an emoji is one character. The form measures the trimmed value, which is what it stores
 *   and sends.
 * - A control character is any of Unicode's Cc (C0, DEL, C1): tab and line break included, since
 *   every field is one line on the form, in the activation document and on the vendor's screens.
 */
import type {CustomerForm} from './types.js';

/** R2: at most 200 characters a field, Phone 40. */
export const CUSTOMER_FIELD_LIMITS = {
	company: 200,
	person: 200,
	address: 200,
	country: 200,
	email: 200,
	phone: 40,
} as const satisfies Record<keyof CustomerForm, number>;

export type CustomerFieldProblem = 'control-character' | 'too-long';

const CONTROL_CHARACTER = /\p{Cc}/u;

/** What R2's limits refuse in a field's value, or undefined when they accept it. */
export function customerFieldProblem(
	field: keyof CustomerForm,
	value: string,
): CustomerFieldProblem | undefined {
	if (CONTROL_CHARACTER.test(value)) {
		return 'control-character';
	}

	return characterCount(value) > CUSTOMER_FIELD_LIMITS[field]
		? 'too-long'
		: undefined;
}

/** The length of a text in Unicode code points (a surrogate pair is one character). */
export function characterCount(value: string): number {
	let count = 0;
	for (const _character of value) {
		count += 1;
	}

	return count;
}

/**
 * The fields of a stored customer that R2's limits refuse, in form order: what the license
 * server would refuse at activation (issue 10 point 6). A customer written before the limits,
 * or by a hand in the store, is checked here before anything is sent.
 */
export function fieldsPastLimits(
	customer: Partial<Record<keyof CustomerForm, unknown>>,
): (keyof CustomerForm)[] {
	return (Object.keys(CUSTOMER_FIELD_LIMITS) as (keyof CustomerForm)[]).filter(
		(field) => {
			const value = customer[field];
			return (
				typeof value === 'string' &&
				customerFieldProblem(field, value) !== undefined
			);
		},
	);
}
