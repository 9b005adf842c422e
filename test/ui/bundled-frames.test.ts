/**
 * The dashboard the bin runs (the esbuild bundle, with Ink's Output and widest-line swapped for
 * source/ui/ink-output.ts's and ink-widest-line.ts's: issue 16, keystroke to frame) draws the
 * same frames as the dashboard drawn by Ink from node_modules: Settings > License with 300
 * licenses of every status, scrolled, paged, keys shown whole, at 120×40 and 80×24, with colour
 * and without. The bundle's files are found as the bench finds them (dist/bundle-meta.json:
 * `npm test` builds first).
 */
import {EventEmitter} from 'node:events';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {pathToFileURL} from 'node:url';
import {describe, expect, it} from 'vitest';
import {installationWith} from '../../bench/engine.js';
import {evaluate} from '../../source/engine/evaluate.js';
import type {DashboardSource} from '../../source/ui/dashboard-source.js';

const DAY = 86_400_000;

function bundled(input: string): string {
	const meta = JSON.parse(
		readFileSync(path.resolve('dist/bundle-meta.json'), 'utf8'),
	) as {outputs: Record<string, {entryPoint?: string}>};
	const found = Object.entries(meta.outputs).find(
		([, output]) => output.entryPoint === input,
	);
	if (!found) throw new Error(`the bundle has no file for ${input}`);
	return pathToFileURL(path.resolve(found[0])).href;
}

type Kit = {
	render: typeof import('ink')['render'];
	React: typeof import('react');
	Root: typeof import('../../source/ui/root.js')['Root'];
	App: typeof import('../../source/ui/app.js')['App'];
	chalk: {level: number};
};

async function bundleKit(): Promise<Kit> {
	const [{render}, {default: React}, {Root}, {App}, {default: chalk}] =
		await Promise.all([
			import(bundled('node_modules/ink/build/index.js')),
			import(bundled('node_modules/react/index.js')),
			import(bundled('source/ui/root.tsx')),
			import(bundled('source/ui/app.tsx')),
			import(bundled('node_modules/chalk/source/index.js')),
		]);
	return {render, React, Root, App, chalk};
}

async function sourceKit(): Promise<Kit> {
	const [{render}, React, {Root}, {App}, {default: chalk}] = await Promise.all([
		import('ink'),
		import('react'),
		import('../../source/ui/root.js'),
		import('../../source/ui/app.js'),
		import('chalk'),
	]);
	return {render, React, Root, App, chalk};
}

class Stdout extends EventEmitter {
	readonly isTTY = true;
	last = '';
	writes = 0;
	constructor(
		readonly columns: number,
		readonly rows: number,
	) {
		super();
	}
	write = (text: string) => {
		this.last = text;
		this.writes++;
		return true;
	};
}

class Stdin extends EventEmitter {
	readonly isTTY = true;
	private data: string | null = null;
	write(data: string) {
		this.data = data;
		this.emit('readable');
	}
	read = () => {
		const {data} = this;
		this.data = null;
		return data;
	};
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

/** 300 licenses, 100 days on: active, renewing, expired (the Why column and its colours). */
function licenseSource(): DashboardSource {
	const state = {
		...installationWith(300),
		customer: {
			company: 'Acme',
			person: 'Jane Roe',
			address: '1 Rue X',
			country: 'FR',
			email: 'it@acme.test',
		},
	};
	const snapshot = {
		state,
		evaluation: evaluate(state, state.startedAt + 100 * DAY),
	};
	const view = {
		now: snapshot.evaluation.now,
		snapshot,
		demo: null,
		demoKeys: [],
	};
	return {
		isDemo: false,
		view: () => view,
		subscribe: () => () => {},
		runtime: () => {
			throw new Error('no command is sent');
		},
		demo: null,
		offlinePortal: null,
		vendorTrust: null,
		dispose: async () => {},
	} as unknown as DashboardSource;
}

const DOWN = '\u001B[B';
const KEYS = [
	'2',
	...Array.from({length: 5}, () => '\t'),
	...Array.from({length: 12}, () => DOWN),
	'\u001B[6~',
	DOWN,
	'f',
	DOWN,
	'\u001B[6~',
	'\u001B[5~',
	'G',
	'f',
	'\u001B[A',
];

/** The frame written after each key (Ink's debug mode: each frame whole, no throttle). */
async function framesOf(
	kit: Kit,
	size: {columns: number; rows: number},
	isColor: boolean,
): Promise<string[]> {
	kit.chalk.level = isColor ? 3 : 0;
	const stdout = new Stdout(size.columns, size.rows);
	const stdin = new Stdin();
	const source = licenseSource();
	const {App} = kit;
	const instance = kit.render(
		kit.React.createElement(kit.Root, {
			lang: 'en',
			theme: {isColor, timeZone: 'UTC'},
			start: async () => ({App, source}),
			columns: size.columns,
			rows: size.rows,
			isDemo: false,
		}),
		{
			stdout: stdout as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream,
			stderr: stdout as unknown as NodeJS.WriteStream,
			debug: true,
			exitOnCtrlC: false,
			patchConsole: false,
		},
	);
	/** Until no frame has come for a while: the key's last frame is drawn. */
	const quiet = async () => {
		let seen = -1;
		while (seen !== stdout.writes) {
			seen = stdout.writes;
			await sleep(40);
		}
	};
	try {
		await quiet();
		const frames = [stdout.last];
		for (const key of KEYS) {
			stdin.write(key);
			await quiet();
			frames.push(stdout.last);
		}
		return frames;
	} finally {
		instance.unmount();
		instance.cleanup();
	}
}

describe("issue 16: the bundle's Ink draws the dashboard as Ink does", () => {
	for (const [size, isColor] of [
		[{columns: 120, rows: 40}, true],
		[{columns: 80, rows: 24}, false],
	] as const) {
		it(`Settings > License, 300 licenses, ${size.columns}x${size.rows}, ${isColor ? 'colour' : 'no colour'}: the same frames`, async () => {
			const [bundle, source] = await Promise.all([bundleKit(), sourceKit()]);
			const expected = await framesOf(source, size, isColor);
			const actual = await framesOf(bundle, size, isColor);
			// The table was reached and scrolled, in colour when asked.
			expect(expected.at(-1)).toContain('of 300');
			expect(expected.at(-1)!.includes('\u001B[')).toBe(isColor);
			expect(actual).toEqual(expected);
		}, 60_000);
	}
});
