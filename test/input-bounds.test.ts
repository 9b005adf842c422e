/**
 * Issue 10 point 5: everything read from outside is bounded, the limit checked before the whole
 * is read, and a refusal names the limit. A 400 MB answer from a license server took the CLI to
 * 2.7 GB, `import /dev/zero` reached 6 GB, a request file in `vendor offline-activate` was read
 * whole, and a scenario step `{do: devices, activate: 1000000}` ran about 11 minutes (a 1 MiB
 * file of such steps did not finish). The CLI cases run the built program in real processes,
 * each under a time bound the test sets.
 */
import {randomBytes} from 'node:crypto';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parseScenario, SCENARIO_LIMITS} from '../simulator/scenario/index.js';
import {
	INPUT_LIMITS,
	readFileUpTo,
	readResponseUpTo,
	readStreamUpTo,
} from '../source/adapters/bounded-read.js';
import {createHttpLicenseServer} from '../source/adapters/http-license-server.js';
import {mintKey} from '../source/engine/keys.js';
import type {Clock} from '../source/ports/index.js';
import {
	exportPublicKey,
	generateVendorKeyPair,
} from '../source/signing/index.js';
import {nodeFiles} from '../source/ui/use-commands.js';
import {registerArgs, runCli} from './helpers/cli-process.js';

const MiB = 1024 * 1024;

let directory: string;
beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'myq-bounds-'));
});
afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

/** A body of `total` bytes that says how much of it was pulled, made as it is read. */
function countedBody(total: number) {
	const counter = {pulled: 0};
	const chunk = new Uint8Array(64 * 1024).fill(0x20);
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (counter.pulled >= total) {
				controller.close();
				return;
			}
			counter.pulled += chunk.byteLength;
			controller.enqueue(chunk);
		},
	});
	return {body, counter};
}

describe('server-reply-unbounded: a license server answer is read up to its limit, never whole (issue 10 point 5)', () => {
	const clock: Clock = {
		now: () => Date.UTC(2027, 0, 4, 9),
		setTimeout: () => 0,
		clearTimeout: () => undefined,
	};
	const request = {installationId: 'inst-1', fingerprint: 'fp-a', nonce: 'n'};
	const vendorKey = generateVendorKeyPair().publicKey;

	it('an answer without a length is cut one chunk past 1 MiB, and the failure names the limit', async () => {
		const {body, counter} = countedBody(64 * MiB);
		const server = createHttpLicenseServer({
			baseUrl: 'http://license.test',
			clock,
			publicKey: vendorKey,
			fetch: (async () => new Response(body, {status: 200})) as typeof fetch,
		});
		const result = await server.contact(request);
		expect(result).toMatchObject({ok: false, failure: {kind: 'bad-response'}});
		expect(!result.ok && result.failure.message).toMatch(/larger than 1 MiB/);
		expect(counter.pulled).toBeLessThanOrEqual(
			INPUT_LIMITS.serverReply + 2 * 64 * 1024,
		);
	});

	it('an answer announcing 400 MB is refused before its body is read', async () => {
		const {body, counter} = countedBody(400 * 1000 * 1000);
		const server = createHttpLicenseServer({
			baseUrl: 'http://license.test',
			clock,
			publicKey: vendorKey,
			fetch: (async () =>
				new Response(body, {
					status: 200,
					headers: {'content-length': String(400 * 1000 * 1000)},
				})) as typeof fetch,
		});
		const result = await server.contact(request);
		expect(!result.ok && result.failure.message).toMatch(
			/larger than 1 MiB.*announced 400000000 bytes/,
		);
		// The stream's own read-ahead at most: nothing the client asked for.
		expect(counter.pulled).toBeLessThanOrEqual(64 * 1024);
	});

	it('an answer of exactly the limit is still read (the limit is the most, not one less)', async () => {
		const text = JSON.stringify({document: null}).padEnd(
			INPUT_LIMITS.serverReply,
			' ',
		);
		const read = await readResponseUpTo(
			new Response(text),
			INPUT_LIMITS.serverReply,
		);
		expect(read).toEqual({ok: true, value: text});
	});

	it('activate in a real CLI process against a server that never stops answering: exit 1 within the bound, naming the limit', async () => {
		// Given a server whose every answer is an endless stream of spaces
		let sent = 0;
		const server: Server = createServer((_request, response) => {
			response.writeHead(200, {'content-type': 'application/json'});
			const chunk = Buffer.alloc(64 * 1024, 0x20);
			const pump = () => {
				while (!response.destroyed && response.write(chunk)) {
					sent += chunk.length;
				}
				if (!response.destroyed) response.once('drain', pump);
			};
			pump();
		});
		await new Promise<void>((resolve) =>
			server.listen(0, '127.0.0.1', resolve),
		);
		const {port} = server.address() as AddressInfo;
		try {
			const store = [
				'--store',
				`sqlite://${path.join(directory, 'endless.sqlite')}`,
				'--server',
				`http://127.0.0.1:${port}`,
				'--vendor-key',
				exportPublicKey(vendorKey),
			];
			const key = mintKey('license', (size) => randomBytes(size));
			expect((await runCli([...store, ...registerArgs()])).code).toBe(0);
			expect((await runCli([...store, 'add-key', key])).code).toBe(0);

			// When the admin activates
			const activated = await runCli([...store, 'activate']);

			// Then the command fails as for any unreadable answer, and says the limit
			expect(activated.code).toBe(1);
			expect(activated.stderr).toMatch(/larger than 1 MiB/);
			expect(sent).toBeLessThan(64 * MiB);
		} finally {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	});
});

describe('import-dev-zero: files and standard input are read up to their limit (issue 10 point 5)', () => {
	it('import /dev/zero ends at once with exit 2 and names the 1 MiB limit, in en and fr', async () => {
		const store = ['--store', path.join(directory, 'import.sqlite')];
		const en = await runCli([...store, 'import', '/dev/zero']);
		expect(en.code).toBe(2);
		expect(en.stderr).toContain(
			'/dev/zero holds more than 1 MiB, the most an activation response file can be',
		);
		const fr = await runCli([...store, 'import', '/dev/zero'], {lang: 'fr'});
		expect(fr.code).toBe(2);
		expect(fr.stderr).toContain(
			"/dev/zero dépasse 1 MiB, la taille maximale d'un fichier de réponse d'activation",
		);
	});

	it('import of a regular file over the limit is refused by its size, before it is read', async () => {
		const file = path.join(directory, 'big-response.json');
		await writeFile(file, Buffer.alloc(INPUT_LIMITS.responseFile + 1, 0x20));
		const result = await runCli([
			'--store',
			path.join(directory, 'import.sqlite'),
			'import',
			file,
		]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/holds more than 1 MiB/);
	});

	it('vendor offline-activate /dev/zero ends at once with exit 2 and names the server body limit (64 KiB)', async () => {
		const result = await runCli([
			'vendor',
			'offline-activate',
			'/dev/zero',
			'-o',
			path.join(directory, 'response.json'),
			'--store',
			path.join(directory, 'vendor.sqlite'),
		]);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(
			'/dev/zero holds more than 64 KiB, the most an activation request file can be',
		);
	});

	it('add-key - with 2 MiB on standard input is refused with the 1 MiB limit, nothing added', async () => {
		const store = ['--store', path.join(directory, 'stdin.sqlite')];
		const result = await runCli([...store, 'add-key', '-'], {
			input: Buffer.alloc(2 * MiB, 0x41),
		});
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/more than 1 MiB, the most add-key reads/);
		const status = await runCli([...store, 'status', '--json']);
		expect(JSON.parse(status.stdout).licenses).toEqual([]);
	});

	it('the dashboard reads a response file up to the same limit', async () => {
		await expect(nodeFiles.read('/dev/zero')).rejects.toThrow(
			/more than 1 MiB, the most a response file can be/,
		);
	});

	it('the readers stop one chunk past the limit on sources that state no size', async () => {
		expect(await readFileUpTo('/dev/zero', 1000)).toEqual({
			ok: false,
			limit: 1000,
			size: null,
		});
		async function* endless() {
			for (;;) yield new Uint8Array(4096);
		}
		expect(await readStreamUpTo(endless(), 10_000)).toEqual({
			ok: false,
			limit: 10_000,
			size: null,
		});
		const small = path.join(directory, 'small.txt');
		await writeFile(small, 'x'.repeat(1000));
		const read = await readFileUpTo(small, 1000);
		expect(read.ok && read.value.toString()).toBe('x'.repeat(1000));
	});
});

describe('scenario-devices-unbounded: a scenario asks the simulator for a bounded amount of work (issue 10 point 5)', () => {
	const HEAD =
		'name: Bounds\nstart: 2027-01-04T09:00:00Z\ndays: 10\nhardware: [a]\nkeys: {}\n';

	it('{do: devices, activate: 1000000} is refused at once (exit 2), naming the limit of a step, in en and fr', async () => {
		const file = path.join(directory, 'million.yaml');
		await writeFile(
			file,
			`${HEAD}steps:\n  - {day: 1, do: devices, activate: 1000000}\n`,
		);
		const en = await runCli(['simulate', file]);
		expect(en.code).toBe(2);
		expect(en.stderr).toContain(
			'million.yaml:7: steps[0].activate: 1000000 printing devices in one step; a step activates or deactivates at most 1000',
		);
		const fr = await runCli(['simulate', file], {lang: 'fr'});
		expect(fr.code).toBe(2);
		expect(fr.stderr).toContain(
			'steps[0].activate: 1000000 appareils en une étape ; une étape en active ou en désactive au plus 1000',
		);
	});

	it('a 1 MiB file of such steps is refused at once by its step count', async () => {
		const step = '  - {day: 1, do: devices, activate: 1000}\n';
		const count = Math.floor((MiB - HEAD.length - 10) / step.length);
		const file = path.join(directory, 'steps.yaml');
		await writeFile(file, `${HEAD}steps:\n${step.repeat(count)}`);
		const result = await runCli(['simulate', file]);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(
			`steps: holds ${count} items; a scenario holds at most ${SCENARIO_LIMITS.steps} here`,
		);
	});

	it('devices steps within the limit one by one but past it together are refused at the step that goes past', () => {
		const text = `${HEAD}steps:\n  - {day: 1, do: devices, activate: 600}\n  - {day: 2, do: devices, activate: 600}\n`;
		expect(() => parseScenario(text)).toThrow(
			/line 8: steps\[1\]\.activate: the devices steps activate 1200 printing devices up to here; a scenario activates at most 1000 in all/,
		);
	});

	it('a text past 1,000 characters is refused with its length', () => {
		const text = `name: ${'N'.repeat(5000)}\nstart: 2027-01-04T09:00:00Z\ndays: 1\nhardware: [a]\nkeys: {}\nsteps: []\n`;
		expect(() => parseScenario(text)).toThrow(
			/name: is 5000 characters long; a text in a scenario holds at most 1000/,
		);
	});

	it('the largest scenario the limits allow still parses (each limit is the most, not one less)', () => {
		// One step activates all a scenario may; the others deactivate, which counts for nothing.
		const steps = [
			`  - {day: 1, do: devices, activate: ${SCENARIO_LIMITS.devices}}\n`,
			...Array.from(
				{length: SCENARIO_LIMITS.steps - 1},
				() => '  - {day: 1, do: devices, deactivate: 1}\n',
			),
		];
		const scenario = parseScenario(`${HEAD}steps:\n${steps.join('')}`);
		expect(scenario.steps).toHaveLength(SCENARIO_LIMITS.steps);
	});
});
