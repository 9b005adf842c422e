/**
 * Issue 10 point 7: nothing is printed raw to a terminal. A company `A\x1b[2J\x07B` put in the
 * store, device names with OSC sequences, and a license server's error messages (ESC, 5,000
 * characters) reached the terminal as they were. Text from the store, the server or a file is
 * shown with its control characters made visible and long texts cut with an ellipsis, by one
 * function (source/engine/safe-text.ts), in the CLI and in the dashboard. Device names are not
 * empty, bounded and printable.
 */
import {randomBytes} from 'node:crypto';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openStore} from '../source/adapters/keyv-store.js';
import {DEVICE_NAME_MAX} from '../source/engine/devices.js';
import {mintKey} from '../source/engine/keys.js';
import {
	isPrintable,
	SHOWN_TEXT_MAX,
	safeText,
	terminalText,
} from '../source/engine/safe-text.js';
import {
	exportPublicKey,
	generateVendorKeyPair,
} from '../source/signing/index.js';
import {createRuntimeSource} from '../source/ui/dashboard-source.js';
import {
	type CliResult,
	RAW_BUT_LINES,
	registerArgs,
	runCli,
} from './helpers/cli-process.js';
import {renderSource} from './helpers/dashboard-world.js';
import {CUSTOMER, createWorld} from './helpers/world.js';

const COMPANY = 'A\x1b[2J\x07B';
const OSC_DEVICE = '\x1b]0;pwned\x07printer';
const OSC_LINK = '\x1b]8;;https://evil.test\x07click\x1b]8;;\x07';

function expectNothingRaw(result: CliResult) {
	expect(result.stdout).not.toMatch(RAW_BUT_LINES);
	expect(result.stderr).not.toMatch(RAW_BUT_LINES);
}

let directory: string;
beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'myq-terminal-'));
});
afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

describe('safeText: the one function that makes outside text safe to show', () => {
	it.each([
		['a company with ESC and BEL', COMPANY, 'AU+001B[2JU+0007B'],
		['an OSC title sequence', OSC_DEVICE, 'U+001B]0;pwnedU+0007printer'],
		['a C1 CSI and DEL', 'a\u009b2Jb\u007f', 'aU+009B2JbU+007F'],
		['a right-to-left override', 'abc\u202Etxt.exe', 'abcU+202Etxt.exe'],
		['a line separator', 'one\u2028two', 'oneU+2028two'],
		['a lone surrogate', 'x\ud800y', 'xU+D800y'],
		['tab and line breaks', 'a\tb\nc\r', 'aU+0009bU+000AcU+000D'],
		[
			'plain text, accents and wide characters',
			'Café 株式会社',
			'Café 株式会社',
		],
	])('%s', (_name, input, shown) => {
		expect(safeText(input)).toBe(shown);
		expect(isPrintable(safeText(input))).toBe(true);
		// Made safe once is safe: showing it again changes nothing.
		expect(safeText(safeText(input))).toBe(safeText(input));
	});

	it('long text is cut with an ellipsis at its maximum, never inside a code point it shows', () => {
		const long = `\x1b[2J${'A'.repeat(5000)}`;
		const shown = safeText(long);
		expect([...shown]).toHaveLength(SHOWN_TEXT_MAX);
		expect(shown.startsWith('U+001B[2JAAA')).toBe(true);
		expect(shown.endsWith('A…')).toBe(true);
		expect(safeText('\x1b'.repeat(10), 10)).toBe('U+001B…');
		expect(safeText('abcd', 3)).toBe('ab…');
		expect(safeText('abc', 3)).toBe('abc');
	});

	it('a huge text costs what a short one does: only its beginning is looked at', () => {
		const huge = '\x07'.repeat(20_000_000);
		expect(safeText(huge, 10)).toBe('U+0007…');
	});

	it('terminalText keeps the line breaks of a message and makes the rest visible', () => {
		expect(terminalText('line 1\r\nline\x1b 2\nend')).toBe(
			'line 1\nlineU+001B 2\nend',
		);
	});
});

describe('device-name-osc: device names are not empty, bounded and printable (R7, decided)', () => {
	const store = () => [
		'--store',
		`sqlite://${path.join(directory, 'devices.sqlite')}`,
	];

	it('a name with an OSC sequence is refused (exit 2) and the refusal shows it made visible, in en and fr', async () => {
		const en = await runCli([...store(), 'devices', 'activate', OSC_DEVICE]);
		expect(en.code).toBe(2);
		expect(en.stderr).toContain(
			'A device name holds only printable characters; this one has control characters (U+001B]0;pwnedU+0007printer)',
		);
		expectNothingRaw(en);
		const fr = await runCli([...store(), 'devices', 'activate', OSC_DEVICE], {
			lang: 'fr',
		});
		expect(fr.code).toBe(2);
		expect(fr.stderr).toContain('caractères de contrôle');
		expectNothingRaw(fr);
	});

	it('an empty name and a name past the maximum are refused with what to do', async () => {
		const empty = await runCli([...store(), 'devices', 'activate', '  ']);
		expect(empty.code).toBe(2);
		expect(empty.stderr).toContain('A device needs a name');
		const long = await runCli([
			...store(),
			'devices',
			'activate',
			'p'.repeat(DEVICE_NAME_MAX + 1),
		]);
		expect(long.code).toBe(2);
		expect(long.stderr).toContain(
			`A device name holds at most ${DEVICE_NAME_MAX} characters (${DEVICE_NAME_MAX + 1} given)`,
		);
		const listed = await runCli([...store(), 'devices', '--json']);
		expect(JSON.parse(listed.stdout).list).toEqual([]);
	});
});

describe('store-text-raw: what a hand put in the store is shown made visible (CLI)', () => {
	it('a company and device names with escape sequences reach no terminal raw: devices, status, status --json', async () => {
		// Given a store whose customer and devices were edited by hand
		const file = path.join(directory, 'edited.sqlite');
		const store = ['--store', `sqlite://${file}`];
		const key = mintKey('license', (size) => randomBytes(size));
		await runCli([...store, ...registerArgs()]);
		await runCli([...store, 'add-key', key]);
		const opened = await openStore(file);
		const loaded = await opened.load();
		if (loaded.kind !== 'loaded') throw new Error('no state');
		const record = loaded.value as {
			state: {
				customer: {company: string};
				devices: {id: string; activatedAt: number}[];
				pending: {refusal?: {code: string; message: string}}[];
			};
		};
		record.state.customer.company = COMPANY;
		record.state.devices = [
			{id: OSC_DEVICE, activatedAt: Date.now()},
			{id: OSC_LINK, activatedAt: Date.now()},
		];
		record.state.pending[0]!.refusal = {
			code: 'revoked\x1b[31m',
			message: `\x1b[2J${'A'.repeat(5000)}`,
		};
		await opened.save(record);
		await opened.close();

		// When the admin lists them, as text and as JSON
		const devices = await runCli([...store, 'devices']);
		const status = await runCli([...store, 'status']);
		const json = await runCli([...store, 'status', '--json']);
		const devicesJson = await runCli([...store, 'devices', '--json']);

		// Then nothing raw reaches the terminal, and long texts are cut
		for (const result of [devices, status, json, devicesJson]) {
			expect(result.code, result.stderr).toBe(0);
			expectNothingRaw(result);
		}
		expect(devices.stdout).toContain('U+001B]0;pwnedU+0007printer');
		expect(status.stdout).toContain('U+001B[2JAAAA');
		expect(status.stdout).toContain('A…');
		expect(status.stdout.length).toBeLessThan(2000);
		// JSON stays the same data: its escapes are JSON's.
		expect(JSON.parse(devicesJson.stdout).list[0].id).toBe(OSC_DEVICE);
	});
});

describe('server-message-raw: a license server error message reaches the terminal made visible and cut', () => {
	let server: Server;
	let url: string;
	const message = `\x1b[2J\x1b]0;owned\x07${'A'.repeat(5000)}`;

	beforeAll(async () => {
		server = createServer((_request, response) => {
			response.writeHead(400, {'content-type': 'application/json'});
			response.end(JSON.stringify({error: {code: 'bad\x1b[31mcode', message}}));
		});
		await new Promise<void>((resolve) =>
			server.listen(0, '127.0.0.1', resolve),
		);
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		await new Promise((resolve) => server.close(resolve));
	});

	it('activate: the refusal is said with the server words made visible, cut to a few hundred characters', async () => {
		const store = [
			'--store',
			`sqlite://${path.join(directory, 'server.sqlite')}`,
			'--server',
			url,
			'--vendor-key',
			exportPublicKey(generateVendorKeyPair().publicKey),
		];
		await runCli([...store, ...registerArgs()]);
		await runCli([
			...store,
			'add-key',
			mintKey('license', () => randomBytes(32)),
		]);
		for (const args of [
			['activate'],
			['activate', '--json'],
			['connect'],
			['status'],
		]) {
			const result = await runCli([...store, ...args]);
			expectNothingRaw(result);
			expect(result.stdout.length + result.stderr.length).toBeLessThan(3000);
		}
		const activated = await runCli([...store, 'activate']);
		expect(`${activated.stdout}${activated.stderr}`).toContain(
			'U+001B[2JU+001B]0;ownedU+0007AAA',
		);
	});

	it('vendor mint: the server words made visible and cut', async () => {
		const result = await runCli([
			'vendor',
			'mint',
			'--server',
			url,
			'--token',
			't',
			'--type',
			'license',
			'--kind',
			'perpetual',
			'--devices',
			'1',
		]);
		// A 400 answer: the request was refused as bad (exit 2)
		expect(result.code).toBe(2);
		expectNothingRaw(result);
		expect(result.stderr).toContain('U+001B[2J');
		expect(result.stderr.length).toBeLessThan(600);
	});
});

describe('simulate-table-raw: a scenario text reaches the table made visible', () => {
	it('a scenario named with escape sequences', async () => {
		const file = path.join(directory, 'named.yaml');
		await writeFile(
			file,
			'name: "Demo\\e[2J\\e]0;owned\\a"\nstart: 2027-01-04T09:00:00Z\ndays: 2\nhardware: [a]\nkeys: {}\nsteps: []\n',
		);
		const result = await runCli(['simulate', file]);
		expect(result.code, result.stderr).toBe(0);
		expectNothingRaw(result);
		expect(result.stdout).toContain('DemoU+001B[2JU+001B]0;ownedU+0007');
	});
});

describe('unknown-flag-raw: an argument that looks like a flag is said made visible', () => {
	it('a device name starting with "-" and holding an OSC sequence, an unknown flag with DEL: exit 2, nothing raw', async () => {
		// meow said an unknown flag itself, as given: a name like "-\x1b]0;pwned\x07" reached the
		// terminal raw (the fuzzer found "-\x7f" by chance)
		for (const args of [
			['devices', 'activate', `-${OSC_DEVICE}`],
			['status', `--x\x7f${OSC_DEVICE}`],
			[`--${OSC_DEVICE}`, 'status'],
			['status', `-h${OSC_DEVICE}`],
		]) {
			const result = await runCli(args);
			expect(result.code, result.stderr).toBe(2);
			expectNothingRaw(result);
			expect(result.stderr).toMatch(
				/Unknown flag .*U\+001B\]0;pwnedU\+0007printer/,
			);
		}
	});
});

describe('dashboard-text-raw: the dashboard shows stored text made visible', () => {
	it('Home (customer), Devices (names) and Events (their log) draw no control character', async () => {
		// Given a runtime whose store a hand edited: a company and device names with sequences
		const world = await createWorld();
		try {
			const started = world.runtime.start();
			await world.settle();
			await started;
			await world.runtime.save(CUSTOMER, '');
			const loaded = await world.store.load();
			if (loaded.kind !== 'loaded') throw new Error('no state');
			const record = loaded.value as {
				state: {
					customer: {company: string};
					devices: {id: string; activatedAt: number}[];
					log: unknown[];
				};
			};
			record.state.customer.company = COMPANY;
			record.state.devices = [{id: OSC_DEVICE, activatedAt: world.clock.now()}];
			record.state.log.push({
				at: world.clock.now(),
				type: 'device-activated',
				code: 'device-activated',
				params: {id: OSC_LINK, count: 1, capacity: 0},
			});
			await world.store.save(record);
			await world.restart();

			// When the dashboard shows it
			const source = createRuntimeSource(world.runtime, {
				clock: world.clock.server,
				tickMs: 60_000,
			});
			const {screen} = renderSource(source, {columns: 120, rows: 40});
			try {
				// Then no frame holds a raw control character, and the text shows made visible
				await screen.waitFor('AU+001B[2JU+0007B');
				expect(screen.rawFrame()).not.toMatch(RAW_BUT_LINES);
				await screen.press('3');
				await screen.waitFor('U+001B]0;pwnedU+0007printer');
				expect(screen.rawFrame()).not.toMatch(RAW_BUT_LINES);
				await screen.press('4');
				await screen.waitFor('clickU+001B]8;;U+0007');
				expect(screen.rawFrame()).not.toMatch(RAW_BUT_LINES);
			} finally {
				screen.unmount();
				await source.dispose();
			}
		} finally {
			await world.dispose();
		}
	});

	it('events-type-raw: a log entry of a type and code this version does not know shows made visible on Events', async () => {
		// Given a log entry whose type no catalog names (a newer version's, or a hand in the
		// store's): an OSC sequence that sets the terminal's title, and a right-to-left override
		const world = await createWorld();
		try {
			const started = world.runtime.start();
			await world.settle();
			await started;
			await world.runtime.save(CUSTOMER, '');
			const loaded = await world.store.load();
			if (loaded.kind !== 'loaded') throw new Error('no state');
			const record = loaded.value as {state: {log: unknown[]}};
			record.state.log.push({
				at: world.clock.now(),
				type: `x${OSC_DEVICE}\u202Eevil`,
				code: `x${OSC_DEVICE}\u202Eevil`,
				params: {company: 'Acme'},
			});
			await world.store.save(record);
			await world.restart();

			// When the Events screen lists it
			const source = createRuntimeSource(world.runtime, {
				clock: world.clock.server,
				tickMs: 60_000,
			});
			const {screen} = renderSource(source, {columns: 120, rows: 40});
			try {
				await screen.press('4');
				// Then it is shown made visible, in the list and in the detail below it
				await screen.waitFor('xU+001B]0;pwnedU+0007printerU+202Eevil');
				expect(screen.rawFrame()).not.toMatch(RAW_BUT_LINES);
				// And searching the events (which reads its type too) draws nothing raw either
				await screen.press('/');
				await screen.press('pwned');
				expect(screen.rawFrame()).not.toMatch(RAW_BUT_LINES);
			} finally {
				screen.unmount();
				await source.dispose();
			}
		} finally {
			await world.dispose();
		}
	});
});
