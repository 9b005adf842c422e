/**
 * A fast CLI for scripts (issue 6): `status --json` against `node -e 0` and against the smallest
 * meow CLI (issue 9: meow's start-up cost), all spawned the same way, interleaved, median of
 * several runs.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

const CLI = path.resolve('dist/source/cli.js');
const MINIMAL_MEOW = path.resolve('dist/bench/minimal-meow.js');

function time(args: string[]): number {
	const started = performance.now();
	execFileSync(process.execPath, args, {stdio: 'ignore'});
	return performance.now() - started;
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function benchStatus(runs = 15) {
	const directory = mkdtempSync(path.join(tmpdir(), 'myq-bench-status-'));
	const store = [
		'--store',
		`sqlite://${path.join(directory, 'status.sqlite')}`,
	];
	try {
		// A store with a registered customer and a pending key, as a script would find it.
		execFileSync(
			process.execPath,
			[
				CLI,
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
		time([CLI, 'status', '--json', ...store]);
		time([MINIMAL_MEOW, '--name', 'bench']);
		const status: number[] = [];
		const bare: number[] = [];
		const meow: number[] = [];
		for (let run = 0; run < runs; run++) {
			bare.push(time(['-e', '0']));
			meow.push(time([MINIMAL_MEOW, '--name', 'bench']));
			status.push(time([CLI, 'status', '--json', ...store]));
		}
		return {
			statusMs: median(status),
			nodeMs: median(bare),
			minimalMeowMs: median(meow),
		};
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
}
