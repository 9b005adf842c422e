/**
 * The default demo's scenario, compiled at build time (issue 16): fixtures/demo.yaml read and
 * checked as `simulate` would, written to dist/demo-scenario.json with the SHA-256 of the YAML.
 * `npm start` then opens the Home without loading the YAML parser or checking the file again;
 * the demo reads the YAML itself whenever its hash no longer matches (simulator/demo.ts).
 * Run by `npm run build`, after tsc.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {
	COMPILED_DEMO_SCENARIO,
	DEFAULT_DEMO_SCENARIO,
	scenarioHash,
} from '../dist/simulator/demo.js';
import {loadScenario} from '../dist/simulator/scenario/index.js';

const scenario = await loadScenario(DEFAULT_DEMO_SCENARIO);
writeFileSync(
	COMPILED_DEMO_SCENARIO,
	`${JSON.stringify({
		sha256: scenarioHash(readFileSync(DEFAULT_DEMO_SCENARIO)),
		scenario,
	})}\n`,
);
