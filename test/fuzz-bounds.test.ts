/**
 * Issue 10 acceptance: fuzzing (fast-check) extended to stored-state rows (any JSON, any
 * `revision`, NULL, text that is no JSON), server replies of any size and shape, and terminal
 * text. No hang: each generated case runs under a bound of its own (`bounded`), on top of the
 * test runner's timeout; no raw control character reaches an output; nothing is thrown but our
 * typed errors. The run count of each property is in its name; the total is printed once the
 * file has run (the closing note of issue 10 gives them).
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type KeyvSqlite from '@keyv/sqlite';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {renderSimulation} from '../simulator/report.js';
import {runScenario} from '../simulator/runner.js';
import {
	parseScenario,
	SCENARIO_LIMITS,
	ScenarioError,
} from '../simulator/scenario/index.js';
import {INPUT_LIMITS} from '../source/adapters/bounded-read.js';
import {createNamedProbe} from '../source/adapters/hardware-probe.js';
import {createHttpLicenseServer} from '../source/adapters/http-license-server.js';
import {
	type KeyvStore,
	openStore,
	StoreError,
} from '../source/adapters/keyv-store.js';
import {jsonText} from '../source/commands/report.js';
import {mintKey} from '../source/engine/keys.js';
import {
	isPrintable,
	safeText,
	terminalText,
	visible,
} from '../source/engine/safe-text.js';
import {LOG_CODES, type LogEntry} from '../source/engine/types.js';
import {formatLogEntry, t} from '../source/i18n/index.js';
import {renderOutcome} from '../source/i18n/outcome.js';
import type {Clock, Failure} from '../source/ports/index.js';
import {revisionOf, storedRevision} from '../source/ports/index.js';
import {createRuntime} from '../source/runtime/runtime.js';
import {parseStoredRecord} from '../source/runtime/stored-record.js';
import {
	exportPublicKey,
	generateVendorKeyPair,
	importPublicKey,
} from '../source/signing/index.js';
import {RAW_BUT_LINES, runCli} from './helpers/cli-process.js';
import {OFFLINE_SERVER} from './helpers/offline-server.js';
import {CUSTOMER} from './helpers/world.js';

/** Runs per property, summed up for the closing note. */
const runs = new Map<string, number>();
async function check<T>(
	name: string,
	numRuns: number,
	property: fc.IAsyncProperty<T> | fc.IProperty<T>,
): Promise<void> {
	await fc.assert(property as fc.IAsyncProperty<T>, {numRuns});
	runs.set(name, numRuns);
}

/** One generated case may take this long; past it, it hangs, and the property fails with it. */
const CASE_BOUND_MS = 5_000;
async function bounded<T>(what: string, work: Promise<T>): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const hang = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(
			() => reject(new Error(`${what} did not end within ${CASE_BOUND_MS} ms`)),
			CASE_BOUND_MS,
		);
	});
	try {
		return await Promise.race([work, hang]);
	} finally {
		clearTimeout(timer);
	}
}

const MiB = 1024 * 1024;
const NOW = Date.UTC(2027, 0, 4, 9);
const clock: Clock = {
	now: () => NOW,
	setTimeout: () => 0,
	clearTimeout: () => undefined,
};

/** Text of every kind: controls, lone surrogates, bidi controls, wide and combining characters. */
const anyCharacter = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.string({unit: 'binary', minLength: 1, maxLength: 1}),
	},
	{
		weight: 1,
		arbitrary: fc.string({unit: 'grapheme', minLength: 1, maxLength: 1}),
	},
	{
		weight: 2,
		arbitrary: fc
			.integer({min: 0, max: 0x9f})
			.filter((code) => code < 0x20 || code >= 0x7f)
			.map((code) => String.fromCharCode(code)),
	},
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			'\x1b[2J',
			'\x1b]0;title\x07',
			'\x1b]8;;http://x\x07',
			'\u202e',
			'\u2066',
			'\u2028',
			'\u0301',
			'株',
			'😀',
		),
	},
	{
		weight: 1,
		arbitrary: fc
			.integer({min: 0xd800, max: 0xdfff})
			.map((code) => String.fromCharCode(code)),
	},
);
const anyText = (maxLength: number) =>
	fc.string({unit: anyCharacter, maxLength});

let directory: string;
beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'myq-fuzz-bounds-'));
});

// ---------------------------------------------------------------------------------------------

describe('fuzz: stored-state rows never make a save spin (issue 10 point 4)', () => {
	let store: KeyvStore;
	let sql: KeyvSqlite;
	/** A state row as the runtime writes it, with its revision at `"revision":1`. */
	let realRow: string;

	const key = 'myq-license:state';
	async function writeRow(value: unknown) {
		await sql.query(
			'INSERT INTO keyv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
			key,
			value,
		);
	}

	/** A runtime as one CLI command opens it: no schedule, no contact at start. */
	const commandRuntime = () =>
		createRuntime({
			clock,
			server: OFFLINE_SERVER,
			hardware: createNamedProbe('server-a'),
			store,
			schedule: false,
			contactOnStart: false,
		});

	beforeAll(async () => {
		const file = path.join(directory, 'rows.sqlite');
		store = await openStore(`sqlite://${file}`, {now: () => NOW});
		sql = store.raw.store as KeyvSqlite;
		const runtime = commandRuntime();
		await runtime.start();
		await runtime.save(CUSTOMER, '');
		await runtime.stop();
		const loaded = await store.load();
		if (loaded.kind !== 'loaded') throw new Error('no state');
		realRow = JSON.stringify({
			...(loaded.value as object),
			revision: 1,
		});
	});
	afterAll(async () => {
		await store?.close();
	});

	/** How a revision may be written in JSON: the ones that disagreed, and any number at all. */
	const revisionText = fc.oneof(
		fc.constantFrom(
			'1.0',
			'1e20',
			'9007199254740993',
			'9007199254740992',
			'9007199254740991',
			'-0',
			'0.0',
			'1E0',
			'1e-400',
			'1e400',
			'-1',
			'-2',
			'0.5',
			'12345678901234567890123',
			'"3"',
			'null',
			'true',
			'[]',
			'{}',
		),
		fc.integer({min: -3, max: 2 ** 31}).map(String),
		fc
			.double({noNaN: true, noDefaultInfinity: true})
			.map((value) => JSON.stringify(value)),
		fc.bigInt({min: -(2n ** 70n), max: 2n ** 70n}).map(String),
	);

	/** A stored row: a real state with its revision rewritten, any JSON, NULL, bytes, no JSON. */
	const row = fc.oneof(
		{
			weight: 4,
			arbitrary: revisionText.map((text) =>
				realRow.replace('"revision":1', `"revision":${text}`),
			),
		},
		// The revision written twice: JavaScript keeps the last, SQLite reads the first.
		{
			weight: 2,
			arbitrary: fc
				.tuple(revisionText, revisionText)
				.map(([a, b]) =>
					realRow.replace('"revision":1', `"revision":${a},"revision":${b}`),
				),
		},
		// An escaped key: the same member to JavaScript, maybe not to SQLite.
		{
			weight: 1,
			arbitrary: revisionText.map((text) =>
				realRow.replace('"revision":1', `"re\\u0076ision":${text}`),
			),
		},
		{
			weight: 2,
			arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)),
		},
		{
			weight: 2,
			arbitrary: fc
				.tuple(
					fc.dictionary(fc.string(), fc.jsonValue(), {maxKeys: 4}),
					revisionText,
				)
				.map(
					([object, text]) =>
						`{"revision":${text}${Object.keys(object).length > 0 ? `,${JSON.stringify(object).slice(1)}` : '}'}`,
				),
		},
		{weight: 1, arbitrary: fc.constant(null)},
		{weight: 1, arbitrary: anyText(200)},
		{
			weight: 1,
			arbitrary: fc
				.uint8Array({maxLength: 64})
				.map((bytes) => Buffer.from(bytes)),
		},
		{weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({noNaN: true}))},
		// Nested deeper than SQLite's JSON reader goes.
		{
			weight: 1,
			arbitrary: fc
				.integer({min: 900, max: 3000})
				.map((depth) => `${'['.repeat(depth)}1${']'.repeat(depth)}`),
		},
	);

	it('400 rows: a CLI-like command (start, save a key) ends, leaves a record both sides read alike, and quarantines at most once', async () => {
		await check(
			'store rows: any JSON, any revision, NULL',
			400,
			fc.asyncProperty(row, async (value) => {
				// Given the state row written as a hand (or a broken program) would
				await writeRow(value);
				const before = (await store.listQuarantine()).length;
				const runtime = commandRuntime();
				// When a command starts and saves, each step bounded in time
				try {
					await bounded('start', runtime.start());
					const saved = await bounded(
						'save',
						runtime.save(
							CUSTOMER,
							mintKey('license', (size) => Buffer.alloc(size, 3)),
						),
					);
					expect(saved.ok).toBe(true);
				} catch (error) {
					// Only our typed errors may come out of the store.
					expect(error).toBeInstanceOf(StoreError);
				} finally {
					await bounded(
						'stop',
						runtime.stop().catch(() => undefined),
					);
				}
				// Then the row is a record, its revision read alike by SQLite and JavaScript
				const loaded = await store.load();
				expect(loaded.kind).toBe('loaded');
				if (loaded.kind === 'loaded') {
					expect(parseStoredRecord(loaded.value)).not.toBeNull();
					expect(storedRevision(loaded)).toBe(revisionOf(loaded.value));
				}
				// and what could not be read was set aside once at most
				expect(
					(await store.listQuarantine()).length - before,
				).toBeLessThanOrEqual(1);
			}),
		);
	}, 120_000);

	it('1,000 rows: the store reads a revision the way its compare-and-set compares it', async () => {
		await check(
			'store rows: load and compare-and-set agree',
			1000,
			fc.asyncProperty(row, async (value) => {
				await writeRow(value);
				const loaded = await store.load();
				const revision = storedRevision(loaded);
				// A compare-and-set with the revision the load gave succeeds: nothing can spin.
				const replaced = await store.saveIfRevision(
					{probe: true, revision: 7},
					revision,
				);
				expect(replaced).toBe(true);
				// And one with any other revision does not.
				await writeRow(value);
				expect(await store.saveIfRevision({probe: true}, revision + 1)).toBe(
					false,
				);
			}),
		);
	}, 120_000);
});

// ---------------------------------------------------------------------------------------------

describe('fuzz: a license server reply of any size and shape is a bounded failure value (issue 10 point 5)', () => {
	const REQUEST = {installationId: 'inst-1', fingerprint: 'fp-a', nonce: 'n'};
	const KINDS = [
		'wrong-url',
		'network',
		'timeout',
		'http',
		'rejected',
		'bad-signature',
		'bad-response',
	];
	const vendorKey = generateVendorKeyPair().publicKey;

	/** What the answer is made of, repeated to its size. */
	const pattern = fc.oneof(
		anyText(64).filter((text) => text.length > 0),
		fc.jsonValue().map((value) => JSON.stringify(value)),
		fc
			.record({code: anyText(80), message: anyText(300)})
			.map((error) => JSON.stringify({error})),
		fc.constant(' '),
	);
	const size = fc.oneof(
		fc.integer({min: 0, max: 4096}),
		fc.integer({
			min: INPUT_LIMITS.serverReply - 16,
			max: INPUT_LIMITS.serverReply + 16,
		}),
		fc.integer({min: 0, max: 4 * MiB}),
	);
	const stated = fc.oneof(
		fc.constant<'none'>('none'),
		fc.constant<'exact'>('exact'),
		fc.integer({min: 0, max: 500 * 1000 * 1000}).map(String),
		fc.constantFrom('abc', '-1', '1e9', ''),
	);
	const status = fc.oneof(
		fc.integer({min: 200, max: 599}),
		fc.constantFrom(200, 400, 403, 404, 409, 429, 500, 503),
	);

	/** A body made as it is read, that counts what was pulled, and may break after `breakAt`. */
	function body(text: string, total: number, breakAt: number | null) {
		const bytes = Buffer.from(text.length > 0 ? text : ' ');
		const counter = {pulled: 0};
		const stream = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (breakAt !== null && counter.pulled >= breakAt) {
					controller.error(new Error('connection reset'));
					return;
				}
				if (counter.pulled >= total) {
					controller.close();
					return;
				}
				const length = Math.min(64 * 1024, total - counter.pulled);
				const chunk = new Uint8Array(length);
				for (let index = 0; index < length; index++) {
					chunk[index] = bytes[(counter.pulled + index) % bytes.length]!;
				}
				counter.pulled += length;
				controller.enqueue(chunk);
			},
		});
		return {stream, counter};
	}

	it('1,500 replies (0 B to 4 MiB, stated lengths true or false, broken mid-body): a failure of our kinds, printable, short, and never more than the limit read', async () => {
		await check(
			'client: replies of any size and shape',
			1500,
			fc.asyncProperty(
				pattern,
				size,
				stated,
				status,
				fc.option(fc.integer({min: 0, max: 2 * MiB}), {nil: null}),
				fc.constantFrom('contact', 'activate', 'public-key'),
				async (text, total, length, code, breakAt, call) => {
					const {stream, counter} = body(text, total, breakAt);
					const headers: Record<string, string> = {
						'content-type': 'application/json',
					};
					if (length === 'exact') headers['content-length'] = String(total);
					else if (length !== 'none') headers['content-length'] = length;
					const noBody = [204, 205, 304].includes(code);
					const server = createHttpLicenseServer({
						baseUrl: 'http://license.test',
						clock,
						publicKey: vendorKey,
						fetch: (async () =>
							new Response(noBody ? null : stream, {
								status: code,
								headers,
							})) as typeof fetch,
					});
					const result = await bounded<{ok: boolean; failure?: Failure}>(
						call,
						call === 'activate'
							? server.activate({...REQUEST, keys: [], customer: null})
							: call === 'contact'
								? server.contact(REQUEST)
								: server.fetchPublicKey(),
					);
					expect(result.ok).toBe(false);
					const failure = result.failure!;
					expect(KINDS).toContain(failure.kind);
					expect(isPrintable(failure.message)).toBe(true);
					expect(failure.message.length).toBeLessThan(2000);
					if (failure.kind === 'rejected') {
						expect(isPrintable(failure.code)).toBe(true);
					}
					expect(counter.pulled).toBeLessThanOrEqual(
						INPUT_LIMITS.serverReply + 2 * 64 * 1024,
					);
				},
			),
		);
	}, 240_000);

	it('500 answers to a key fetch (trust on first use): a failure value, never a throw, never an unbounded read', async () => {
		await check(
			'client: public-key answers',
			500,
			fc.asyncProperty(pattern, size, async (text, total) => {
				const {stream, counter} = body(text, total, null);
				const server = createHttpLicenseServer({
					baseUrl: 'http://license.test',
					clock,
					publicKey: null,
					fetch: (async () =>
						new Response(stream, {status: 200})) as typeof fetch,
				});
				const key = await bounded('fetchPublicKey', server.fetchPublicKey());
				expect(key.ok).toBe(false);
				expect(!key.ok && isPrintable(key.failure.message)).toBe(true);
				expect(counter.pulled).toBeLessThanOrEqual(
					INPUT_LIMITS.serverReply + 2 * 64 * 1024,
				);
			}),
		);
	}, 120_000);

	it('the control: a real key answer is still read', async () => {
		const server = createHttpLicenseServer({
			baseUrl: 'http://license.test',
			clock,
			publicKey: null,
			fetch: (async () =>
				Response.json({publicKey: exportPublicKey(vendorKey)})) as typeof fetch,
		});
		const key = await server.fetchPublicKey();
		expect(key.ok && importPublicKey(key.value).equals(vendorKey)).toBe(true);
	});
});

// ---------------------------------------------------------------------------------------------

describe('fuzz: terminal text is never raw (issue 10 point 7)', () => {
	const graphemes = new Intl.Segmenter('en', {granularity: 'grapheme'});
	const count = (text: string) => [...graphemes.segment(text)].length;

	it('20,000 texts: safeText is printable, at most its maximum, stable, and leaves plain short text alone', async () => {
		await check(
			'terminal: safeText',
			20_000,
			fc.property(anyText(400), fc.integer({min: 1, max: 300}), (text, max) => {
				const shown = safeText(text, max);
				expect(isPrintable(shown)).toBe(true);
				expect(count(shown)).toBeLessThanOrEqual(max);
				expect(safeText(shown, max)).toBe(shown);
				if (isPrintable(text) && count(text) <= max) expect(shown).toBe(text);
				expect(visible(visible(text))).toBe(visible(text));
			}),
		);
	});

	it('5,000 texts: terminalText keeps only line breaks; jsonText keeps the data and writes no control raw', async () => {
		await check(
			'terminal: terminalText and jsonText',
			5000,
			fc.property(
				anyText(200),
				fc.jsonValue({maxDepth: 3}),
				anyText(50),
				(text, value, name) => {
					expect(terminalText(text)).not.toMatch(RAW_BUT_LINES);
					const document = {name, text, value};
					const written = jsonText(document);
					expect(written).not.toMatch(RAW_BUT_LINES);
					expect(JSON.parse(written)).toEqual(
						JSON.parse(JSON.stringify(document)),
					);
				},
			),
		);
	});

	it('5,000 log entries and outcomes with outside values, in fr and en: printable, and short', async () => {
		await check(
			'terminal: log entries and outcomes',
			5000,
			fc.property(
				fc.constantFrom(...LOG_CODES),
				fc.dictionary(
					fc.constantFrom(
						'id',
						'key',
						'message',
						'company',
						'reason',
						'code',
						'detail',
						'path',
					),
					fc.oneof(anyText(3000), fc.integer()),
				),
				fc.constantFrom('en', 'fr' as const),
				fc.constantFrom(
					'device-activated',
					'device-exists',
					'activation-refused',
					'key-refused',
					'request-written',
					'customer-past-limits',
				),
				(code, params, lang, outcomeCode) => {
					const entry = formatLogEntry(
						{at: NOW, type: code, code, params} as unknown as LogEntry,
						lang,
					);
					expect(entry).not.toMatch(RAW_BUT_LINES);
					expect(entry.length).toBeLessThan(3000);
					const said = renderOutcome(lang, {
						code: outcomeCode as 'device-activated',
						params,
					});
					expect(said).not.toMatch(RAW_BUT_LINES);
					expect(
						t(lang, 'cli.register.saved', {
							company: String(params.company ?? ''),
						}),
					).not.toMatch(RAW_BUT_LINES);
				},
			),
		);
	});

	it("40 scenarios named and keyed with any text: simulate's table draws none of it raw", async () => {
		await check(
			'terminal: simulate table',
			30,
			fc.asyncProperty(anyText(120), anyText(60), async (name, literal) => {
				let scenario: ReturnType<typeof parseScenario>;
				try {
					scenario = parseScenario(
						JSON.stringify({
							name: `n${name}`,
							start: '2027-01-04T09:00:00Z',
							days: 2,
							hardware: ['a'],
							keys: {},
							customer: {
								company: name,
								person: 'Jane Roe',
								address: 'x',
								country: 'FR',
								email: 'a@b.test',
							},
							steps: [
								{day: 0, do: 'register'},
								{day: 0, do: 'add-key', literal},
								{day: 1, do: 'devices', activate: 1},
							],
						}),
					);
				} catch (error) {
					expect(error).toBeInstanceOf(ScenarioError);
					return;
				}
				const result = await bounded('simulate', runScenario(scenario));
				const table = renderSimulation(result, {color: false});
				expect(table).not.toMatch(RAW_BUT_LINES);
			}),
		);
	}, 120_000);

	it('20 device names of any text in real CLI processes: exit 0, 1 or 2, and nothing raw on stdout or stderr', async () => {
		const store = [
			'--store',
			`sqlite://${path.join(directory, 'names.sqlite')}`,
		];
		await check(
			'terminal: CLI devices activate NAME',
			20,
			fc.asyncProperty(
				// A command line cannot carry NUL.
				anyText(80).map((text) => text.replaceAll('\0', '')),
				async (name) => {
					const result = await runCli([...store, 'devices', 'activate', name]);
					expect([0, 1, 2]).toContain(result.code);
					expect(result.stdout).not.toMatch(RAW_BUT_LINES);
					expect(result.stderr).not.toMatch(RAW_BUT_LINES);
				},
			),
		);
	}, 120_000);
});

// ---------------------------------------------------------------------------------------------

describe('fuzz: scenario limits (issue 10 point 5)', () => {
	it('2,000 lists of devices steps: refused with ScenarioError or within the limits, quickly', async () => {
		await check(
			'scenario: devices and step limits',
			2000,
			fc.property(
				fc.array(
					fc.record({
						day: fc.integer({min: 0, max: 3}),
						do: fc.constant('devices'),
						activate: fc.oneof(
							fc.integer({min: -2, max: 3000}),
							fc.double(),
							fc.constant(1e12),
						),
					}),
					{maxLength: 1200},
				),
				(steps) => {
					const text = JSON.stringify({
						name: 'limits',
						start: '2027-01-04T09:00:00Z',
						days: 3,
						hardware: ['a'],
						keys: {},
						steps,
					});
					try {
						const scenario = parseScenario(text);
						const activated = scenario.steps.reduce(
							(sum, step) =>
								sum + (step.do === 'devices' ? (step.activate ?? 0) : 0),
							0,
						);
						expect(scenario.steps.length).toBeLessThanOrEqual(
							SCENARIO_LIMITS.steps,
						);
						expect(activated).toBeLessThanOrEqual(SCENARIO_LIMITS.devices);
					} catch (error) {
						expect(error).toBeInstanceOf(ScenarioError);
						expect((error as ScenarioError).describe('fr')).not.toMatch(
							RAW_BUT_LINES,
						);
					}
				},
			),
		);
	}, 120_000);
});

afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
	const total = [...runs.values()].reduce((sum, count) => sum + count, 0);
	console.info(
		`fuzz-bounds: ${total} generated inputs in the properties that held (a failing one is not counted)\n${[...runs].map(([name, count]) => `  ${name}: ${count}`).join('\n')}`,
	);
});
