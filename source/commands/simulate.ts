/**
 * `myq-license simulate FILE [--json] [--lang fr|en] [--until N]` (SPEC §5): replays a scenario
 * on the real engine and runtime. Exit 0 when every expectation held, 1 when one failed, 2 when
 * the scenario is invalid.
 */
import process from 'node:process';
import {EXIT} from './exit-codes.js';
import {defineCommand} from './flags.js';
import {print, printJson, usageError} from './report.js';

export const command = defineCommand({
	takesArguments: true,
	flags: {
		until: {type: 'number'},
	},
	async run(cli) {
		const [file, ...extra] = cli.input;
		if (!file || extra.length > 0) {
			throw await usageError(cli.lang, 'cli.error.simulate-usage');
		}
		const {until} = cli.flags;
		if (until !== undefined && (!Number.isInteger(until) || until < 0)) {
			throw await usageError(cli.lang, 'cli.error.until', {until});
		}
		const [{loadScenario, ScenarioError}, {runScenario}] = await Promise.all([
			import('../../simulator/scenario/index.js'),
			import('../../simulator/runner.js'),
		]);
		let scenario: Awaited<ReturnType<typeof loadScenario>>;
		try {
			scenario = await loadScenario(file);
		} catch (error) {
			if (error instanceof ScenarioError) {
				print([error.describe(cli.lang)], 'err');
				return EXIT.badInput;
			}
			throw error;
		}
		// --lang, else the locale, else the scenario's own lang (SPEC §5, default en).
		const result = await runScenario(scenario, {
			...(until === undefined ? {} : {until}),
			...(cli.preferredLang === undefined ? {} : {lang: cli.preferredLang}),
		});
		if (cli.flags.json) {
			printJson(result);
		} else {
			const {renderSimulation} = await import('../../simulator/report.js');
			process.stdout.write(
				`${renderSimulation(result, {color: wantsColor()})}\n`,
			);
		}
		return result.expectations.failed.length === 0 ? EXIT.ok : EXIT.failed;
	},
});

/** Colour on a terminal, unless NO_COLOR says otherwise; FORCE_COLOR forces it. */
function wantsColor(): boolean {
	if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') {
		return false;
	}
	if (process.env.FORCE_COLOR !== undefined) {
		return process.env.FORCE_COLOR !== '0';
	}
	return process.stdout.isTTY === true;
}
