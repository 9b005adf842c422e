/**
 * The simulator's scenario file (SPEC §5 "Scenario file"): YAML or JSON, one schema. Parsing
 * checks everything a scenario can get wrong before anything runs, and reports every issue at
 * once, each naming its field and line (`scenario.yaml:14: steps[3].use: ...`), so that
 * `simulate` can exit 2 with a message a person can act on (SPEC §5 exit codes).
 *
 * Decisions (SPEC §5 leaves them open):
 * - Format: `.json` files must be strict JSON; `.yaml`/`.yml` files are YAML 1.2 (core schema, so
 *   `start: 2027-01-04T09:00:00Z` stays a string and `country: NO` is Norway). Text without a
 *   file name is JSON when it parses as JSON, YAML otherwise. Files over 1 MiB are refused.
 * - Durations (`at`, `clock.shift`): see durations.ts.
 * - `start` needs `Z` or an offset: a local time would replay differently on every machine.
 * - `customer` may be left out (a scenario that never registers needs none); its fields are only
 *   checked to be strings here, their validity is R2's business at run time.
 * - Aliases in `keys` are letters, digits, `-` and `_`, starting with a letter, since `/` names
 *   an installation's n-th license (`INST/2`).
 * - A `vendor` step names a whole key (`INST`, `L10`) or one license of an installation
 *   (`INST/1`); `days` is required for `extend` and refused for the other actions.
 * - `import-response` asks the vendor portal for the response to the pending manual request
 *   (R5) and imports it. Its `tamper` option exercises the refusal paths of R5: `flip-byte`
 *   alters one byte of the file, `other-request` imports a response made for another request,
 *   `other-fingerprint` one made for another fingerprint. All three must be refused.
 * - Expectations: `banners` is the exact list in display order, so a list out of that order, with
 *   a repeated id, or with a stop banner beside another one can never match and is refused.
 *   `days` is keyed by the banners that count days (hardware-changed, server-unreachable,
 *   subscription-expiring). `licenses` is keyed by license alias (`L10`), an installation's
 *   license (`INST/1`), or an installation alias for its pending row. `events` are kebab-case
 *   event types; which ones exist is the runner's business. An expectation must assert something.
 * - Steps are sorted by day, then `at`, then file order; expectations by day, then file order.
 */
import {readFileUpTo} from '../../source/adapters/bounded-read.js';
import {buildScenario} from './build.js';
import {type RawIssue, ScenarioError, toIssues} from './issues.js';

export {SCENARIO_LIMITS} from './limits.js';

import {MAX_SCENARIO_BYTES} from './schema.js';
import {readScenarioText, tooLarge} from './text.js';
import type {ParseScenarioOptions, Scenario} from './types.js';

export {parseDuration} from './durations.js';
export {formatPath, ScenarioError, type ScenarioIssue} from './issues.js';
export {MAX_SCENARIO_BYTES, MAX_SCENARIO_DAYS} from './schema.js';
export {STEP_KINDS, STEP_SCHEMAS} from './steps.js';
export type * from './types.js';

/**
 * Parses and validates a scenario. Throws a ScenarioError, and nothing else, for any input.
 * @example
 * const scenario = parseScenario(yamlText, {fileName: 'customer.yaml'});
 */
export function parseScenario(
	text: string,
	options: ParseScenarioOptions = {},
): Scenario {
	const {fileName} = options;
	try {
		const {data, locate} = readScenarioText(text, fileName);
		const issues: RawIssue[] = [];
		const scenario = buildScenario(data, issues, locate);
		if (issues.length > 0 || scenario === undefined)
			throw new ScenarioError(toIssues(issues, locate), fileName);
		return scenario;
	} catch (error) {
		if (error instanceof ScenarioError) throw error;
		// Last resort: a parser failure we did not foresee is still bad input, not a crash.
		const reason = error instanceof Error ? error.message : String(error);
		throw new ScenarioError(
			[{path: '', line: null, message: `cannot read the scenario: ${reason}`}],
			fileName,
		);
	}
}

/**
 * Validates a scenario given as data: the object a scenario file holds (`start` an ISO text, keys
 * by alias, steps as in the file), as a test writes it inline. Throws a ScenarioError naming each
 * field at fault (without lines: there is no file).
 * @example
 * const scenario = scenarioFromData({name: 'Fresh', start: '2027-01-04T09:00:00Z', days: 30, hardware: ['server-a'], keys: {}, steps: [], expect: []});
 */
export function scenarioFromData(
	data: unknown,
	options: ParseScenarioOptions = {},
): Scenario {
	const issues: RawIssue[] = [];
	const locate = () => null;
	const scenario = buildScenario(data, issues, locate);
	if (issues.length > 0 || scenario === undefined)
		throw new ScenarioError(toIssues(issues, locate), options.fileName);
	return scenario;
}

/**
 * Reads and parses a scenario file; a file that cannot be read is a ScenarioError too.
 * @example
 * const scenario = await loadScenario('fixtures/scenarios/subscription-not-renewed.yaml');
 */
export async function loadScenario(file: string): Promise<Scenario> {
	let text: string;
	try {
		// Read up to the limit, never whole first (issue 10 point 5).
		const read = await readFileUpTo(file, MAX_SCENARIO_BYTES);
		if (!read.ok) {
			throw new ScenarioError(
				toIssues([tooLarge()], () => null),
				file,
			);
		}
		text = read.value.toString('utf8');
	} catch (error) {
		if (error instanceof ScenarioError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		const reason =
			code === 'ENOENT'
				? 'no such file; check the path'
				: code === 'EACCES'
					? 'permission denied'
					: code === 'EISDIR'
						? 'it is a directory; give a scenario file'
						: error instanceof Error
							? error.message
							: String(error);
		throw new ScenarioError(
			[
				{
					path: '',
					line: null,
					message: `cannot read the scenario file: ${reason}`,
				},
			],
			file,
		);
	}
	return parseScenario(text, {fileName: file});
}
