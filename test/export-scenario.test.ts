/**
 * The exporter on histories made by the engine's own steps (simulator/export/): what a support
 * engineer gets in the file beyond the replay itself.
 */
import {describe, expect, it} from 'vitest';
import {exportScenario, renderScenarioYaml} from '../simulator/export/index.js';
import {parseScenario} from '../simulator/scenario/index.js';
import {initialState, step} from '../source/engine/step.js';
import {DAY, type EngineState} from '../source/engine/types.js';
import {documentOf, FP_A, grant, T0} from './engine/fixtures.js';

const CUSTOMER = {
	company: 'Brindlewood Copies',
	person: 'Peregrine Holt',
	address: '3 Mill Yard, Leeds',
	country: 'GB',
	email: 'peregrine@brindlewood.example',
	phone: '+44 113 000 0000',
};

/** A started, registered and activated installation, through the engine's steps. */
function installation(): EngineState {
	let [state] = step(
		initialState('installation-7f3a', T0),
		{type: 'started', fingerprint: FP_A, contactInterval: DAY},
		T0,
	);
	[state] = step(state, {type: 'customer-saved', customer: CUSTOMER}, T0);
	[state] = step(
		state,
		{
			type: 'activation-succeeded',
			document: documentOf(
				[grant({id: 'KQ7RT-LICENSE', key: 'KQ7RT-LICENSE', devices: 1000})],
				FP_A,
				T0,
			),
			refusals: [],
		},
		T0,
	);
	return state;
}

const render = (state: EngineState, keep = false) =>
	renderScenarioYaml(
		exportScenario(state, {
			now: T0 + DAY,
			lang: 'en',
			keepPersonalData: keep,
		})!,
		{exportedAt: T0 + DAY, keepPersonalData: keep},
	);

describe('export-scenario', () => {
	it('nothing recorded, nothing to export', () => {
		expect(
			exportScenario(initialState('x', T0), {now: T0, lang: 'en'}),
		).toBeNull();
	});

	it('personal data and keys are neutral; the country stays; the file replays', () => {
		const text = render(installation());
		for (const value of [
			CUSTOMER.company,
			CUSTOMER.person,
			CUSTOMER.address,
			CUSTOMER.email,
			CUSTOMER.phone,
			'KQ7RT-LICENSE',
			'installation-7f3a',
			FP_A,
		]) {
			expect(text).not.toContain(value);
		}
		expect(text).toContain('country: GB');
		expect(parseScenario(text, {fileName: 'x.yaml'}).keys.L1).toEqual({
			type: 'license',
			kind: 'perpetual',
			devices: 1000,
		});
	});

	it('--keep-personal-data keeps the customer, and puts each key beside its alias', () => {
		const text = render(installation(), true);
		expect(text).toContain(CUSTOMER.person);
		expect(text).toMatch(/L1: \{.*\} # KQ7RT-LICENSE/);
		expect(text).toMatch(/^# This file holds the customer's personal data/m);
	});

	it('more than a scenario may hold is said in the file, not cut', () => {
		let state = installation();
		for (let index = 0; index < 1001; index++) {
			[state] = step(
				state,
				{type: 'device-activated', id: `printer-${index}`},
				T0 + (index + 1) * 1000,
			);
		}
		const text = render(state);
		expect(text).toMatch(
			/^# This installation has more than a scenario may hold \(\d+ steps, \d+ expectations, 1001 devices activated; at most 1000 each\)/m,
		);
	});
});
