/** A scenario's `expect` blocks (SPEC §5), checked against a day's sample and events. */
import type {DaySample, SimulationEvent} from './runner.js';
import type {Expectation} from './scenario/index.js';

export type ExpectationFailure = {
	day: number;
	line: number;
	field: string;
	expected: unknown;
	actual: unknown;
	message: string;
};

/** Every way `sample` and `events` differ from `expectation`; none when it holds. */
export function checkExpectation(
	expectation: Expectation,
	sample: DaySample,
	events: SimulationEvent[],
): ExpectationFailure[] {
	const failures: ExpectationFailure[] = [];
	const check = (field: string, expected: unknown, actual: unknown) => {
		if (JSON.stringify(expected) !== JSON.stringify(actual)) {
			failures.push({
				day: expectation.day,
				line: expectation.line,
				field,
				expected,
				actual,
				message: `day ${expectation.day} (line ${expectation.line}): ${field} expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
			});
		}
	};
	if (expectation.state !== undefined)
		check('state', expectation.state, sample.state);
	if (expectation.operational !== undefined)
		check('operational', expectation.operational, sample.operational);
	if (expectation.capacity !== undefined)
		check('capacity', expectation.capacity, sample.capacity);
	if (expectation.banners !== undefined) {
		check(
			'banners',
			expectation.banners,
			sample.banners.map((banner) => banner.id),
		);
	}
	for (const [id, days] of Object.entries(expectation.days ?? {})) {
		check(
			`days.${id}`,
			days,
			sample.banners.find((banner) => banner.id === id)?.days ?? null,
		);
	}
	for (const [field, value] of Object.entries(expectation.devices ?? {})) {
		check(
			`devices.${field}`,
			value,
			sample.devices[field as keyof DaySample['devices']],
		);
	}
	for (const [alias, status] of Object.entries(expectation.licenses ?? {})) {
		check(
			`licenses.${alias}`,
			status,
			sample.licenses.find((license) => license.key === alias)?.status ?? null,
		);
	}
	for (const type of expectation.events ?? []) {
		if (!events.some((event) => event.type === type)) {
			check(
				`events`,
				`an event ${type}`,
				events.map((event) => event.type),
			);
		}
	}
	return failures;
}
