/**
 * R2: "each is at most 200 characters (Phone 40), the same limits the license server applies, so
 * a form the client accepts is never refused at activation". The form (validateCustomer) and the
 * license server (its /v1/activate route) are asked the same questions here; a change to one
 * side's limits alone fails these tests.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	CUSTOMER_FIELDS,
	type CustomerField,
	validateCustomer,
} from '../source/engine/customer.js';
import {CUSTOMER_FIELD_LIMITS} from '../source/engine/customer-limits.js';
import type {Customer} from '../source/engine/types.js';
import {t} from '../source/i18n/index.js';
import {createVendor} from '../source/license-server/index.js';
import {customerSchema} from '../source/license-server/schemas.js';
import {callVendor} from './helpers/license-server.js';
import {CUSTOMER} from './helpers/world.js';

const VALID: Required<Customer> = {
	...(CUSTOMER as Customer),
	phone: '+33 1 23 45 67 89',
};

/** A value of `field` exactly `length` characters long that passes the field's other checks. */
function valueOfLength(field: CustomerField, length: number): string {
	switch (field) {
		case 'person':
			return `J${'a'.repeat(length - 5)} Roe`;
		case 'email':
			return `${'a'.repeat(length - '@acme.test'.length)}@acme.test`;
		case 'phone':
			return `+33 ${'1'.repeat(length - 4)}`;
		default:
			return 'A'.repeat(length);
	}
}

async function licenseServer() {
	const vendor = await createVendor({now: () => 0});
	let installation = 0;
	/** The license server's answer to an activation carrying this customer. */
	return async (customer: Customer) => {
		const {key} = await vendor.service.mint({
			type: 'license',
			kind: 'perpetual',
			devices: 1,
		});
		installation += 1;
		const reply = await callVendor<{error?: {message: string}}>(
			vendor,
			'POST',
			'/v1/activate',
			{
				installationId: `inst-${installation}`,
				fingerprint: 'fp-a',
				keys: [key],
				customer,
			},
		);
		return {accepted: reply.status === 200, message: reply.body.error?.message};
	};
}

const formAccepts = (customer: Customer) => validateCustomer(customer).ok;

describe('R2 the form and the license server apply the same customer-field limits', () => {
	it('R2 the limits are 200 characters a field, Phone 40', () => {
		expect(CUSTOMER_FIELD_LIMITS).toEqual({
			...Object.fromEntries(CUSTOMER_FIELDS.map((field) => [field, 200])),
			phone: 40,
		});
	});

	it('R2 at the limit both accept, one character more both refuse (company, person, address, email, phone)', async () => {
		const activate = await licenseServer();
		for (const field of CUSTOMER_FIELDS) {
			if (field === 'country') continue; // the form stores an ISO code: see the next test
			const limit = CUSTOMER_FIELD_LIMITS[field];
			const atLimit = {...VALID, [field]: valueOfLength(field, limit)};
			const over = {...VALID, [field]: valueOfLength(field, limit + 1)};
			expect(atLimit[field]).toHaveLength(limit);
			expect({field, form: formAccepts(atLimit)}).toEqual({field, form: true});
			expect({field, server: (await activate(atLimit)).accepted}).toEqual({
				field,
				server: true,
			});
			expect({field, form: formAccepts(over)}).toEqual({field, form: false});
			const refused = await activate(over);
			expect({field, server: refused.accepted}).toEqual({
				field,
				server: false,
			});
			expect(refused.message).toContain(`customer.${field}`);
		}
	});

	it('R2 a 201-character company: the form says which field and the limit, the server refuses it too', async () => {
		const activate = await licenseServer();
		const form = {...VALID, company: 'A'.repeat(201)};
		const result = validateCustomer(form);
		expect(result).toMatchObject({
			ok: false,
			errors: [
				{
					field: 'company',
					code: 'invalid',
					messageId: 'customer.company.too-long',
					params: {max: '200', length: '201'},
				},
			],
		});
		expect(result.ok ? '' : result.errors[0]?.message).toBe(
			'Company holds at most 200 characters (201 given): shorten it.',
		);
		expect(t('fr', 'customer.company.too-long', {max: 200, length: 201})).toBe(
			'Entreprise : 200 caractères au plus (201 saisis). Raccourcissez la saisie.',
		);
		expect(await activate(form)).toEqual({
			accepted: false,
			message:
				'The field "customer.company" is invalid: at most 200 characters (R2), got 201.',
		});
	});

	it('R2 country: the server takes 200 characters, both refuse 201 (the form stores the ISO code it resolves)', async () => {
		const activate = await licenseServer();
		expect(
			(await activate({...VALID, country: 'F'.repeat(200)})).accepted,
		).toBe(true);
		const over = {...VALID, country: 'F'.repeat(201)};
		expect(validateCustomer(over)).toMatchObject({
			ok: false,
			errors: [{field: 'country', messageId: 'customer.country.too-long'}],
		});
		expect((await activate(over)).accepted).toBe(false);
	});

	it('R2 characters are code points: 200 accented letters or emoji fit, in both', async () => {
		const activate = await licenseServer();
		for (const company of ['é'.repeat(200), '🖨'.repeat(200)]) {
			expect(formAccepts({...VALID, company})).toBe(true);
			expect((await activate({...VALID, company})).accepted).toBe(true);
		}
		const over = {...VALID, company: '🖨'.repeat(201)};
		expect(formAccepts(over)).toBe(false);
		expect((await activate(over)).accepted).toBe(false);
	});

	it('R2 a control character inside any field is refused by both', async () => {
		const activate = await licenseServer();
		for (const field of CUSTOMER_FIELDS) {
			for (const control of [
				'\u0000',
				'\u0007',
				'\t',
				'\n',
				'\u001b',
				'\u007f',
				'\u0085',
			]) {
				const value = VALID[field];
				const form = {
					...VALID,
					[field]: `${value.slice(0, 1)}${control}${value.slice(1)}`,
				};
				const result = validateCustomer(form);
				expect({field, control, form: result.ok}).toEqual({
					field,
					control,
					form: false,
				});
				if (!result.ok) {
					expect(result.errors).toEqual([
						expect.objectContaining({
							field,
							messageId: `customer.${field}.control-character`,
						}),
					]);
				}
				expect({
					field,
					control,
					server: (await activate(form)).accepted,
				}).toEqual({
					field,
					control,
					server: false,
				});
			}
		}
	});

	it('R2 whatever the form accepts, the license server accepts (1,000 arbitrary forms)', () => {
		const text = (max: number) =>
			fc.oneof(
				fc.string({unit: 'grapheme', maxLength: max + 5}),
				fc.string({unit: 'binary', maxLength: 8}),
				fc.integer({min: max - 2, max: max + 2}).map((n) => 'x'.repeat(n)),
			);
		const field = (name: CustomerField) =>
			fc.oneof(fc.constant(VALID[name]), text(CUSTOMER_FIELD_LIMITS[name]));
		fc.assert(
			fc.property(
				fc.record({
					company: field('company'),
					person: field('person'),
					address: field('address'),
					country: fc.oneof(
						field('country'),
						fc.constantFrom('fr', ' FRA ', 'Allemagne'),
					),
					email: field('email'),
					phone: field('phone'),
				}),
				(form) => {
					const result = validateCustomer(form);
					if (result.ok) {
						expect(customerSchema.safeParse(result.customer).success).toBe(
							true,
						);
					}
				},
			),
			{numRuns: 1000},
		);
	});
});
