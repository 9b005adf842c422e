/**
 * `myq-license simulate FILE [--json] [--lang fr|en] [--until N] [--report FILE.html]
 * [--explain DAY]` (SPEC §5): replays a scenario on the real engine and runtime. Exit 0 when
 * every expectation held, 1 when one failed, 2 when the scenario is invalid.
 *
 * `simulate DIR|FILE... [--json] [--jobs N]` (issue 15): several scenarios, one result per file
 * with its exit code, N at a time in worker threads; the exit code is the highest of theirs.
 * One FILE keeps the single-scenario output (SPEC §5's document); a folder or several files give
 * the batch's (`{"results": [...]}`), even when a folder holds one file (decided: the shape of
 * the output follows what was asked for, not how many files were found).
 */
import {writeFile} from 'node:fs/promises';
import process from 'node:process';
import type {Lang} from '../i18n/lang.js';
import {EXIT} from './exit-codes.js';
import {defineCommand} from './flags.js';
import {print, printJson, usageError} from './report.js';

/** More threads than this would only wait on each other (and on the machine's cores). */
const MAX_JOBS = 64;

export const command = defineCommand({
	takesArguments: true,
	flags: {
		until: {type: 'number'},
		report: {type: 'string'},
		explain: {type: 'number'},
		jobs: {type: 'number'},
	},
	async run(cli) {
		const {until, report, explain, jobs} = cli.flags;
		if (cli.input.length === 0) {
			throw await usageError(cli.lang, 'cli.error.simulate-usage');
		}
		if (until !== undefined && (!Number.isInteger(until) || until < 0)) {
			throw await usageError(cli.lang, 'cli.error.until', {until});
		}
		if (explain !== undefined && (!Number.isInteger(explain) || explain < 0)) {
			throw await usageError(cli.lang, 'cli.error.explain', {day: explain});
		}
		if (
			jobs !== undefined &&
			(!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS)
		) {
			throw await usageError(cli.lang, 'cli.error.jobs', {
				jobs,
				max: MAX_JOBS,
			});
		}
		const {scenarioFiles} = await import('../../simulator/batch.js');
		const {files, emptyFolder} = await scenarioFiles(cli.input);
		if (emptyFolder !== null) {
			throw await usageError(cli.lang, 'cli.error.no-scenarios', {
				dir: emptyFolder,
			});
		}
		const isBatch = cli.input.length > 1 || files[0] !== cli.input[0];
		if (isBatch) {
			for (const [flag, value] of [
				['--report', report],
				['--explain', explain],
			] as const) {
				if (value !== undefined) {
					throw await usageError(cli.lang, 'cli.error.one-scenario', {
						flag,
						count: files.length,
					});
				}
			}
			return simulateMany(files, {
				json: cli.flags.json,
				jobs: jobs ?? 1,
				lang: cli.lang,
				preferredLang: cli.preferredLang,
				until,
			});
		}
		return simulateOne(files[0]!, {
			json: cli.flags.json,
			lang: cli.lang,
			preferredLang: cli.preferredLang,
			until,
			report,
			explain,
		});
	},
});

type Options = {
	json: boolean;
	/** The admin's language, for this command's own words. */
	lang: Lang;
	/** --lang or the locale; else each scenario's own lang (SPEC §5). */
	preferredLang: Lang | undefined;
	until: number | undefined;
};

async function simulateOne(
	file: string,
	options: Options & {report?: string; explain?: number | undefined},
): Promise<number> {
	const [{loadScenario, ScenarioError}, {runScenario}] = await Promise.all([
		import('../../simulator/scenario/index.js'),
		import('../../simulator/runner.js'),
	]);
	let scenario: Awaited<ReturnType<typeof loadScenario>>;
	try {
		scenario = await loadScenario(file);
	} catch (error) {
		if (error instanceof ScenarioError) {
			print([error.describe(options.lang)], 'err');
			return EXIT.badInput;
		}
		throw error;
	}
	const {explain} = options;
	if (explain !== undefined && explain > scenario.days) {
		throw await usageError(options.lang, 'cli.error.explain-past-end', {
			day: explain,
			days: scenario.days,
		});
	}
	let explained: import('../../simulator/explain.js').ExplainDocument | null =
		null;
	const {explainDay} =
		explain === undefined
			? {explainDay: null}
			: await import('../../simulator/explain.js');
	const until =
		explain === undefined
			? options.until
			: Math.min(explain, options.until ?? explain);
	const result = await runScenario(scenario, {
		...(until === undefined ? {} : {until}),
		...(options.preferredLang === undefined
			? {}
			: {lang: options.preferredLang}),
		...(explainDay === null
			? {}
			: {
					onDay(sample, day) {
						if (sample.day === explain) {
							explained = explainDay(
								scenario.name,
								sample,
								day.explain(),
								day.nameOf,
								options.preferredLang ?? scenario.lang,
							);
						}
					},
				}),
	});
	const code = result.expectations.failed.length === 0 ? EXIT.ok : EXIT.failed;
	if (explained !== null) {
		const document: import('../../simulator/explain.js').ExplainDocument =
			explained;
		if (options.json) {
			printJson(document);
		} else {
			const {renderExplanation} = await import('../../simulator/explain.js');
			print([renderExplanation(document)]);
		}
		return code;
	}
	if (options.report !== undefined) {
		const {reportHtml} = await import('../../simulator/report-html.js');
		const written = await writeReport(
			options.report,
			reportHtml({result, steps: scenario.steps}),
			options.lang,
		);
		if (!written) return EXIT.failed;
	}
	if (options.json) {
		printJson(result);
	} else {
		const {renderSimulation} = await import('../../simulator/report.js');
		process.stdout.write(
			`${renderSimulation(result, {color: wantsColor()})}\n`,
		);
	}
	if (options.report !== undefined) {
		const {t} = await import('../i18n/index.js');
		// On stderr with --json: stdout holds one JSON document for scripts.
		print(
			[t(options.lang, 'cli.simulate.report-written', {file: options.report})],
			options.json ? 'err' : 'out',
		);
	}
	return code;
}

async function writeReport(
	file: string,
	html: string,
	lang: Lang,
): Promise<boolean> {
	try {
		await writeFile(file, html);
		return true;
	} catch (error) {
		const {t} = await import('../i18n/index.js');
		print(
			[
				t(lang, 'cli.error.cannot-write', {
					file,
					reason: (error as Error).message,
				}),
			],
			'err',
		);
		return false;
	}
}

async function simulateMany(
	files: string[],
	options: Options & {jobs: number},
): Promise<number> {
	const {runBatch, batchExitCode} = await import('../../simulator/batch.js');
	const items = await runBatch(files, {
		jobs: options.jobs,
		...(options.preferredLang === undefined
			? {}
			: {lang: options.preferredLang}),
		...(options.until === undefined ? {} : {until: options.until}),
	});
	if (options.json) {
		printJson({results: items});
		return batchExitCode(items);
	}
	const {t, visible} = await import('../i18n/index.js');
	const {lang} = options;
	const lines = items.map((item) => {
		const file = visible(item.file);
		if (item.result === undefined) {
			return t(
				lang,
				item.exitCode === 2
					? 'cli.simulate.batch-invalid'
					: 'cli.simulate.batch-error',
				{
					file,
					message: visible(item.error ?? '')
						.split('\n')
						.join(' '),
				},
			);
		}
		const {passed, failed} = item.result.expectations;
		return failed.length === 0
			? t(lang, 'cli.simulate.batch-held', {file, passed})
			: t(lang, 'cli.simulate.batch-failed', {
					file,
					passed,
					failed: failed.length,
				});
	});
	const count = (code: number) =>
		items.filter((item) => item.exitCode === code).length;
	lines.push(
		t(lang, 'cli.simulate.batch-summary', {
			files: items.length,
			held: count(0),
			failed: count(1),
			invalid: count(2),
		}),
	);
	print(lines);
	return batchExitCode(items);
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
