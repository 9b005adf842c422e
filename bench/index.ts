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
import {
	benchBareRoundTrips,
	benchEngineOnly,
	benchFullReplay,
} from './simulation.js';

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

// Warm both up (module loading, JIT), then take the best of three of each: the machine is
// shared, and the best run is the one least disturbed by anything else.
await benchBareRoundTrips();
await benchFullReplay();
const bareRuns: number[] = [];
const replayRuns: number[] = [];
for (let run = 0; run < 3; run++) {
	bareRuns.push((await benchBareRoundTrips()).ms);
	replayRuns.push((await benchFullReplay()).ms);
}
const bare = {ms: Math.min(...bareRuns)};
const replay = {ms: Math.min(...replayRuns), days: 3651};
const engineOnly = benchEngineOnly();
print(
	'simulation: ten years (3,650 days) full replay, best of 3',
	`${format(replay.ms)} ms (${format(replay.days / (replay.ms / 1000))} simulated days/s)`,
);
print(
	'simulation: 3,650 bare MSW getResponse round trips, best of 3',
	`${format(bare.ms)} ms`,
);
print('simulation: engine alone, same timeline', `${format(engineOnly.ms)} ms`);
recordFigure({
	id: 'replay-vs-bare-msw',
	label: 'simulation: ten-year daily replay vs 3,650 bare MSW round trips',
	value: replay.ms,
	reference: {label: '3,650 bare MSW getResponse round trips', value: bare.ms},
	unit: 'ms',
	ratio: replay.ms / bare.ms,
	goal: {ratio: 1.5, atMost: true},
});
print(
	'simulation: non-transport (replay - bare) / bare (goal <= 1)',
	format((replay.ms - bare.ms) / bare.ms, 2),
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
const {benchUi} = await import('./ui.js');
const ui = await benchUi();
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
recordFigure({
	id: 'keystroke-p95',
	label: 'dashboard: keystroke to frame, 1,000 licenses, 120x40, p95',
	value: ui.keystrokeP95Ms,
	reference: {label: 'the budget of one keystroke', value: 8},
	unit: 'ms',
	ratio: ui.keystrokeP95Ms / 8,
	goal: {ratio: 1, atMost: true},
});
print(
	'dashboard: bytes per day-advance, every frame drawn whole',
	`${format(ui.dayBytesWhole)} bytes median of 10`,
);
recordFigure({
	id: 'bytes-per-day-advance',
	label:
		'dashboard: bytes per demo day-advance, 80x24 pty (incremental), median of 10',
	value: ui.dayBytes,
	reference: {label: 'the budget of one day-advance', value: 1000},
	unit: 'bytes',
	ratio: ui.dayBytes / 1000,
	goal: {ratio: 1, atMost: true},
});

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
	recordFigure({
		id: `contacts-vs-health-${server.engine.toLowerCase()}`,
		label: `${label}: POST /v1/contact vs GET /v1/health (one select 1), same server`,
		value: server.contactsPerSecond,
		reference: {label: 'GET /v1/health', value: server.healthPerSecond},
		unit: 'requests/s',
		ratio: server.contactsPerSecond / server.healthPerSecond,
		goal: {ratio: 0.25, atMost: false},
	});
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
