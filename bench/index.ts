/**
 * `npm run bench`: the figures we watch. Speed is measured here, never asserted in tests.
 */
import {benchStatus} from './cli.js';
import {benchEngine} from './engine.js';
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
print(
	'simulation: full replay / bare round trips (goal <= 2)',
	format(replay.ms / bare.ms, 2),
);
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
print('cli: status --json (median of 15)', `${format(cli.statusMs)} ms`);
print('cli: node -e 0 (median of 15)', `${format(cli.nodeMs)} ms`);
print(
	'cli: status --json / node -e 0 (goal <= 1.5)',
	format(cli.statusMs / cli.nodeMs, 2),
);
print(
	'cli: minimal meow CLI, one flag, one JSON line (median of 15)',
	`${format(cli.minimalMeowMs)} ms`,
);
print(
	"cli: meow's start-up cost (minimal meow CLI - node -e 0)",
	`${format(cli.minimalMeowMs - cli.nodeMs)} ms`,
);
print(
	'cli: status --json / minimal meow CLI',
	format(cli.statusMs / cli.minimalMeowMs, 2),
);

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
print(
	'minimal Ink app: time to first frame, same method',
	`${format(ui.minimalInkFirstFrameMs)} ms`,
);
print(
	'dashboard: time to the full Home screen (simulator started)',
	`${format(ui.firstContentMs)} ms`,
);
print(
	'dashboard: keystroke to frame, 1,000 licenses, 120x40 (goal 16)',
	`${format(ui.keystrokeMedianMs, 1)} ms median, ${format(ui.keystrokeP95Ms, 1)} ms p95`,
);
print(
	'dashboard: keystroke to frame, 80x24',
	`${format(ui.keystroke80x24MedianMs, 1)} ms median`,
);
print(
	'dashboard: bytes per demo day-advance, 80x24 pty (incremental)',
	`${format(ui.dayBytes)} bytes median of 10`,
);
print(
	'dashboard: the same, every frame drawn whole',
	`${format(ui.dayBytesWhole)} bytes median of 10`,
);

for (const server of await benchLicenseServer()) {
	const label = `license server on ${server.engine}`;
	print(
		`${label}: POST /v1/contact`,
		`${format(server.contactsPerSecond)} contacts/s`,
	);
	print(
		`${label}: GET /v1/health (one select 1)`,
		`${format(server.healthPerSecond)} /s`,
	);
	print(
		`${label}: GET /v1/public-key (no database)`,
		`${format(server.publicKeyPerSecond)} /s`,
	);
	print(
		`${label}: contacts / health (goal >= 0.25)`,
		format(server.contactsPerSecond / server.healthPerSecond, 3),
	);
	print(
		`${label}: contacts / public-key`,
		format(server.contactsPerSecond / server.publicKeyPerSecond, 3),
	);
}
