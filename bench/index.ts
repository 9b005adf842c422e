/**
 * `npm run bench`: the figures we watch. Speed is measured here, never asserted in tests.
 */
import {benchEngine} from './engine.js';

function print(label: string, value: string) {
	process.stdout.write(`${label.padEnd(58)} ${value}\n`);
}

const engine = benchEngine();
print('engine: evaluate() with 1,000 licenses', `${Math.round(engine.evaluationsPerSecond).toLocaleString('en')} evaluations/s`);
print('engine: step() with 1,000 licenses (two evaluations each)', `${Math.round(engine.stepsPerSecond).toLocaleString('en')} steps/s`);
