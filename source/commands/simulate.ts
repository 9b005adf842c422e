/**
 * `myq-license simulate FILE [--json] [--lang fr|en] [--until N]` (SPEC §5): replays a scenario
 * on the real engine and runtime. Exit 0 when every expectation held, 1 when one failed, 2 when
 * the scenario is invalid.
 */
import process from 'node:process';
import {EXIT, UsageError} from './exit-codes.js';
import {parseArgs} from './shared.js';

const HELP = `
Usage
  $ myq-license simulate FILE [--json] [--lang fr|en] [--until N]

Replays a scenario file (YAML or JSON; see fixtures/scenarios/) on the real engine, with a
simulated clock, network, license server and hardware. Without --json: the days on which
something changed, a strip of the whole timeline (one cell a day) and the events. With --json:
one JSON document (SPEC §5). The scenario's expect blocks decide the exit code.

Examples
  $ myq-license simulate fixtures/scenarios/subscription-not-renewed.yaml
  $ myq-license simulate fixtures/scenarios/offline-grace-lapses.yaml --json | jq '.days[-1].banners'
  $ myq-license simulate my-customer.yaml --until 30 --lang fr

Exit codes: 0 every expectation held, 1 one failed, 2 the scenario is invalid.`;

export async function run(argv: string[]): Promise<number> {
	const cli = parseArgs(HELP, argv, {
		json: {type: 'boolean', default: false},
		lang: {type: 'string'},
		until: {type: 'number'},
	});
	const [file, ...extra] = cli.input;
	if (!file || extra.length > 0) {
		throw new UsageError(
			'Usage: myq-license simulate FILE (one scenario file).',
		);
	}
	if (
		cli.flags.until !== undefined &&
		(!Number.isInteger(cli.flags.until) || cli.flags.until < 0)
	) {
		throw new UsageError(
			`--until ${cli.flags.until} is not a day number (0 or more).`,
		);
	}
	let lang: 'fr' | 'en' | undefined;
	if (cli.flags.lang !== undefined) {
		const {parseLang} = await import('../i18n/index.js');
		lang = parseLang(cli.flags.lang);
		if (!lang) {
			throw new UsageError(
				`--lang "${cli.flags.lang}" is not a language this program speaks: use fr or en.`,
			);
		}
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
			process.stderr.write(`${error.message}\n`);
			return EXIT.badInput;
		}
		throw error;
	}
	const result = await runScenario(scenario, {
		...(cli.flags.until === undefined ? {} : {until: cli.flags.until}),
		...(lang === undefined ? {} : {lang}),
	});
	if (cli.flags.json) {
		process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
	} else {
		const {renderSimulation} = await import('../../simulator/report.js');
		process.stdout.write(
			`${renderSimulation(result, {color: wantsColor()})}\n`,
		);
	}
	return result.expectations.failed.length === 0 ? EXIT.ok : EXIT.failed;
}

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
