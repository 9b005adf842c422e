/**
 * Issue 16, the whole Home before a plain Ink app: `npm start` opens the default demo from the
 * scenario the build compiled (dist/demo-scenario.json, with the SHA-256 of fixtures/demo.yaml),
 * so the YAML parser is not even loaded. The compiled scenario is only ever the YAML's own: an
 * edited YAML, a missing or broken build output, and the YAML is read and checked as any file.
 */
import {copyFile, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
	COMPILED_DEMO_SCENARIO,
	DEFAULT_DEMO_SCENARIO,
	loadDefaultScenario,
	scenarioHash,
} from '../simulator/demo.js';
import {loadScenario, ScenarioError} from '../simulator/scenario/index.js';

type Metafile = {
	outputs: Record<
		string,
		{inputs: Record<string, unknown>; imports: {path: string; kind: string}[]}
	>;
};

let directory: string;
beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'myq-demo-scenario-'));
});
afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

describe("the default demo's compiled scenario", () => {
	it('the build compiled fixtures/demo.yaml: the same scenario, tied to its text', async () => {
		const compiled = JSON.parse(
			await readFile(COMPILED_DEMO_SCENARIO, 'utf8'),
		) as {sha256: string; scenario: unknown};
		expect(compiled.sha256).toBe(
			scenarioHash(await readFile(DEFAULT_DEMO_SCENARIO)),
		);
		expect(compiled.scenario).toEqual(
			await loadScenario(DEFAULT_DEMO_SCENARIO),
		);
		expect(await loadDefaultScenario()).toEqual(compiled.scenario);
	});

	it('a demo.yaml edited since the build is read again, not the stale compiled one', async () => {
		const yaml = path.join(directory, 'edited.yaml');
		const text = await readFile(DEFAULT_DEMO_SCENARIO, 'utf8');
		expect(text).toMatch(/^name: .+$/m);
		await writeFile(
			yaml,
			text.replace(/^name: .+$/m, 'name: Edited after the build'),
		);
		const scenario = await loadDefaultScenario(yaml, COMPILED_DEMO_SCENARIO);
		expect(scenario.name).toBe('Edited after the build');
	});

	it('no build output, or a broken one: the YAML is read', async () => {
		const yaml = path.join(directory, 'demo.yaml');
		await copyFile(DEFAULT_DEMO_SCENARIO, yaml);
		const expected = await loadScenario(yaml);
		expect(
			await loadDefaultScenario(yaml, path.join(directory, 'missing.json')),
		).toEqual(expected);
		const broken = path.join(directory, 'broken.json');
		await writeFile(broken, '{"sha256": ');
		expect(await loadDefaultScenario(yaml, broken)).toEqual(expected);
		// The right hash with no scenario beside it vouches for nothing.
		const empty = path.join(directory, 'empty.json');
		await writeFile(
			empty,
			JSON.stringify({sha256: scenarioHash(await readFile(yaml))}),
		);
		expect(await loadDefaultScenario(yaml, empty)).toEqual(expected);
	});

	it('a broken demo.yaml is said as any scenario file is, whatever was compiled', async () => {
		const yaml = path.join(directory, 'bad.yaml');
		await writeFile(yaml, 'name: Bad\ndays: many\n');
		await expect(
			loadDefaultScenario(yaml, COMPILED_DEMO_SCENARIO),
		).rejects.toBeInstanceOf(ScenarioError);
	});

	it("the demo's file of the bundle does not load the YAML parser before the Home (it loads it for another scenario)", async () => {
		const meta = JSON.parse(
			await readFile('dist/bundle-meta.json', 'utf8'),
		) as Metafile;
		const holding = (input: string) =>
			Object.entries(meta.outputs)
				.filter(([, output]) =>
					Object.keys(output.inputs).some((each) => each.startsWith(input)),
				)
				.map(([file]) => file);
		const [demo] = holding('simulator/demo.ts');
		const loaded = new Set<string>();
		const visit = (file: string) => {
			if (loaded.has(file) || !meta.outputs[file]) return;
			loaded.add(file);
			for (const each of meta.outputs[file].imports)
				if (each.kind === 'import-statement') visit(each.path);
		};
		visit(demo!);
		const yaml = holding('node_modules/yaml/');
		expect(yaml.length).toBeGreaterThan(0);
		expect([...loaded].filter((file) => yaml.includes(file))).toEqual([]);
		// The check can fail: the YAML parser is reachable from the demo lazily.
		const lazy = new Set<string>();
		const visitAll = (file: string) => {
			if (lazy.has(file) || !meta.outputs[file]) return;
			lazy.add(file);
			for (const each of meta.outputs[file].imports) visitAll(each.path);
		};
		visitAll(demo!);
		expect([...lazy].some((file) => yaml.includes(file))).toBe(true);
	});
});
