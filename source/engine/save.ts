/**
 * R2, R3: what **Save** does with the form and the key field, decided without touching state.
 * The runtime then steps `customer-saved` and `keys-added` with what was accepted.
 */
import {t} from '../i18n/index.js';
import {MAX_KEYS_PER_ACTIVATION} from './activation-limits.js';
import {
	type FieldError,
	storedCustomerErrors,
	validateCustomer,
} from './customer.js';
import {parseKey, splitKeyList} from './keys.js';
import type {Customer, CustomerForm, EngineState, KeyKind} from './types.js';

export type KeyRefusalReason = {input: string; code: string; message: string};

export type SavePlan =
	| {
			ok: true;
			customer: Customer;
			accepted: {key: string; kind: KeyKind}[];
			refused: KeyRefusalReason[];
	  }
	| {ok: false; errors: FieldError[]; form: CustomerForm};

/**
 * `form` null means "keep the customer already saved" (the CLI's `add-key`); a form that is
 * not valid stops everything (R2: before keys can be saved, the form must be valid).
 */
export function planSave(
	state: EngineState,
	form: CustomerForm | null,
	keysText: string,
): SavePlan {
	let customer: Customer;
	if (form === null) {
		if (!state.customer) {
			return {
				ok: false,
				errors: [
					{
						field: 'company',
						code: 'required',
						messageId: 'customer.not-registered',
						message:
							'No customer is registered yet: fill in the customer form (or run `myq-license register`) first.',
					},
				],
				form: {},
			};
		}
		// R2 holds for the customer kept too: one stored before the limits (or edited by hand)
		// would be refused at every activation (issue 10 point 6), so no key is added for it.
		const errors = storedCustomerErrors(state.customer);
		if (errors.length > 0) {
			return {
				ok: false,
				errors: [
					{
						field: errors[0]!.field,
						code: 'invalid',
						messageId: 'customer.registered-invalid',
						message: t('en', 'customer.registered-invalid'),
					},
					...errors,
				],
				form: {...state.customer},
			};
		}
		customer = state.customer;
	} else {
		const validation = validateCustomer(form);
		if (!validation.ok) {
			return {ok: false, errors: validation.errors, form: validation.form};
		}
		customer = validation.customer;
	}

	// R3: each key on its own; the valid ones are added even when others are refused.
	const accepted: {key: string; kind: KeyKind}[] = [];
	const refused: KeyRefusalReason[] = [];
	for (const verdict of planKeys(state, keysText)) {
		if (verdict.ok) accepted.push({key: verdict.key, kind: verdict.kind});
		else
			refused.push({
				input: verdict.input,
				code: verdict.code,
				message: verdict.message,
			});
	}
	return {ok: true, customer, accepted, refused};
}

/**
 * SPEC §3: the installation's one installation key, activated or waiting; null when it has none
 * yet. One the license server refused (unknown, bound elsewhere) does not count: a corrected key
 * can still be added.
 */
export function installationKeyOf(state: EngineState): string | null {
	return (
		state.document?.payload.licenses.find(
			(grant) => grant.keyKind === 'installation',
		)?.key ??
		state.pending.find(
			(pending) => pending.kind === 'installation' && !pending.refusal,
		)?.key ??
		null
	);
}

/** What Save will do with one key typed: add it, or refuse it and why. */
export type KeyVerdict =
	| {ok: true; input: string; key: string; kind: KeyKind}
	| {
			ok: false;
			input: string;
			code: string;
			message: string;
			/** The key it reads as, when it reads as one (a duplicate, a second installation key). */
			key?: string;
			/** A duplicate of a key typed earlier in the same text (else: already in the table). */
			isRepeated?: boolean;
			/** A second installation key: the one this installation has. */
			installationKey?: string;
	  };

/**
 * R3, key by key, as Save decides: the dashboard's live check reads the same verdicts, so it
 * marks a duplicate (the same key typed three ways, or one already in the table) or a second
 * installation key exactly as Save then refuses it (issue 12, point 13).
 */
export function planKeys(state: EngineState, keysText: string): KeyVerdict[] {
	const inTable = new Set(state.pending.map((pending) => pending.key));
	for (const grant of state.document?.payload.licenses ?? []) {
		inTable.add(grant.key);
	}
	const typed = new Set<string>();
	let added = 0;
	let installationKey = installationKeyOf(state);
	return splitKeyList(keysText).map((input): KeyVerdict => {
		const parsed = parseKey(input);
		if (!parsed.ok) {
			return {
				ok: false,
				input,
				code: parsed.error.code,
				message: parsed.error.message,
			};
		}
		const {key, kind} = parsed.value;
		if (inTable.has(key) || typed.has(key)) {
			return {
				ok: false,
				input,
				code: 'duplicate',
				message: `"${key}" is already in the license table.`,
				key,
				isRepeated: typed.has(key),
			};
		}
		if (kind === 'installation' && installationKey !== null) {
			return {
				ok: false,
				input,
				code: 'second-installation',
				message: `"${key}" is an installation key, and this installation already has one (${installationKey}): it was not added. Add license keys for more licenses.`,
				key,
				installationKey,
			};
		}
		if (state.pending.length + added >= MAX_KEYS_PER_ACTIVATION) {
			// One activation sends every pending key, and the license server takes no more than
			// this at once: one more, and every activation would be refused (issue 10 point 6).
			return {
				ok: false,
				input,
				code: 'too-many-pending',
				message: `Key "${key}" was not added: ${MAX_KEYS_PER_ACTIVATION} keys already wait for activation, the most one activation sends. Activate them, then add the others.`,
				key,
			};
		}
		if (kind === 'installation') installationKey = key;
		typed.add(key);
		added += 1;
		return {ok: true, input, key, kind};
	});
}
