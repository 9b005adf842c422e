/**
 * Issue 10 point 6 (R2): what the client accepts, the license server accepts. A company of 600
 * characters or a phone of 101 digits was stored, and every activation, online or manual, was
 * then refused by the server. Every path that stores a customer applies the one table of field
 * limits (engine/customer-limits.ts): the CLI's register, the dashboard's form, a scenario's
 * register step; and a customer already stored past them (by an older version, or by a hand
 * in the store) gets no key added and is never sent: the admin is told to register it again.
 */
import {randomBytes} from 'node:crypto';
import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runScenario} from '../simulator/runner.js';
import {parseScenario} from '../simulator/scenario/index.js';
import {openStore} from '../source/adapters/keyv-store.js';
import {MAX_KEYS_PER_ACTIVATION} from '../source/engine/activation-limits.js';
import {CUSTOMER_FIELD_LIMITS} from '../source/engine/customer-limits.js';
import {mintKey} from '../source/engine/keys.js';
import {
	activateBodySchema,
	activationRequestSchema,
} from '../source/license-server/schemas.js';
import {registerArgs, runCli} from './helpers/cli-process.js';
import {dashboardWorld} from './helpers/dashboard-world.js';
import {KEY} from './helpers/screen.js';

const FORM = {
	company: 'Acme',
	person: 'Jane Roe',
	address: '1 Rue X, Paris',
	country: 'FR',
	email: 'it@acme.test',
	phone: '+33 1 23 45 67 89',
};

let directory: string;
beforeAll(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'myq-customer-'));
});
afterAll(async () => {
	await rm(directory, {recursive: true, force: true});
});

describe('register-company-600: the CLI refuses what the license server would refuse (R2)', () => {
	const store = (name: string) => [
		'--store',
		`sqlite://${path.join(directory, `${name}.sqlite`)}`,
	];

	it('a 600-character company and a 101-digit phone: exit 2, each field named with its limit, nothing stored', async () => {
		const result = await runCli([
			...store('long'),
			...registerArgs({
				...FORM,
				company: 'C'.repeat(600),
				phone: '1'.repeat(101),
			}),
		]);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(
			'--company: Company holds at most 200 characters (600 given): shorten it.',
		);
		expect(result.stderr).toContain(
			'--phone: Phone holds at most 40 characters (101 given): shorten it.',
		);
		const status = await runCli([...store('long'), 'status', '--json']);
		expect(JSON.parse(status.stdout).customer ?? null).toBeNull();
	});

	it.each(Object.keys(CUSTOMER_FIELD_LIMITS))(
		'a control character in %s is refused, in en and fr, and never echoed raw',
		async (field) => {
			const form = {
				...FORM,
				[field]: `${FORM[field as keyof typeof FORM]}\x1b[2J`,
			};
			const en = await runCli([
				...store(`control-${field}`),
				...registerArgs(form),
			]);
			expect(en.code).toBe(2);
			expect(en.stderr).toMatch(
				new RegExp(`--${field}: \\w+ holds a control character`),
			);
			expect(en.stderr).not.toContain('\x1b');
			const fr = await runCli(
				[...store(`control-${field}`), ...registerArgs(form)],
				{lang: 'fr'},
			);
			expect(fr.code).toBe(2);
			expect(fr.stderr).toContain('caractère de contrôle');
		},
	);
});

describe('scenario-register-600: a scenario register step applies the same limits', () => {
	it('a 600-character company is not registered, so no key is added', async () => {
		const scenario = parseScenario(`
name: Long company
start: 2027-01-04T09:00:00Z
days: 1
customer: {company: ${'C'.repeat(600)}, person: Jane Roe, address: "1 Rue X", country: FR, email: it@acme.test}
hardware: [server-a]
keys:
  L2: {type: license, kind: perpetual, devices: 2}
steps:
  - {day: 0, do: register}
  - {day: 0, do: add-key, key: L2}
  - {day: 0, do: activate}
`);
		const result = await runScenario(scenario);
		const types = result.events.map((event) => event.type);
		expect(types).not.toContain('customer-saved');
		expect(types).not.toContain('license-activated');
		expect(result.days.at(-1)?.licenses).toEqual([]);
	});
});

describe('dashboard-company-201: the dashboard form applies the same limits', () => {
	it('a 201-character company gets its error on Save; nothing is saved', async () => {
		const world = await dashboardWorld();
		try {
			const {screen, controller} = world;
			await screen.waitFor('Enter license');
			await screen.press(KEY.enter);
			await screen.waitFor('› Company');
			// Enter types into the field (issue 12's input model), Tab goes on typing.
			await screen.press(KEY.enter);
			await screen.press('C'.repeat(201));
			for (const value of ['Jane Roe', '1 Rue X', 'fra']) {
				await screen.press(KEY.tab);
				await screen.press(value);
			}
			await screen.waitFor('› France (FR)');
			await screen.press(KEY.tab);
			await screen.press('it@acme.test');
			// Phone, Keys, then Enter goes on to Save and Enter presses it.
			for (let tab = 0; tab < 2; tab++) await screen.press(KEY.tab);
			await screen.press(KEY.enter);
			await screen.press(KEY.enter);
			await screen.waitFor('Company holds at most 200 characters (201 given)');
			expect(controller.runtime.snapshot().state.customer).toBeNull();
		} finally {
			await world.dispose();
		}
	});
});

describe('stored-customer-past-limits: a customer stored past the limits is never sent (R2)', () => {
	it('add-key adds nothing, activate and activate --manual send nothing: exit 2 with what to do', async () => {
		// Given a customer stored with a 600-character company (an older version, or a hand)
		const file = path.join(directory, 'stored.sqlite');
		// No license server listens there: anything sent would fail as unreachable (exit 1).
		const store = [
			'--store',
			`sqlite://${file}`,
			'--server',
			'http://127.0.0.1:9',
		];
		expect((await runCli([...store, ...registerArgs(FORM)])).code).toBe(0);
		const key = mintKey('license', () => Buffer.alloc(32, 7));
		expect((await runCli([...store, 'add-key', key])).code).toBe(0);
		const opened = await openStore(file);
		const loaded = await opened.load();
		if (loaded.kind !== 'loaded') throw new Error('no state');
		const record = loaded.value as {state: {customer: {company: string}}};
		record.state.customer.company = 'C'.repeat(600);
		await opened.save(record);
		await opened.close();

		// When keys are added and activation is asked, online and manual
		const added = await runCli([
			...store,
			'add-key',
			mintKey('license', () => Buffer.alloc(32, 9)),
		]);
		const online = await runCli([...store, 'activate']);
		const out = path.join(directory, 'request.json');
		const manual = await runCli([
			...store,
			'activate',
			'--manual',
			'--out',
			out,
		]);
		const french = await runCli([...store, 'activate'], {lang: 'fr'});

		// Then nothing is added or sent, and the admin is told to register again
		expect(added.code).toBe(2);
		expect(added.stderr).toContain(
			'The registered customer is outside the limits the license server applies',
		);
		expect(added.stderr).toContain(
			'Company holds at most 200 characters (600 given)',
		);
		for (const refused of [online, manual]) {
			expect(refused.code).toBe(2);
			expect(refused.stderr).toContain(
				'outside the limits the license server applies (company), which would refuse the activation: nothing was sent',
			);
		}
		expect(existsSync(out)).toBe(false);
		expect(french.code).toBe(2);
		expect(french.stderr).toContain("rien n'a été envoyé");
		const status = await runCli([...store, 'status', '--json']);
		expect(JSON.parse(status.stdout).licenses).toHaveLength(1);

		// And registering again within the limits makes the installation whole
		expect((await runCli([...store, ...registerArgs(FORM)])).code).toBe(0);
		expect(
			(
				await runCli([
					...store,
					'add-key',
					mintKey('license', () => Buffer.alloc(32, 9)),
				])
			).code,
		).toBe(0);
	});
});

describe('more-keys-than-one-activation-sends: Save keeps no more keys pending than the license server takes at once', () => {
	it('101 keys: 100 are added, the 101st refused naming the limit (en, fr); the server takes exactly 100', async () => {
		// Given a registered installation (101 pending keys made every activation, online and
		// manual, refused by the server, said as "could not be reached", with no way back)
		const store = [
			'--store',
			`sqlite://${path.join(directory, 'many-keys.sqlite')}`,
		];
		expect((await runCli([...store, ...registerArgs()])).code).toBe(0);
		const keys = Array.from({length: MAX_KEYS_PER_ACTIVATION + 1}, () =>
			mintKey('license', (size) => randomBytes(size)),
		);

		// When the admin adds one more key than one activation sends
		const added = await runCli([...store, 'add-key', '-'], {
			input: Buffer.from(keys.join('\n')),
		});

		// Then the first 100 are added (exit 0: some were) and the last is refused, saying why
		expect(added.code, added.stderr).toBe(0);
		expect(added.stdout.match(/\(pending\)/g)).toHaveLength(
			MAX_KEYS_PER_ACTIVATION,
		);
		expect(added.stderr).toContain(
			`Key "${keys.at(-1)}" was not added: ${MAX_KEYS_PER_ACTIVATION} keys already wait for activation, the most one activation sends. Activate them, then add the others.`,
		);
		const fr = await runCli([...store, 'add-key', keys.at(-1)!], {
			lang: 'fr',
		});
		expect(fr.code).toBe(2);
		expect(fr.stderr).toContain(
			`La clé « ${keys.at(-1)} » n'a pas été ajoutée : ${MAX_KEYS_PER_ACTIVATION} clés attendent déjà l'activation, le plus qu'une activation envoie. Activez-les, puis ajoutez les autres.`,
		);

		// And the license server takes exactly that many in one activation, online or manual
		const body = (count: number) => ({
			installationId: 'i',
			fingerprint: 'f',
			keys: keys.slice(0, count),
		});
		expect(activateBodySchema.safeParse(body(100)).success).toBe(true);
		expect(activateBodySchema.safeParse(body(101)).success).toBe(false);
		const request = (count: number) => ({
			...body(count),
			type: 'myq-activation-request',
			version: 1,
			requestId: 'r',
			customer: null,
			createdAt: 0,
		});
		expect(activationRequestSchema.safeParse(request(100)).success).toBe(true);
		expect(activationRequestSchema.safeParse(request(101)).success).toBe(false);
	});
});
