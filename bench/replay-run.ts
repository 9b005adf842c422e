/**
 * One whole-process run of the replay figure (bench/simulation.ts benchReplayFigure): warms both
 * up with a whole run of each, then times 3,650 bare MSW round trips, the one-day run and the ten-year run, and the bare
 * round trips again (their mean is the reference: the machine's speed drifts), in this process.
 * Prints one JSON line.
 */
import {benchBareRoundTrips, benchFullReplay} from './simulation.js';

// Both warmed up whole first (module loading, JIT), as a long-running simulator is.
await benchBareRoundTrips();
await benchFullReplay();
await benchFullReplay(1);
const bareBefore = (await benchBareRoundTrips()).ms;
const oneDay = (await benchFullReplay(1)).ms;
const tenYears = (await benchFullReplay()).ms;
const bareAfter = (await benchBareRoundTrips()).ms;
process.stdout.write(
	`${JSON.stringify({bare: (bareBefore + bareAfter) / 2, oneDay, tenYears})}\n`,
);
