import {describe, expect, it} from 'vitest';
import {
	CUSTOMER_FIELDS,
	type CustomerField,
	countryName,
	countryOptions,
	type FieldError,
	findCountries,
	resolveCountry,
	validateCustomer,
} from '../source/engine/customer.js';
import type {CustomerForm} from '../source/engine/types.js';
import {t} from '../source/i18n/index.js';

const VALID: Required<CustomerForm> = {
	company: 'Acme',
	person: 'Jane Roe',
	address: '1 Rue X, Paris',
	country: 'FR',
	email: 'it@acme.test',
	phone: '+33 1 23 45 67 89',
};

function errorsOf(form: CustomerForm, lang: 'fr' | 'en' = 'en'): FieldError[] {
	const result = validateCustomer(form, lang);
	return result.ok ? [] : result.errors;
}

function only(form: CustomerForm): {field: CustomerField; code: string}[] {
	return errorsOf(form).map(({field, code}) => ({field, code}));
}

describe('R2 customer form: valid input', () => {
	it('R2 accepts a complete form and stores the country as ISO alpha-2', () => {
		expect(validateCustomer(VALID)).toEqual({ok: true, customer: {...VALID}});
	});

	it('R2 trims every field', () => {
		const result = validateCustomer({
			company: '  Acme ',
			person: '\tJane Roe ',
			address: ' 1 Rue X, Paris\n',
			country: ' fr ',
			email: ' it@acme.test ',
			phone: ' 01 23 45 67 89 ',
		});
		expect(result).toEqual({
			ok: true,
			customer: {
				company: 'Acme',
				person: 'Jane Roe',
				address: '1 Rue X, Paris',
				country: 'FR',
				email: 'it@acme.test',
				phone: '01 23 45 67 89',
			},
		});
	});

	it('R2 phone is optional: missing, empty or blank means no phone', () => {
		for (const phone of [undefined, '', '   ']) {
			const result = validateCustomer({...VALID, phone});
			expect(result.ok, String(phone)).toBe(true);
			if (result.ok) {
				expect(result.customer).not.toHaveProperty('phone');
			}
		}
	});

	it('R2 country given by name, in French or English, is stored as its code', () => {
		const cases: [string, 'fr' | 'en', string][] = [
			['France', 'fr', 'FR'],
			['france', 'en', 'FR'],
			['Allemagne', 'fr', 'DE'],
			['Germany', 'en', 'DE'],
			['Allemagne', 'en', 'DE'],
			['États-Unis', 'fr', 'US'],
			['united kingdom', 'en', 'GB'],
		];
		for (const [country, lang, code] of cases) {
			const result = validateCustomer({...VALID, country}, lang);
			expect(result.ok && result.customer.country, `${country} (${lang})`).toBe(
				code,
			);
		}
	});
});

describe('R2 customer form: each field', () => {
	it.each(['company', 'person', 'address', 'country', 'email'] as const)(
		'R2 %s is required (missing, empty or blank)',
		(field) => {
			for (const value of [undefined, '', '   ']) {
				expect(
					only({...VALID, [field]: value}),
					`${field}=${JSON.stringify(value)}`,
				).toEqual([{field, code: 'required'}]);
			}
		},
	);

	it('R2 company: any non-empty name is accepted', () => {
		expect(only({...VALID, company: 'X'})).toEqual([]);
	});

	it('R2 person must be a full name: a given name and a family name', () => {
		expect(only({...VALID, person: 'Jane'})).toEqual([
			{field: 'person', code: 'invalid'},
		]);
		expect(only({...VALID, person: 'Jean-Pierre'})).toEqual([
			{field: 'person', code: 'invalid'},
		]);
		expect(only({...VALID, person: 'Jean-Pierre Dupont'})).toEqual([]);
		expect(only({...VALID, person: 'María José de la Cruz'})).toEqual([]);
	});

	it('R2 country must be a real country', () => {
		for (const country of ['Narnia', 'XX', 'ZZ', 'EU', 'Fra nce', '12']) {
			expect(only({...VALID, country}), country).toEqual([
				{field: 'country', code: 'invalid'},
			]);
		}
	});

	it('R2 email must be a valid address', () => {
		for (const email of [
			'jane',
			'jane@acme',
			'jane roe@acme.test',
			'@acme.test',
			'jane@',
			'jane@@acme.test',
			'jane@acme..test',
		]) {
			expect(only({...VALID, email}), email).toEqual([
				{field: 'email', code: 'invalid'},
			]);
		}
		for (const email of [
			'jane.roe@acme.test',
			'it+licenses@sub.acme.co.uk',
			'IT@ACME.FR',
		]) {
			expect(only({...VALID, email}), email).toEqual([]);
		}
	});

	it('R2 phone accepted: digits, spaces and + - ( ) .', () => {
		for (const phone of [
			'+33 1 23 45 67 89',
			'01.23.45.67.89',
			'(555) 123-4567',
			'+1-800-555-0199',
			'0123456789',
			'112',
		]) {
			expect(only({...VALID, phone}), phone).toEqual([]);
		}
	});

	it('R2 phone refused: letters, other symbols, or too few digits', () => {
		for (const phone of [
			'abc',
			'+33 1 23 45 67 8x',
			'01/23/45',
			'#123',
			'ext. 12',
			'+',
			'--',
			'( )',
			'12',
			'+33 1 23 45 67 89;',
		]) {
			expect(only({...VALID, phone}), phone).toEqual([
				{field: 'phone', code: 'invalid'},
			]);
		}
	});
});

describe('R2 customer form: messages', () => {
	it('R2 each message names its field and what is expected, in English by default', () => {
		const errors = errorsOf({
			person: 'Jane',
			country: 'Narnia',
			email: 'jane@acme',
			phone: 'call me',
		});
		const byField = new Map(
			errors.map((error) => [error.field, error.message]),
		);
		expect(byField.get('company')).toBe(
			'Company is required: enter the name of the company.',
		);
		expect(byField.get('person')).toBe(
			'Person "Jane" is not a full name: enter a given name and a family name, for example Jane Roe.',
		);
		expect(byField.get('address')).toMatch(/^Address is required/);
		expect(byField.get('country')).toMatch(
			/^Country "Narnia" is not a known country: select one from the list/,
		);
		expect(byField.get('email')).toMatch(
			/^Email "jane@acme" is not a valid address: expected name@example.com/,
		);
		expect(byField.get('phone')).toMatch(
			/^Phone "call me" is not a valid number: use only digits/,
		);
	});

	it('R2 messages in French use the form labels', () => {
		const errors = errorsOf({}, 'fr');
		expect(errors.map((error) => error.message.split(' :')[0])).toEqual([
			'Entreprise',
			'Personne',
			'Adresse',
			'Pays',
			'Courriel',
		]);
		expect(errorsOf({...VALID, email: 'x'}, 'fr')[0]?.message).toBe(
			"Courriel : « x » n'est pas une adresse valide. Format attendu : nom@exemple.com, sans espaces.",
		);
	});

	it('R2 each error carries a message id and params to render it in the other language', () => {
		const [error] = errorsOf({...VALID, person: 'Jane'}, 'en');
		expect(error?.messageId).toBe('customer.person.invalid');
		expect(error?.messageId && t('fr', error.messageId, error.params)).toBe(
			"Personne : « Jane » n'est pas un nom complet. Saisissez un prénom et un nom, par exemple Jeanne Dupont.",
		);
	});
});

describe('R2 customer form: all errors at once, nothing lost', () => {
	it('R2 reports every invalid field at once, in form order', () => {
		expect(only({})).toEqual([
			{field: 'company', code: 'required'},
			{field: 'person', code: 'required'},
			{field: 'address', code: 'required'},
			{field: 'country', code: 'required'},
			{field: 'email', code: 'required'},
		]);
		expect(
			only({
				...VALID,
				person: 'Jane',
				country: 'Atlantis',
				email: 'nope',
				phone: 'n/a',
			}),
		).toEqual([
			{field: 'person', code: 'invalid'},
			{field: 'country', code: 'invalid'},
			{field: 'email', code: 'invalid'},
			{field: 'phone', code: 'invalid'},
		]);
	});

	it('R2 one error per invalid field, none for valid fields', () => {
		const errors = errorsOf({...VALID, email: 'bad', phone: 'bad'});
		expect(errors.map((error) => error.field)).toEqual(['email', 'phone']);
	});

	it('R2 nothing is lost: the form comes back exactly as typed', () => {
		// Given a form with one invalid field and untrimmed valid ones
		const form: CustomerForm = {
			company: '  Acme  ',
			person: 'Jane Roe',
			address: '1 Rue X,\nParis',
			country: 'allemagne',
			email: 'jane@acme',
			phone: ' +49 (30) 123 ',
		};
		const snapshot = structuredClone(form);
		// When it is validated
		const result = validateCustomer(form, 'fr');
		// Then every field comes back as typed, and the input is untouched
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.form).toEqual(snapshot);
			expect(result.form).not.toBe(form);
		}
		expect(form).toEqual(snapshot);
	});

	it('R2 fields are the six of the form, in the seed order', () => {
		expect(CUSTOMER_FIELDS).toEqual([
			'company',
			'person',
			'address',
			'country',
			'email',
			'phone',
		]);
	});
});

describe('R2 country list', () => {
	it('R2 country names are localized', () => {
		expect(countryName('DE', 'fr')).toBe('Allemagne');
		expect(countryName('DE', 'en')).toBe('Germany');
		expect(countryName('de', 'en')).toBe('Germany');
		expect(countryName('US', 'en')).toBe('United States of America');
		expect(countryName('XX', 'en')).toBeUndefined();
		expect(countryName('France', 'en')).toBeUndefined();
	});

	it('R2 the options list every country once, sorted by localized name', () => {
		for (const lang of ['fr', 'en'] as const) {
			const options = countryOptions(lang);
			expect(options.length).toBeGreaterThan(240);
			expect(new Set(options.map((option) => option.code)).size).toBe(
				options.length,
			);
			const collator = new Intl.Collator(lang, {sensitivity: 'base'});
			for (let index = 1; index < options.length; index++) {
				expect(
					collator.compare(options[index - 1]!.name, options[index]!.name),
				).toBeLessThanOrEqual(0);
			}
		}
		// Accents sort with their letter: Égypte between Danemark and Finlande, not after Zimbabwe.
		const french = countryOptions('fr').map((option) => option.name);
		expect(french.indexOf('Égypte')).toBeGreaterThan(
			french.indexOf('Danemark'),
		);
		expect(french.indexOf('Égypte')).toBeLessThan(french.indexOf('Finlande'));
	});

	it("R2 findCountries('allem', 'fr') finds Allemagne", () => {
		expect(findCountries('allem', 'fr')).toEqual([
			{code: 'DE', name: 'Allemagne'},
		]);
	});

	it('R2 findCountries ignores accents and case', () => {
		expect(findCountries('etats', 'fr')[0]).toEqual({
			code: 'US',
			name: "États-Unis d'Amérique",
		});
		expect(
			findCountries('ÉTATS-UNIS', 'fr').map((option) => option.code),
		).toContain('US');
		expect(
			findCountries('cote d ivoire', 'en').map((option) => option.code),
		).toEqual(['CI']);
		expect(findCountries('PEROU', 'fr')).toEqual([{code: 'PE', name: 'Pérou'}]);
	});

	it('R2 findCountries matches codes first, then names', () => {
		expect(findCountries('de', 'fr')[0]).toEqual({
			code: 'DE',
			name: 'Allemagne',
		});
		expect(findCountries('deu', 'en')).toEqual([{code: 'DE', name: 'Germany'}]);
		expect(findCountries('usa', 'en')[0]?.code).toBe('US');
		// A name starting with the query comes before one that merely contains it.
		const codes = findCountries('guinee', 'fr').map((option) => option.code);
		expect(codes[0]).toBe('GN');
		expect(codes).toEqual(expect.arrayContaining(['GN', 'GW', 'GQ', 'PG']));
		expect(codes.indexOf('PG')).toBeGreaterThan(codes.indexOf('GW'));
	});

	it('R2 findCountries with no query lists everything, with a query that matches nothing lists nothing', () => {
		expect(findCountries('  ', 'en')).toEqual(countryOptions('en'));
		expect(findCountries('narnia', 'en')).toEqual([]);
	});

	it('R2 resolveCountry accepts a code or a name in either language', () => {
		const cases: [string, 'fr' | 'en' | undefined, string | undefined][] = [
			['FR', undefined, 'FR'],
			['fr', 'en', 'FR'],
			['France', 'fr', 'FR'],
			['france', undefined, 'FR'],
			['  FRANCE ', 'en', 'FR'],
			['FRA', 'en', 'FR'],
			['Allemagne', 'fr', 'DE'],
			['allemagne', 'en', 'DE'],
			['Germany', 'fr', 'DE'],
			['Etats-Unis', 'fr', 'US'],
			['UK', 'en', 'GB'],
			['Royaume-Uni', 'fr', 'GB'],
			["Côte d'Ivoire", 'fr', 'CI'],
			['Allem', 'fr', undefined],
			['Coree', 'fr', undefined],
			['United', 'en', undefined],
			['Narnia', 'en', undefined],
			['', 'en', undefined],
			['XX', 'en', undefined],
		];
		for (const [input, lang, expected] of cases) {
			expect(resolveCountry(input, lang), `${input} (${lang})`).toBe(expected);
		}
	});
});
