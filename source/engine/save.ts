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
	const seen = new Set(state.pending.map((pending) => pending.key));
	for (const grant of state.document?.payload.licenses ?? []) {
		seen.add(grant.key);
	}
	const accepted: {key: string; kind: KeyKind}[] = [];
	const refused: KeyRefusalReason[] = [];
	// SPEC §3: one installation key per installation, activated or waiting. One the license server
	// refused (unknown, bound elsewhere) does not count: a corrected key can still be added.
	let installationKey: string | null =
		state.document?.payload.licenses.find(
			(grant) => grant.keyKind === 'installation',
		)?.key ??
		state.pending.find(
			(pending) => pending.kind === 'installation' && !pending.refusal,
		)?.key ??
		null;
	for (const input of splitKeyList(keysText)) {
		const parsed = parseKey(input);
		if (!parsed.ok) {
			refused.push({
				input,
				code: parsed.error.code,
				message: parsed.error.message,
			});
			continue;
		}
		if (seen.has(parsed.value.key)) {
			refused.push({
				input,
				code: 'duplicate',
				message: `"${parsed.value.key}" is already in the license table.`,
			});
			continue;
		}
		if (parsed.value.kind === 'installation' && installationKey !== null) {
			refused.push({
				input,
				code: 'second-installation',
				message: `"${parsed.value.key}" is an installation key, and this installation already has one (${installationKey}): it was not added. Add license keys for more licenses.`,
			});
			continue;
		}
		if (state.pending.length + accepted.length >= MAX_KEYS_PER_ACTIVATION) {
			// One activation sends every pending key, and the license server takes no more than
			// this at once: one more, and every activation would be refused (issue 10 point 6).
			refused.push({
				input,
				code: 'too-many-pending',
				message: `Key "${parsed.value.key}" was not added: ${MAX_KEYS_PER_ACTIVATION} keys already wait for activation, the most one activation sends. Activate them, then add the others.`,
			});
			continue;
		}
		if (parsed.value.kind === 'installation') {
			installationKey = parsed.value.key;
		}
		seen.add(parsed.value.key);
		accepted.push(parsed.value);
	}
	return {ok: true, customer, accepted, refused};
}
