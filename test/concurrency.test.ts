/**
 * Concurrent use (issue 6): a long-lived MyQ runtime (as the dashboard runs it) and another
 * process saving on the same store at the same time lose no write, and both show the same
 * state afterwards.
 */
import {execFile, spawn} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, expect, it, vi} from 'vitest';
import {createNamedProbe} from '../source/adapters/hardware-probe.js';
import {type KeyvStore, openStore} from '../source/adapters/keyv-store.js';
import {createSystemClock} from '../source/adapters/system-clock.js';
import {mintKey} from '../source/engine/keys.js';
import type {LicenseServer} from '../source/ports/index.js';
import {createRuntime, type Runtime} from '../source/runtime/runtime.js';

const WRITER = path.resolve('test/helpers/store-writer.mjs');
const CLI = path.resolve('dist/source/cli.js');
const offline: LicenseServer = {
	activate: async () => ({
		ok: false,
		failure: {kind: 'network', message: 'offline'},
	}),
	contact: async () => ({
		ok: false,
		failure: {kind: 'network', message: 'offline'},
	}),
};

let directory: string;
let store: KeyvStore;
let runtime: Runtime;
let storeUrl: string;

beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'myq-concurrent-'));
	storeUrl = `sqlite://${path.join(directory, 'shared.sqlite')}`;
	store = await openStore(storeUrl);
	runtime = createRuntime({
		clock: createSystemClock(),
		server: offline,
		hardware: createNamedProbe('server-a'),
		store,
		contactOnStart: false,
		watchInterval: 50,
	});
	await runtime.start();
	await runtime.save(
		{
			company: 'Acme',
			person: 'Jane Roe',
			address: 'x',
			country: 'FR',
			email: 'a@b.test',
		},
		'',
	);
});

afterAll(async () => {
	await runtime?.stop();
	await store?.close();
	await rm(directory, {recursive: true, force: true});
});

function writer(count: number): {
	saving: Promise<void>;
	done: Promise<string[]>;
} {
	let isSaving: () => void = () => undefined;
	const saving = new Promise<void>((resolve) => {
		isSaving = resolve;
	});
	const done = new Promise<string[]>((resolve, reject) => {
		const child = spawn(process.execPath, [WRITER, storeUrl, String(count)]);
		let output = '';
		let errors = '';
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			isSaving();
		});
		child.stderr.on('data', (chunk: Buffer) => {
			errors += chunk.toString();
		});
		child.on('exit', (code) =>
			code === 0
				? resolve(
						[...output.matchAll(/^saved \d+ (\S+)$/gm)].map(
							(match) => match[1]!,
						),
					)
				: reject(new Error(errors)),
		);
	});
	return {saving, done};
}

it('the dashboard runtime and another process adding keys at the same time lose no write and agree', async () => {
	// Given another process adding 60 keys, while this one adds 40 of its own (100 in all, as
	// many as wait for one activation),
	const theirs = writer(60);
	await theirs.saving;
	const ours: string[] = [];
	for (let index = 0; index < 40; index++) {
		const key = mintKey('license', (size) => randomBytes(size));
		const outcome = await runtime.save(null, key);
		expect(outcome.ok).toBe(true);
		ours.push(key);
	}
	const theirKeys = await theirs.done;
	expect(theirKeys).toHaveLength(60);

	// then this runtime sees all 100 (it watches the store),
	const expected = [...ours, ...theirKeys].sort();
	await vi.waitFor(() => {
		expect(
			runtime
				.snapshot()
				.state.pending.map((pending) => pending.key)
				.sort(),
		).toEqual(expected);
	});

	// and a CLI reading the store shows the same.
	const {stdout} = await promisify(execFile)(process.execPath, [
		CLI,
		'status',
		'--json',
		'--store',
		storeUrl,
	]);
	const status = JSON.parse(stdout) as {
		licenses: {key: string; status: string}[];
	};
	expect(status.licenses.map((license) => license.key).sort()).toEqual(
		expected,
	);
}, 60_000);
