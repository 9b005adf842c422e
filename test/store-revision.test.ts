/**
 * Issue 10 point 4: the compare-and-set write can never spin. A state row whose value is NULL,
 * or whose `revision` is written `1.0`, `1e20` or `9007199254740993` (JavaScript and SQLite's
 * json_extract read those differently), made every command loop forever at 100% CPU, adding a
 * quarantine row at each run. Each row here is written into a real SQLite store, then a real CLI
 * process saves over it under a time bound: it must finish, set the row aside exactly once, and
 * say that the stored state was damaged.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createNamedProbe} from '../source/adapters/hardware-probe.js';
import {openStore} from '../source/adapters/keyv-store.js';
import type {Store, StoreLoad} from '../source/ports/index.js';
import {nextRevision} from '../source/runtime/persistence.js';
import {createRuntime} from '../source/runtime/runtime.js';
import {registerArgs, runCli} from './helpers/cli-process.js';
import {OFFLINE_SERVER} from './helpers/offline-server.js';

let directory: string;
beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'myq-revision-'));
});
afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

/** Runs SQL on the store file as a hand (or a script) editing it would. */
async function sql(file: string, statement: string, ...params: unknown[]) {
	const connection = new KeyvSqlite({uri: `sqlite://${file}`});
	try {
		return await connection.query(statement, ...params);
	} finally {
		await connection.disconnect();
	}
}

async function quarantined(file: string) {
	const store = await openStore(file);
	try {
		return await store.listQuarantine();
	} finally {
		await store.close();
	}
}

/** The stored row, edited so that its revision is written as `text`. */
const DAMAGED_ROWS: {name: string; edit: (file: string) => Promise<unknown>}[] =
	[
		{
			name: 'a state row whose value is NULL',
			edit: (file) =>
				sql(
					file,
					"UPDATE keyv SET value = NULL WHERE key = 'myq-license:state'",
				),
		},
		...['1.0', '1e20', '9007199254740993'].map((text) => ({
			name: `a state row whose revision is written ${text}`,
			edit: (file: string) =>
				sql(
					file,
					`UPDATE keyv SET value = json_set(value, '$.revision', 0) WHERE key = 'myq-license:state'`,
				).then(() =>
					sql(
						file,
						`UPDATE keyv SET value = replace(value, '"revision":0', '"revision":${text}') WHERE key = 'myq-license:state'`,
					),
				),
		})),
	];

describe('store-revision-spins: a save over a row the store and the program read differently ends (issue 10 point 4)', () => {
	for (const [index, row] of DAMAGED_ROWS.entries()) {
		it(`${row.name}: a CLI save finishes, quarantines it once and reports a damaged state`, async () => {
			// Given a registered installation whose state row was then edited by hand
			const file = path.join(directory, `damaged-${index}.sqlite`);
			const store = ['--store', `sqlite://${file}`];
			expect((await runCli([...store, ...registerArgs()])).code).toBe(0);
			await row.edit(file);

			// When two commands that save run on it, each in its own process under a time bound
			const first = await runCli([...store, ...registerArgs()]);
			const second = await runCli([...store, ...registerArgs()]);

			// Then both end as a save does, the row is set aside once, and the state says why
			expect(first.code, first.stderr).toBe(0);
			expect(second.code, second.stderr).toBe(0);
			expect(await quarantined(file)).toHaveLength(1);
			const status = await runCli([...store, 'status', '--json']);
			expect(status.code, status.stderr).toBe(0);
			expect(JSON.parse(status.stdout)).toMatchObject({
				state: 'stopped',
				banners: [{id: 'license-problem'}],
			});
			const opened = await openStore(file);
			try {
				const loaded = await opened.load();
				expect(loaded.kind).toBe('loaded');
				const saved = (loaded as {value: {state: {log: {code?: string}[]}}})
					.value;
				expect(
					saved.state.log.filter((entry) => entry.code === 'document-rejected'),
				).toHaveLength(1);
			} finally {
				await opened.close();
			}
		});
	}

	it('a revision written 1 is the same revision as SQLite reads it: loaded, compared and saved over', async () => {
		const file = path.join(directory, 'plain.sqlite');
		const store = ['--store', `sqlite://${file}`];
		expect((await runCli([...store, ...registerArgs()])).code).toBe(0);
		expect((await runCli([...store, ...registerArgs()])).code).toBe(0);
		expect(await quarantined(file)).toEqual([]);
		const rows = (await sql(
			file,
			"SELECT json_extract(value, '$.revision') AS revision FROM keyv WHERE key = 'myq-license:state'",
		)) as {revision: number}[];
		expect(rows[0]?.revision).toBeGreaterThan(1);
	});
});

describe('store-refuses-every-save: a store that never agrees cannot make the runtime spin', () => {
	/** A store whose compare-and-set refuses every write and whose row never changes. */
	function stubbornStore(): Store & {
		quarantined: unknown[];
		saved: unknown[];
		refusals: number;
	} {
		const load: StoreLoad = {kind: 'empty'};
		return {
			quarantined: [],
			saved: [],
			refusals: 0,
			async load() {
				return load;
			},
			async save(value) {
				this.saved.push(value);
			},
			async saveIfRevision() {
				this.refusals += 1;
				// A real store answers on a later turn of the event loop: so the runner's timeout can
				// still fire should the runtime ask forever.
				await new Promise((resolve) => setImmediate(resolve));
				return false;
			},
			async quarantine(_label, value) {
				this.quarantined.push(value);
			},
			async close() {},
		};
	}

	it('the row is set aside once, a plain write replaces it, then the save fails with a message instead of looping', async () => {
		const store = stubbornStore();
		const runtime = createRuntime({
			clock: {
				now: () => Date.UTC(2027, 0, 4, 9),
				setTimeout: () => 0,
				clearTimeout: () => undefined,
			},
			server: OFFLINE_SERVER,
			hardware: createNamedProbe('server-a'),
			store,
			schedule: false,
			contactOnStart: false,
		});
		await runtime.start().catch(() => undefined);
		const saving = runtime.save(
			{
				company: 'Acme',
				person: 'Jane Roe',
				address: '1 Rue X',
				country: 'FR',
				email: 'it@acme.test',
			},
			'',
		);
		await expect(saving).rejects.toThrow(/refuses every save/);
		expect(store.quarantined).toHaveLength(1);
		expect(store.saved).toHaveLength(1);
		expect(store.refusals).toBeLessThanOrEqual(3);
	});

	it('the revision after 2^53 - 1 starts again at 1, so a written revision always reads back exact', () => {
		expect(nextRevision(-2)).toBe(1);
		expect(nextRevision(-1)).toBe(1);
		expect(nextRevision(41)).toBe(42);
		expect(nextRevision(Number.MAX_SAFE_INTEGER - 1)).toBe(
			Number.MAX_SAFE_INTEGER,
		);
		expect(nextRevision(Number.MAX_SAFE_INTEGER)).toBe(1);
	});
});
