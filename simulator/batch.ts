/**
 * `simulate` on many files (issue 15): a support team replaying a batch of exported customers
 * after a rule change. Each file gives one result with its exit code (0 held, 1 an expectation
 * failed, 2 invalid), in the order the files were given, whether they ran one by one or
 * `jobs` at a time, the others in worker threads (batch-worker.ts): a replay is CPU-bound, so
 * threads are what makes several at once faster, and each has its own simulated world.
 */
import {readdir, stat} from 'node:fs/promises';
import path from 'node:path';
import {Worker} from 'node:worker_threads';
import type {Lang} from '../source/i18n/lang.js';
import type {SimulationResult} from './runner.js';

export type BatchOptions = {
	/** Replays at once. @default 1 (one after another, in this thread) */
	jobs?: number;
	/** The language of every result, else each scenario's own. */
	lang?: Lang;
	until?: number;
};

export type BatchItem = {
	file: string;
	exitCode: 0 | 1 | 2;
	result?: SimulationResult;
	/** Why the file could not be replayed (exit code 2: the scenario's issues). */
	error?: string;
};

/** What a worker is asked, and answers. */
export type BatchRequest = {index: number; file: string} & Omit<
	BatchOptions,
	'jobs'
>;
export type BatchReply = {index: number; item: BatchItem};

const SCENARIO_FILE = /\.(ya?ml|json)$/i;

/**
 * The scenario files named: a folder gives its own .yaml, .yml and .json files (not its
 * subfolders), sorted by name; anything else is taken as a file (one that does not exist gives
 * its own exit 2). Null for a folder without any.
 */
export async function scenarioFiles(
	inputs: readonly string[],
): Promise<{files: string[]; emptyFolder: string | null}> {
	const files: string[] = [];
	for (const input of inputs) {
		const info = await stat(input).catch(() => null);
		if (info?.isDirectory()) {
			const entries = await readdir(input, {withFileTypes: true});
			const found = entries
				.filter((entry) => entry.isFile() && SCENARIO_FILE.test(entry.name))
				.map((entry) => path.join(input, entry.name))
				.sort();
			if (found.length === 0) return {files, emptyFolder: input};
			files.push(...found);
		} else {
			files.push(input);
		}
	}
	return {files, emptyFolder: null};
}

/** Loads and replays one file: what one by one and each worker both do. */
export async function replayFile(
	file: string,
	options: Omit<BatchOptions, 'jobs'> = {},
): Promise<BatchItem> {
	const [{loadScenario, ScenarioError}, {runScenario}] = await Promise.all([
		import('./scenario/index.js'),
		import('./runner.js'),
	]);
	try {
		const scenario = await loadScenario(file);
		const result = await runScenario(scenario, {
			...(options.until === undefined ? {} : {until: options.until}),
			...(options.lang === undefined ? {} : {lang: options.lang}),
		});
		return {
			file,
			exitCode: result.expectations.failed.length === 0 ? 0 : 1,
			result,
		};
	} catch (error) {
		if (error instanceof ScenarioError) {
			return {file, exitCode: 2, error: error.describe(options.lang ?? 'en')};
		}
		return {
			file,
			exitCode: 1,
			error: error instanceof Error ? error.message : String(error),
		};
	}
}

/**
 * Replays `files`, `jobs` at a time: this thread takes its share, and `jobs - 1` worker
 * threads theirs (a worker spends its first half second loading the simulator; this thread has
 * it loaded already). Each takes the next file when it is done with one, so a long replay does
 * not hold the others back. Results come back in the order of `files`.
 */
export async function runBatch(
	files: readonly string[],
	options: BatchOptions = {},
): Promise<BatchItem[]> {
	const {jobs = 1, ...rest} = options;
	const items: BatchItem[] = new Array(files.length);
	let next = 0;
	const take = () => (next < files.length ? next++ : null);
	const here = async () => {
		for (let index = take(); index !== null; index = take()) {
			items[index] = await replayFile(files[index]!, rest);
		}
	};
	const workers = Array.from(
		{length: Math.max(0, Math.min(jobs, files.length) - 1)},
		() => new Worker(new URL('./batch-worker.js', import.meta.url)),
	);
	try {
		await Promise.all([
			here(),
			...workers.map(
				(worker) =>
					new Promise<void>((resolve, reject) => {
						let isSettled = false;
						const settle = (then: () => void) => {
							if (!isSettled) {
								isSettled = true;
								then();
							}
						};
						const ask = () => {
							const index = take();
							if (index === null) {
								settle(resolve);
								return;
							}
							const request: BatchRequest = {
								index,
								file: files[index]!,
								...rest,
							};
							worker.postMessage(request);
						};
						worker.on('message', (reply: BatchReply) => {
							items[reply.index] = reply.item;
							ask();
						});
						worker.once('error', (error) => settle(() => reject(error)));
						worker.once('exit', (code) =>
							settle(() =>
								reject(new Error(`a replay thread stopped (exit ${code})`)),
							),
						);
						ask();
					}),
			),
		]);
	} finally {
		await Promise.all(workers.map((worker) => worker.terminate()));
	}
	return items;
}

/** The batch's exit code: the highest of its files' (2 invalid, 1 failed, 0 all held). */
export function batchExitCode(items: readonly BatchItem[]): 0 | 1 | 2 {
	return Math.max(0, ...items.map((item) => item.exitCode)) as 0 | 1 | 2;
}
