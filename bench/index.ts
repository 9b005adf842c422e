/**
 * `npm run bench`: the figures we watch. Speed is measured here, never asserted in tests.
 */
import {benchStatus} from './cli.js';
import {benchEngine} from './engine.js';
import {benchBareRoundTrips, benchEngineOnly, benchFullReplay} from './simulation.js';

function print(label: string, value: string) {
	process.stdout.write(`${label.padEnd(62)} ${value}\n`);
}

const format = (value: number, digits = 0) => value.toLocaleString('en', {maximumFractionDigits: digits, minimumFractionDigits: digits});

const engine = benchEngine();
print('engine: evaluate() with 1,000 licenses', `${format(engine.evaluationsPerSecond)} evaluations/s`);
print('engine: step() with 1,000 licenses (two evaluations each)', `${format(engine.stepsPerSecond)} steps/s`);

// Warm up once (module loading, JIT), then measure.
await benchBareRoundTrips(200);
const bare = await benchBareRoundTrips();
const replay = await benchFullReplay();
const engineOnly = benchEngineOnly();
print('simulation: ten years (3,650 days) full replay', `${format(replay.ms)} ms (${format(replay.days / (replay.ms / 1000))} simulated days/s)`);
print('simulation: 3,650 bare MSW getResponse round trips', `${format(bare.ms)} ms`);
print('simulation: engine alone, same timeline', `${format(engineOnly.ms)} ms`);
print('simulation: full replay / bare round trips (goal <= 2)', format(replay.ms / bare.ms, 2));
print('simulation: non-transport (replay - bare) / bare (goal <= 1)', format((replay.ms - bare.ms) / bare.ms, 2));

const cli = benchStatus();
print('cli: status --json (median of 15)', `${format(cli.statusMs)} ms`);
print('cli: node -e 0 (median of 15)', `${format(cli.nodeMs)} ms`);
print('cli: status --json / node -e 0 (goal <= 1.5)', format(cli.statusMs / cli.nodeMs, 2));
