/**
 * `npm run bench`: the figures we watch. Speed is measured here, never asserted in tests.
 *
 * Issue 16's goal figures go through `recordFigure` (printed as reference, measured, ratio,
 * goal, in that order) and end up in bench/results.json (not committed) for scripts; the other
 * lines are context. A summary of the goals closes the run.
 */
import path from 'node:path';
import {ROOT} from './bin.js';
import {benchStatus} from './cli.js';
import {benchEngine} from './engine.js';
import {recordFigure, writeResults} from './figures.js';
import {benchLicenseServer} from './license-server.js';
import {benchEngineOnly, benchReplayFigure} from './simulation.js';

function print(label: string, value: string) {
	process.stdout.write(`${label.padEnd(62)} ${value}\n`);
}

const format = (value: number, digits = 0) =>
	value.toLocaleString('en', {
		maximumFractionDigits: digits,
		minimumFractionDigits: digits,
	});

const engine = benchEngine();
print(
	'engine: evaluate() with 1,000 licenses',
	`${format(engine.evaluationsPerSecond)} evaluations/s`,
);
print(
	'engine: step() with 1,000 licenses (two evaluations each)',
	`${format(engine.stepsPerSecond)} steps/s`,
);

// Issue 16: the ten-year replay against bare MSW round trips (its own processes).
await benchReplayFigure();
print(
	'simulation: engine alone, same timeline',
	`${format(benchEngineOnly().ms)} ms`,
);

// Issue 15: a batch of scenarios, one by one and two at a time; the store as its history grows.
const {benchBatch, benchStoreSize} = await import('./support.js');
for (const jobs of [1, 2]) {
	const batch = await benchBatch(jobs);
	print(
		`simulate: the ${batch.files} fixture scenarios, --jobs ${jobs} (best of 2)`,
		`${format(batch.perSecond, 1)} scenarios/s (${format(batch.ms)} ms)`,
	);
}
for (const size of await benchStoreSize()) {
	print(
		`store: the stored record after ${format(size.day)} days (ten-year replay)`,
		`${format(size.bytes / 1024, 1)} KiB, of which history ${format(size.historyBytes / 1024, 1)} KiB (${format(size.entries)} entries)`,
	);
}

const cli = benchStatus();
print(`cli: node -e 0 (median of ${cli.runs})`, `${format(cli.nodeMs)} ms`);
print(
	'cli: status --json / node -e 0 (run by run, median)',
	format(cli.statusPerNode, 2),
);
print(
	"cli: meow's start-up cost (minimal meow CLI - node -e 0)",
	`${format(cli.minimalMeowMs - cli.nodeMs)} ms`,
);
recordFigure({
	id: 'status-vs-minimal-meow',
	label: `cli: status --json (the bin) vs a minimal meow CLI, medians of ${cli.runs}, ratio run by run`,
	value: cli.statusMs,
	reference: {
		label: 'minimal meow CLI (one flag, one JSON line)',
		value: cli.minimalMeowMs,
	},
	unit: 'ms',
	ratio: cli.statusPerMeow,
	goal: {ratio: 1.3, atMost: true},
});

// The dashboard last: its bench switches this process to React's production build.
const {benchUi, recordUiFigures} = await import('./ui.js');
const ui = await benchUi();
await recordUiFigures(ui);
print(
	'dashboard: time to first frame (starting rows)',
	`${format(ui.firstFrameMs)} ms`,
);
print(
	'dashboard: time to its first Ink frame',
	`${format(ui.firstInkFrameMs)} ms`,
);
recordFigure({
	id: 'dashboard-home-vs-minimal-ink',
	label: `dashboard: time until Home shows "Enter license" (the bin, demo) vs a minimal Ink app's first frame, pty 80x24, medians of ${ui.startRuns}, ratio run by run`,
	value: ui.firstContentMs,
	reference: {
		label: 'minimal Ink app, one <Text>, not bundled',
		value: ui.minimalInkFirstFrameMs,
	},
	unit: 'ms',
	ratio: ui.homePerMinimalInk,
	goal: {ratio: 1, atMost: true},
});
print(
	'dashboard: keystroke to frame, 80x24',
	`${format(ui.keystroke80x24MedianMs, 1)} ms median`,
);
print(
	'dashboard: keystroke to frame, 1,000 licenses, 120x40',
	`${format(ui.keystrokeMedianMs, 1)} ms median`,
);
print(
	'dashboard: bytes per day-advance, every frame drawn whole',
	`${format(ui.dayBytesWhole)} bytes median of 10`,
);

for (const server of await benchLicenseServer()) {
	const label = `license server on ${server.engine}`;
	print(
		`${label}: GET /v1/public-key (no database)`,
		`${format(server.publicKeyPerSecond)} /s`,
	);
	print(
		`${label}: contacts / public-key`,
		format(server.contactsPerSecond / server.publicKeyPerSecond, 3),
	);
}

const figures = writeResults(path.join(ROOT, 'bench/results.json'));
const met = figures.filter((figure) => figure.met).length;
process.stdout.write(
	`\nGoals: ${met} of ${figures.length} met (bench/results.json)\n${figures
		.map(
			(figure) =>
				`  ${figure.met ? 'met    ' : 'NOT MET'} ${figure.id}: ${format(figure.ratio, 2)} (goal ${figure.goal.atMost ? '<=' : '>='} ${format(figure.goal.ratio, 2)})`,
		)
		.join('\n')}\n`,
);
