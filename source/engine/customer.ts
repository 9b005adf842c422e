/**
 * R2: the customer form. Pure: validation, and the country list the form chooses from.
 *
 * Decisions (the seed leaves them open):
 * - Every field is trimmed. Person is a full name, i.e. a given name and a family name: at least
 *   two words ("Jean-Pierre Dupont" passes, "Jean-Pierre" does not).
 * - Country is stored as ISO 3166-1 alpha-2; the form accepts a code ('fr', 'FRA') or a name in
 *   French or English ('Allemagne', 'germany'), see `resolveCountry`.
 * - Email is checked with zod's email rule: a local part, '@', a domain with a dot, no spaces.
 * - Phone is optional; when given it holds only digits, spaces and `+ - ( ) .`, and at least 3
 *   digits (so "+" or "--" alone is refused). An empty phone is stored as no phone.
 * - Every field is within the limits the license server applies (customer-limits.ts): a
 *   control character or a value too long is that field's error, before any other check of it.
 */

// The library without its Node entry, which registers all of its 80 languages (950 kB read at
// every start of the dashboard or the form's checks): only English and French are registered.
import countries from 'i18n-iso-countries/index.js';
import enCountries from 'i18n-iso-countries/langs/en.json' with {type: 'json'};
import frCountries from 'i18n-iso-countries/langs/fr.json' with {type: 'json'};
import * as z from 'zod';
import {LANGS, type Lang, type MessageId, t} from '../i18n/index.js';
import {
	CUSTOMER_FIELD_LIMITS,
	characterCount,
	customerFieldProblem,
} from './customer-limits.js';
import type {Customer, CustomerForm} from './types.js';

// Registered explicitly: the package registers every locale only through its Node entry point,
// and bundlers (vitest, a browser build) may pick the other one.
countries.registerLocale(enCountries);
countries.registerLocale(frCountries);

export type CustomerField = keyof CustomerForm;

/** The form fields, in the order the form shows them (and errors are reported). */
export const CUSTOMER_FIELDS = [
	'company',
	'person',
	'address',
	'country',
	'email',
	'phone',
] as const satisfies readonly CustomerField[];

/**
 * One invalid field. `message` is in the language given to `validateCustomer` (English by
 * default); `messageId` and `params` let a face render it again in another language with `t`.
 */
export type FieldError = {
	field: CustomerField;
	code: 'required' | 'invalid';
	message: string;
	messageId?: MessageId;
	params?: Record<string, string>;
};

export type CustomerValidation =
	| {ok: true; customer: Customer}
	| {ok: false; errors: FieldError[]; form: CustomerForm};

const emailSchema = z.email();
const PHONE_CHARACTERS = /^[0-9 +\-().]+$/;
const MIN_PHONE_DIGITS = 3;

/**
 * R2: validates the whole form at once. Every invalid field gets its own error (in form order);
 * on failure the form comes back exactly as given, so nothing typed is lost.
 */
export function validateCustomer(
	form: CustomerForm,
	lang: Lang = 'en',
): CustomerValidation {
	const errors: FieldError[] = [];
	const fail = (
		field: CustomerField,
		code: FieldError['code'],
		messageId: MessageId,
		value?: string | Record<string, string>,
	): void => {
		const params = typeof value === 'string' ? {value} : value;
		errors.push({
			field,
			code,
			message: t(lang, messageId, params),
			messageId,
			...(params ? {params} : {}),
		});
	};

	const company = form.company?.trim() ?? '';
	const person = form.person?.trim() ?? '';
	const address = form.address?.trim() ?? '';
	const countryInput = form.country?.trim() ?? '';
	const email = form.email?.trim() ?? '';
	const phone = form.phone?.trim() ?? '';

	/** R2's limits, shared with the license server; false (and the field's error) when broken. */
	const isWithinLimits = (field: CustomerField, value: string): boolean => {
		const error = limitError(field, value, lang);
		if (error) {
			errors.push(error);
		}

		return error === undefined;
	};

	if (!company) {
		fail('company', 'required', 'customer.company.required');
	} else {
		isWithinLimits('company', company);
	}

	if (!person) {
		fail('person', 'required', 'customer.person.required');
	} else if (isWithinLimits('person', person) && !isFullName(person)) {
		fail('person', 'invalid', 'customer.person.invalid', person);
	}

	if (!address) {
		fail('address', 'required', 'customer.address.required');
	} else {
		isWithinLimits('address', address);
	}

	const country = countryInput ? resolveCountry(countryInput, lang) : undefined;
	if (!countryInput) {
		fail('country', 'required', 'customer.country.required');
	} else if (isWithinLimits('country', countryInput) && !country) {
		fail('country', 'invalid', 'customer.country.invalid', countryInput);
	}

	if (!email) {
		fail('email', 'required', 'customer.email.required');
	} else if (isWithinLimits('email', email) && !isEmail(email)) {
		fail('email', 'invalid', 'customer.email.invalid', email);
	}

	if (phone && isWithinLimits('phone', phone) && !isPhone(phone)) {
		fail('phone', 'invalid', 'customer.phone.invalid', phone);
	}

	if (errors.length > 0 || !country) {
		return {ok: false, errors, form: {...form}};
	}

	const customer: Customer = {company, person, address, country, email};
	if (phone) {
		customer.phone = phone;
	}

	return {ok: true, customer};
}

/** The error of a value R2's limits refuse (too long, a control character), or undefined. */
function limitError(
	field: CustomerField,
	value: string,
	lang: Lang,
): FieldError | undefined {
	const problem = customerFieldProblem(field, value);
	if (problem === undefined) {
		return undefined;
	}
	const messageId: MessageId = `customer.${field}.${problem}`;
	const params =
		problem === 'too-long'
			? {
					max: String(CUSTOMER_FIELD_LIMITS[field]),
					length: String(characterCount(value)),
				}
			: undefined;
	return {
		field,
		code: 'invalid',
		message: t(lang, messageId, params),
		messageId,
		...(params ? {params} : {}),
	};
}

/**
 * R2's limits on a customer already stored (by a version before them, or by a hand in the
 * store): the errors the license server would refuse it with, said as the form says them, so
 * that nothing is sent that the server refuses (issue 10 point 6). Empty when it is within them.
 */
export function storedCustomerErrors(
	customer: Customer,
	lang: Lang = 'en',
): FieldError[] {
	const errors: FieldError[] = [];
	for (const field of CUSTOMER_FIELDS) {
		const value = customer[field];
		if (typeof value !== 'string') continue;
		const error = limitError(field, value, lang);
		if (error) errors.push(error);
	}
	return errors;
}

/** R2: a full name has a given name and a family name, so at least two words. */
export function isFullName(value: string): boolean {
	return value.trim().split(/\s+/).length >= 2;
}

export function isEmail(value: string): boolean {
	return emailSchema.safeParse(value).success;
}

/** R2: digits, spaces and `+ - ( ) .` only, with at least a few digits. */
export function isPhone(value: string): boolean {
	const digits = value.replaceAll(/\D/g, '').length;
	return PHONE_CHARACTERS.test(value) && digits >= MIN_PHONE_DIGITS;
}

export type CountryOption = {code: string; name: string};

/** The localized name of an ISO 3166-1 alpha-2 code, or undefined when it is not one. */
export function countryName(code: string, lang: Lang): string | undefined {
	const upper = code.trim().toUpperCase();
	if (!/^[A-Z]{2}$/.test(upper)) {
		return undefined;
	}

	return countries.getName(upper, lang, {select: 'official'});
}

const optionsCache = new Map<Lang, CountryOption[]>();

/** Every country, sorted by its localized name (the form's drop-down list). */
export function countryOptions(lang: Lang): CountryOption[] {
	let options = optionsCache.get(lang);
	if (!options) {
		const collator = new Intl.Collator(lang, {sensitivity: 'base'});
		options = Object.entries(countries.getNames(lang, {select: 'official'}))
			.map(([code, name]) => ({code, name}))
			.sort((a, b) => collator.compare(a.name, b.name));
		optionsCache.set(lang, options);
	}

	return options.map((option) => ({...option}));
}

/**
 * Case-, accent- and punctuation-insensitive form of a name: 'États-Unis' and 'etats unis' fold
 * to the same text, so an admin on a keyboard without accents still finds the country.
 */
export function foldText(text: string): string {
	return text
		.normalize('NFD')
		.replaceAll(/\p{M}/gu, '')
		.toLowerCase()
		.replaceAll(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

type SearchEntry = {
	code: string;
	name: string;
	alpha3: string;
	folded: string[];
};
const searchCache = new Map<Lang, SearchEntry[]>();

function searchEntries(lang: Lang): SearchEntry[] {
	let entries = searchCache.get(lang);
	if (!entries) {
		const aliases = countries.getNames(lang, {select: 'all'});
		entries = countryOptions(lang).map(({code, name}) => ({
			code,
			name,
			alpha3: countries.alpha2ToAlpha3(code) ?? '',
			folded: (aliases[code] ?? [name]).map(foldText),
		}));
		searchCache.set(lang, entries);
	}

	return entries;
}

/**
 * The type-to-search list of the dashboard: countries whose code (alpha-2 or alpha-3) or name
 * (including the library's aliases, such as 'USA') matches the query, ignoring case and accents.
 * Ranked: exact code, then names starting with the query, then a word starting with it, then
 * containing it; alphabetical within each rank. An empty query lists every country.
 */
export function findCountries(query: string, lang: Lang): CountryOption[] {
	const folded = foldText(query);
	if (!folded) {
		return countryOptions(lang);
	}

	const ranked: {option: CountryOption; rank: number}[] = [];
	for (const entry of searchEntries(lang)) {
		const rank = matchRank(entry, folded);
		if (rank !== undefined) {
			ranked.push({option: {code: entry.code, name: entry.name}, rank});
		}
	}

	// Array.prototype.sort is stable, so alphabetical order holds within a rank.
	return ranked.sort((a, b) => a.rank - b.rank).map(({option}) => option);
}

function matchRank(entry: SearchEntry, folded: string): number | undefined {
	if (
		folded === entry.code.toLowerCase() ||
		folded === entry.alpha3.toLowerCase()
	) {
		return 0;
	}

	if (entry.folded.some((name) => name.startsWith(folded))) {
		return 1;
	}

	if (entry.folded.some((name) => name.includes(` ${folded}`))) {
		return 2;
	}

	if (entry.folded.some((name) => name.includes(folded))) {
		return 3;
	}

	return undefined;
}

/**
 * R2: turns what the admin typed into an ISO 3166-1 alpha-2 code, or undefined when it names no
 * country. Accepts an alpha-2 or alpha-3 code in any case, or a whole name (or alias) in `lang`
 * first, then in the other language: 'FR', 'fr', 'FRA', 'France', 'france', 'Allemagne' -> code.
 * Also the first words of exactly one name ('Etats-Unis'). Fragments of words ('Allem') are not
 * guessed here; `findCountries` is for that.
 */
export function resolveCountry(
	input: string,
	lang: Lang = 'en',
): string | undefined {
	const trimmed = input.trim();
	if (
		/^[A-Za-z]{2}$/.test(trimmed) &&
		countries.isValid(trimmed.toUpperCase())
	) {
		return trimmed.toUpperCase();
	}

	if (/^[A-Za-z]{3}$/.test(trimmed)) {
		const code = countries.alpha3ToAlpha2(trimmed.toUpperCase());
		if (code) {
			return code;
		}
	}

	const folded = foldText(trimmed);
	if (!folded) {
		return undefined;
	}

	const searchLangs = [lang, ...LANGS.filter((other) => other !== lang)];
	for (const searchLang of searchLangs) {
		const match = searchEntries(searchLang).find((entry) =>
			entry.folded.includes(folded),
		);
		if (match) {
			return match.code;
		}
	}

	// The short form people write ('Etats-Unis' for "États-Unis d'Amérique") when it is the
	// start of exactly one country's name, ending on a word: 'Coree' (two Koreas) stays unknown.
	for (const searchLang of searchLangs) {
		const matches = searchEntries(searchLang).filter((entry) =>
			entry.folded.some((name) => name.startsWith(`${folded} `)),
		);
		if (matches.length === 1) {
			return matches[0]?.code;
		}
	}

	return undefined;
}
