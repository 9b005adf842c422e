/**
 * Crash safety (issue 6): a MyQ server process is killed with SIGKILL while it saves, again and
 * again. The store must always open to a whole, valid state holding at least everything the
 * process acknowledged.
 */
import {spawn} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {openStore} from '../source/adapters/keyv-store.js';
import {parseStoredRecord} from '../source/runtime/stored-record.js';

const WRITER = path.resolve('test/helpers/store-writer.mjs');
const TRIALS = 25;

let directory: string;
beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'myq-crash-'));
});
afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

/**
 * Starts the writer, kills it with SIGKILL after `delay` ms of saving; returns the saves it
 * acknowledged, in order (the customer saved as "Acme N", N one more each save, across runs: a
 * save is a whole write of the state whatever it changes, and this one has no limit, where
 * pending keys stop at one activation's worth).
 */
function killWhileSaving(storeUrl: string, delay: number): Promise<string[]> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [
			WRITER,
			storeUrl,
			'100000',
			'customer',
		]);
		const acknowledged: string[] = [];
		let buffer = '';
		let timer: NodeJS.Timeout | undefined;
		child.stdout.on('data', (chunk: Buffer) => {
			buffer += chunk.toString();
			const lines = buffer.split('\n');
			buffer = lines.pop() ?? '';
			for (const line of lines) {
				const key = /^saved \d+ (\S+)$/.exec(line)?.[1];
				if (key) {
					acknowledged.push(key);
					// Start the countdown once it is saving for real.
					timer ??= setTimeout(() => child.kill('SIGKILL'), delay);
				}
			}
		});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		child.on('exit', (_code, signal) => {
			clearTimeout(timer);
			if (signal === 'SIGKILL') {
				resolve(acknowledged);
			} else {
				reject(new Error(`the writer ended by itself: ${stderr}`));
			}
		});
	});
}

it(`a store killed while saving ${TRIALS} times always opens to the last good state`, async () => {
	const storeUrl = `sqlite://${path.join(directory, 'crash.sqlite')}`;
	let saves = 0;
	for (let trial = 0; trial < TRIALS; trial++) {
		// Given a writer saving as fast as it can, when it is killed at some moment,
		const acknowledged = await killWhileSaving(
			storeUrl,
			5 + ((trial * 37) % 120),
		);
		saves += acknowledged.length;
		const last = Number(acknowledged.at(-1)?.split('-')[1] ?? 0);
		// then the store opens, holds a whole valid state, and loses nothing acknowledged.
		const store = await openStore(storeUrl);
		try {
			const loaded = await store.load();
			expect(loaded.kind).toBe('loaded');
			const record =
				loaded.kind === 'loaded' ? parseStoredRecord(loaded.value) : null;
			expect(
				record,
				`trial ${trial}: the stored state does not parse`,
			).not.toBeNull();
			// The last save acknowledged, or one after it that reached the disk before the kill
			const stored = Number(
				/^Acme (\d+)$/.exec(record!.state.customer?.company ?? '')?.[1] ?? 0,
			);
			expect(
				stored,
				`trial ${trial}: an acknowledged save lost`,
			).toBeGreaterThanOrEqual(last);
			expect(await store.listQuarantine()).toEqual([]);
		} finally {
			await store.close();
		}
	}
	expect(saves).toBeGreaterThan(TRIALS);
}, 120_000);
