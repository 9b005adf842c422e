/**
 * How much a scenario may ask of the simulator, one table (issue 10 point 5: a step
 * `{do: devices, activate: 1000000}` ran about 11 minutes, and a 1 MiB file of such steps did not
 * finish). Checked on the raw data before the parts are parsed, so that a list too long is
 * refused without parsing each of its items; each refusal names its limit, in the admin's
 * language (`ScenarioError.describe`).
 *
 * Decisions: the fixtures use at most 17 steps and 14 devices; these limits leave a hundred
 * times that, and keep the longest scenario they allow within seconds, not minutes.
 */
import {characterCount} from '../../source/engine/customer-limits.js';
import {isRecord, type Path, type RawIssue, saidIssue} from './issues.js';

export const SCENARIO_LIMITS = {
	/** The file, in bytes (SPEC §5: 1 MiB). */
	bytes: 1024 * 1024,
	/** The timeline, in days: a hundred years. */
	days: 36_500,
	/** Steps in the file. */
	steps: 1_000,
	/** Expectations in the file. */
	expectations: 1_000,
	/** Keys in the vendor catalog (each is minted at start). */
	keys: 100,
	/** Named fingerprints. */
	hardware: 100,
	/** Printing devices one `devices` step activates or deactivates. */
	stepDevices: 1_000,
	/** Printing devices all the `devices` steps activate together. */
	devices: 1_000,
	/** Characters of any text in the file (a name, a customer field, a literal key list). */
	text: 1_000,
} as const;

/** The lists the table bounds, with the limit each one has. */
const LISTS = [
	['steps', SCENARIO_LIMITS.steps],
	['expect', SCENARIO_LIMITS.expectations],
	['hardware', SCENARIO_LIMITS.hardware],
] as const;

/**
 * Adds an issue for every limit the data goes past. Returns the top-level parts that are too
 * long to be parsed item by item (their items are then not checked).
 */
export function checkLimits(data: unknown, issues: RawIssue[]): Set<string> {
	const tooLong = new Set<string>();
	if (!isRecord(data)) return tooLong;
	for (const [field, max] of LISTS) {
		const list = data[field];
		if (Array.isArray(list) && list.length > max) {
			issues.push(
				saidIssue([field], 'scenario.limit.items', {count: list.length, max}),
			);
			tooLong.add(field);
		}
	}
	if (isRecord(data.keys)) {
		const count = Object.keys(data.keys).length;
		if (count > SCENARIO_LIMITS.keys) {
			issues.push(
				saidIssue(['keys'], 'scenario.limit.items', {
					count,
					max: SCENARIO_LIMITS.keys,
				}),
			);
			tooLong.add('keys');
		}
	}
	if (!tooLong.has('steps') && Array.isArray(data.steps)) {
		checkDevices(data.steps, issues);
	}
	checkTexts(data, [], issues, tooLong);
	return tooLong;
}

/** One `devices` step, and all of them together, within their limits. */
function checkDevices(steps: unknown[], issues: RawIssue[]): void {
	let activated = 0;
	let first: Path | undefined;
	steps.forEach((step, index) => {
		if (!isRecord(step) || step.do !== 'devices') return;
		for (const field of ['activate', 'deactivate'] as const) {
			const count = step[field];
			if (typeof count !== 'number' || !Number.isFinite(count)) continue;
			if (count > SCENARIO_LIMITS.stepDevices) {
				issues.push(
					saidIssue(['steps', index, field], 'scenario.limit.step-devices', {
						count,
						max: SCENARIO_LIMITS.stepDevices,
					}),
				);
			} else if (field === 'activate' && count > 0) {
				activated += count;
				if (activated > SCENARIO_LIMITS.devices && first === undefined) {
					first = ['steps', index, field];
				}
			}
		}
	});
	if (first !== undefined) {
		issues.push(
			saidIssue(first, 'scenario.limit.devices', {
				count: activated,
				max: SCENARIO_LIMITS.devices,
			}),
		);
	}
}

/** Every text (values and names of fields) within SCENARIO_LIMITS.text characters. */
function checkTexts(
	value: unknown,
	path: Path,
	issues: RawIssue[],
	skipped: Set<string>,
): void {
	if (typeof value === 'string') {
		checkText(value, path, issues);
		return;
	}
	if (path.length === 1 && skipped.has(String(path[0]))) return;
	if (Array.isArray(value)) {
		value.forEach((item, index) => {
			checkTexts(item, [...path, index], issues, skipped);
		});
	} else if (isRecord(value)) {
		for (const [key, item] of Object.entries(value)) {
			// A name too long is said where its mapping is; what it names is not looked into.
			if (checkText(key, path, issues)) {
				checkTexts(item, [...path, key], issues, skipped);
			}
		}
	}
}

/** False, with its issue, when `text` is longer than SCENARIO_LIMITS.text characters. */
function checkText(text: string, path: Path, issues: RawIssue[]): boolean {
	// UTF-16 units first: cheap, and never fewer than the characters counted in the message.
	if (text.length <= SCENARIO_LIMITS.text) return true;
	const length = characterCount(text);
	if (length <= SCENARIO_LIMITS.text) return true;
	issues.push(
		saidIssue(path, 'scenario.limit.text', {
			length,
			max: SCENARIO_LIMITS.text,
		}),
	);
	return false;
}
