/** R2, R3: Save: the customer form and the keys typed, as the engine plans them. */
import type {CustomerForm} from '../engine/types.js';
import type {OutcomeMessage, SaveOutcome} from './outcome.js';
import type {Shell} from './shell.js';

/** `form` null keeps the registered customer (CLI `add-key`). */
export async function save(
	shell: Shell,
	form: CustomerForm | null,
	keysText: string,
): Promise<SaveOutcome> {
	// Loaded when first needed: the country list and validators are not needed to start.
	const {planSave} = await import('../engine/save.js');
	const plan = planSave(shell.state, form, keysText);
	if (!plan.ok) {
		return {
			ok: false,
			code: 'invalid-form',
			params: {
				count: plan.errors.length,
				errors: plan.errors.map((error) => error.message).join(' '),
			},
			errors: plan.errors,
			form: plan.form,
		};
	}
	if (JSON.stringify(plan.customer) !== JSON.stringify(shell.state.customer)) {
		await shell.dispatch({type: 'customer-saved', customer: plan.customer});
	}
	if (plan.accepted.length > 0) {
		await shell.dispatch({type: 'keys-added', keys: plan.accepted});
	}
	if (plan.refused.length > 0) {
		await shell.dispatch({type: 'keys-refused', refusals: plan.refused});
	}
	const accepted = plan.accepted.map((key) => key.key);
	const parts: OutcomeMessage[] = [
		...(form === null ? [] : [{code: 'customer-saved' as const, params: {}}]),
		...(accepted.length > 0
			? [{code: 'keys-added' as const, params: {count: accepted.length}}]
			: []),
		...(plan.refused.length > 0
			? [{code: 'keys-refused' as const, params: {count: plan.refused.length}}]
			: []),
	];
	const [first = {code: 'nothing-to-save', params: {}}, ...details] = parts;
	return {
		ok: true,
		...first,
		...(details.length > 0 ? {details} : {}),
		accepted,
		refused: plan.refused,
	};
}
