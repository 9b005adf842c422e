/**
 * `status --json` against the smallest meow CLI (issue 16: at most 1.3x), and against
 * `node -e 0` (Node's own start). What is timed is the program `npm install` puts on the PATH
 * (package.json's bin: the bundle); the minimal meow CLI is built the usual way (tsc, its
 * imports resolved from node_modules). All three are spawned the same way, in turn, and each
 * ratio is the median of the run-by-run ratios (a shared machine's speed drifts; neighbours in
 * time see the same machine).
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {BIN, ROOT} from './bin.js';
import {median} from './figures.js';

const MINIMAL_MEOW = path.join(ROOT, 'dist/bench/minimal-meow.js');

function time(args: string[]): number {
	const started = performance.now();
	execFileSync(process.execPath, args, {stdio: 'ignore'});
	return performance.now() - started;
}

export type StatusBench = {
	runs: number;
	statusMs: number;
	nodeMs: number;
	minimalMeowMs: number;
	/** Median of status / minimal meow, run by run. */
	statusPerMeow: number;
	/** Median of status / node -e 0, run by run. */
	statusPerNode: number;
};

export function benchStatus(runs = 21): StatusBench {
	const directory = mkdtempSync(path.join(tmpdir(), 'myq-bench-status-'));
	const store = [
		'--store',
		`sqlite://${path.join(directory, 'status.sqlite')}`,
	];
	try {
		// A store with a registered customer, as a script would find it.
		execFileSync(
			process.execPath,
			[
				BIN,
				'register',
				...store,
				'--company',
				'Acme',
				'--person',
				'Jane Roe',
				'--address',
				'x',
				'--country',
				'FR',
				'--email',
				'a@b.test',
			],
			{stdio: 'ignore'},
		);
		const status = () => time([BIN, 'status', '--json', ...store]);
		const meow = () => time([MINIMAL_MEOW, '--name', 'bench']);
		const bare = () => time(['-e', '0']);
		// One untimed run of each warms the disk cache, so neither pays for it.
		status();
		meow();
		bare();
		const statusRuns: number[] = [];
		const meowRuns: number[] = [];
		const bareRuns: number[] = [];
		const perMeow: number[] = [];
		const perNode: number[] = [];
		for (let run = 0; run < runs; run++) {
			const b = bare();
			const m = meow();
			const s = status();
			bareRuns.push(b);
			meowRuns.push(m);
			statusRuns.push(s);
			perMeow.push(s / m);
			perNode.push(s / b);
		}
		return {
			runs,
			statusMs: median(statusRuns),
			nodeMs: median(bareRuns),
			minimalMeowMs: median(meowRuns),
			statusPerMeow: median(perMeow),
			statusPerNode: median(perNode),
		};
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
}
