import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {parseKey} from '../source/engine/keys.js';
import {
	type ActivationDocument,
	type ActivationRequest,
	type ActivationResponsePayload,
	DAY,
	type KeyRefusal,
	type SignedDocument,
} from '../source/engine/types.js';
import {StoreUnavailableError} from '../source/license-server/errors.js';
import {
	createVendor,
	type VendorOptions,
} from '../source/license-server/index.js';
import {openSqlStore} from '../source/license-server/sql/store.js';
import {
	importPublicKey,
	parseCanonicalFile,
	toSignedFileText,
	verify,
} from '../source/signing/index.js';
import {callVendor, type VendorReply} from './helpers/license-server.js';

const START = Date.UTC(2027, 0, 4, 9);
const TOKEN = 'vendor-secret';

/** A deterministic random source, so minted keys differ but tests repeat exactly. */
function seededBytes(seed = 1): (size: number) => Uint8Array {
	let state = seed;
	return (size) =>
		Uint8Array.from({length: size}, () => {
			state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
			return state >>> 16;
		});
}

type Reply = VendorReply;

async function setup(options: Partial<VendorOptions> = {}) {
	const time = {now: START};
	const vendor = await createVendor({
		now: () => time.now,
		token: TOKEN,
		randomBytes: seededBytes(),
		...options,
	});
	const publicKey = importPublicKey(vendor.publicKey);

	const call = (
		method: string,
		path: string,
		body?: unknown,
		headers: Record<string, string> = {},
	): Promise<Reply> => callVendor(vendor, method, path, body, headers);

	const admin = (method: string, path: string, body?: unknown) =>
		call(method, path, body, {authorization: `Bearer ${TOKEN}`});

	async function mint(spec: unknown): Promise<string> {
		const reply = await admin('POST', '/v1/admin/keys', spec);
		expect(reply.status).toBe(201);
		return reply.body.key as string;
	}

	/** Checks the signature and returns the payload. */
	function open(document: unknown): ActivationDocument {
		const verified = verify<ActivationDocument>(document, publicKey);
		if (!verified.ok)
			throw new Error(`document does not verify: ${verified.reason}`);
		return verified.value.payload;
	}

	async function activate(
		installationId: string,
		fingerprint: string,
		keys: string[],
		installationSecret?: string,
	) {
		const reply = await call('POST', '/v1/activate', {
			installationId,
			fingerprint,
			keys,
			customer: null,
			...(installationSecret === undefined ? {} : {installationSecret}),
		});
		expect(reply.status).toBe(200);
		return {
			document: open(reply.body.document),
			refusals: reply.body.refusals as KeyRefusal[],
		};
	}

	async function contact(installationId: string, fingerprint: string) {
		const reply = await call('POST', '/v1/contact', {
			installationId,
			fingerprint,
		});
		expect(reply.status).toBe(200);
		return open(reply.body.document);
	}

	return {vendor, time, publicKey, call, admin, mint, open, activate, contact};
}

const SUBSCRIPTION_30 = {
	type: 'license',
	kind: 'subscription',
	devices: 5,
	termDays: 30,
	autoRenew: true,
};
const PERPETUAL_10 = {type: 'license', kind: 'perpetual', devices: 10};
const INSTALLATION = {
	type: 'installation',
	licenses: [
		{kind: 'subscription', devices: 10, termDays: 365, autoRenew: false},
		{kind: 'perpetual', devices: 1},
	],
};

describe('vendor catalog: mint (SPEC §4)', () => {
	it('mints a license key (K...) and an installation key (N...) with their records', async () => {
		const {admin} = await setup();

		const license = await admin('POST', '/v1/admin/keys', SUBSCRIPTION_30);
		expect(license.status).toBe(201);
		const licenseKey = license.body.key as string;
		expect(licenseKey).toMatch(/^K[0-9A-Z]{4}(-[0-9A-Z]{5}){4}$/);
		expect(parseKey(licenseKey)).toEqual({
			ok: true,
			value: {key: licenseKey, kind: 'license'},
		});
		expect(license.body.record).toMatchObject({
			key: licenseKey,
			type: 'license',
			installationId: null,
			licenses: [
				{
					kind: 'subscription',
					devices: 5,
					termDays: 30,
					autoRenew: true,
					activatedAt: null,
					expiresAt: null,
					revokedAt: null,
				},
			],
		});

		const installation = await admin('POST', '/v1/admin/keys', INSTALLATION);
		expect(installation.status).toBe(201);
		const installationKey = installation.body.key as string;
		expect(parseKey(installationKey)).toEqual({
			ok: true,
			value: {key: installationKey, kind: 'installation'},
		});
		expect(installation.body.record).toMatchObject({
			type: 'installation',
			licenses: [
				{kind: 'subscription', devices: 10, termDays: 365, autoRenew: false},
				{kind: 'perpetual', devices: 1, termDays: null, autoRenew: false},
			],
		});
		expect(installationKey).not.toBe(licenseKey);
	});

	it('refuses a subscription without a term, naming the field', async () => {
		const {admin} = await setup();
		const reply = await admin('POST', '/v1/admin/keys', {
			type: 'license',
			kind: 'subscription',
			devices: 5,
		});
		expect(reply.status).toBe(400);
		expect(reply.body.error).toMatchObject({
			code: 'bad-request',
			field: 'termDays',
		});
		expect((reply.body.error as {message: string}).message).toContain(
			'termDays',
		);

		const nested = await admin('POST', '/v1/admin/keys', {
			type: 'installation',
			licenses: [{kind: 'perpetual', devices: 0}],
		});
		expect(nested.status).toBe(400);
		expect(nested.body.error).toMatchObject({
			code: 'bad-request',
			field: 'licenses.0.devices',
		});
	});

	it('mints through the library face too (VendorService.mint)', async () => {
		const {vendor} = await setup();
		const {key, record} = await vendor.service.mint({
			type: 'license',
			kind: 'perpetual',
			devices: 3,
		});
		expect(record.key).toBe(key);
		await expect(vendor.service.describe(key)).resolves.toMatchObject({
			key,
			installation: null,
		});
		await expect(
			vendor.service.mint({type: 'license', kind: 'subscription', devices: 3}),
		).rejects.toMatchObject({
			code: 'bad-request',
			field: 'termDays',
		});
	});
});

describe('vendor activation (R4, R8)', () => {
	it('R4: a license key activates: one license, its id is the key, the term starts now', async () => {
		const {mint, activate} = await setup();
		const key = await mint(SUBSCRIPTION_30);

		const {document, refusals} = await activate('inst-1', 'fp-a', [
			key.toLowerCase().replaceAll('-', ' '),
		]);

		expect(refusals).toEqual([]);
		expect(document).toEqual({
			type: 'myq-activation',
			version: 1,
			installationId: 'inst-1',
			fingerprint: 'fp-a',
			issuedAt: START,
			licenses: [
				{
					id: key,
					key,
					keyKind: 'license',
					kind: 'subscription',
					devices: 5,
					activatedAt: START,
					expiresAt: START + 30 * DAY,
					autoRenew: true,
					revokedAt: null,
				},
			],
		});
	});

	it('R4: an installation key is replaced by its licenses, numbered KEY/1, KEY/2 in catalog order', async () => {
		const {mint, activate} = await setup();
		const key = await mint(INSTALLATION);

		const {document} = await activate('inst-1', 'fp-a', [key]);

		expect(document.licenses).toEqual([
			{
				id: `${key}/1`,
				key,
				keyKind: 'installation',
				kind: 'subscription',
				devices: 10,
				activatedAt: START,
				expiresAt: START + 365 * DAY,
				autoRenew: false,
				revokedAt: null,
			},
			{
				id: `${key}/2`,
				key,
				keyKind: 'installation',
				kind: 'perpetual',
				devices: 1,
				activatedAt: START,
				expiresAt: null,
				autoRenew: false,
				revokedAt: null,
			},
		]);
	});

	it('R4: the document lists all licenses of the installation, earlier ones keep their term', async () => {
		const {mint, activate, time} = await setup();
		const first = await mint(SUBSCRIPTION_30);
		const second = await mint(PERPETUAL_10);
		await activate('inst-1', 'fp-a', [first]);

		// day 3: a second key is added
		time.now = START + 3 * DAY;
		const {document} = await activate('inst-1', 'fp-a', [second]);

		expect(document.issuedAt).toBe(START + 3 * DAY);
		expect(
			document.licenses.map((license) => [
				license.id,
				license.activatedAt,
				license.expiresAt,
			]),
		).toEqual([
			[first, START, START + 30 * DAY],
			[second, START + 3 * DAY, null],
		]);
	});

	it('refuses each bad key with its precise code and still activates the good ones', async () => {
		const {mint, activate, admin} = await setup();
		const good = await mint(PERPETUAL_10);
		const elsewhere = await mint(PERPETUAL_10);
		const revoked = await mint(SUBSCRIPTION_30);
		await activate('other-installation', 'fp-z', [elsewhere]);
		expect(
			(await admin('POST', `/v1/admin/keys/${revoked}/revoke`)).status,
		).toBe(200);
		// A well-formed key that this catalog never minted (another vendor minted it).
		const {vendor: stranger} = await setup({randomBytes: seededBytes(99)});
		const unknown = (
			await stranger.service.mint({
				type: 'license',
				kind: 'perpetual',
				devices: 1,
			})
		).key;

		const {document, refusals} = await activate('inst-1', 'fp-a', [
			'KKKKK-12345',
			unknown,
			elsewhere,
			revoked,
			good,
		]);

		expect(refusals.map((refusal) => [refusal.key, refusal.code])).toEqual([
			['KKKKK-12345', 'malformed-key'],
			[unknown, 'unknown-key'],
			[elsewhere, 'key-bound-elsewhere'],
			[revoked, 'revoked'],
		]);
		for (const refusal of refusals)
			expect(refusal.message.length).toBeGreaterThan(20);
		expect(refusals[0]?.message).toContain('KKKKK-12345');
		expect(document.licenses.map((license) => license.id)).toEqual([good]);
	});

	it('key-bound-elsewhere: a key stays with its first installation', async () => {
		const {mint, activate, contact} = await setup();
		const key = await mint(PERPETUAL_10);
		await activate('inst-1', 'fp-a', [key]);

		const {document, refusals} = await activate('inst-2', 'fp-b', [key]);

		expect(refusals).toEqual([
			expect.objectContaining({key, code: 'key-bound-elsewhere'}),
		]);
		expect(document.licenses).toEqual([]);
		// the first installation still has it
		expect(
			(await contact('inst-1', 'fp-a')).licenses.map((license) => license.id),
		).toEqual([key]);
		// activating it again on its own installation is fine (idempotent)
		const again = await activate('inst-1', 'fp-a', [key]);
		expect(again.refusals).toEqual([]);
		expect(again.document.licenses).toHaveLength(1);
	});

	it('an unknown installation with no valid key gets an empty document and is not remembered', async () => {
		const {activate, call} = await setup();
		const {document, refusals} = await activate('inst-new', 'fp-a', [
			'nonsense',
		]);
		expect(document.licenses).toEqual([]);
		expect(document.fingerprint).toBe('fp-a');
		expect(refusals).toEqual([
			expect.objectContaining({code: 'malformed-key'}),
		]);

		const reply = await call('POST', '/v1/contact', {
			installationId: 'inst-new',
			fingerprint: 'fp-a',
		});
		expect(reply.status).toBe(404);
		expect(reply.body.error).toMatchObject({code: 'unknown-installation'});
	});

	it('R8: reactivation with no key but the installation secret rebinds every license to the new fingerprint', async () => {
		const {mint, activate, time} = await setup();
		const key = await mint(INSTALLATION);
		// The MyQ server makes its secret and sends it from its first activation on.
		const installationSecret = 'secret-of-inst-1-'.padEnd(43, 'x');
		await activate('inst-1', 'fp-a', [key], installationSecret);

		// day 10: the server moved to new hardware and reactivates, with the secret it keeps
		time.now = START + 10 * DAY;
		const {document, refusals} = await activate(
			'inst-1',
			'fp-b',
			[],
			installationSecret,
		);

		expect(refusals).toEqual([]);
		expect(document.fingerprint).toBe('fp-b');
		expect(document.issuedAt).toBe(START + 10 * DAY);
		// the terms did not restart
		expect(document.licenses.map((license) => license.expiresAt)).toEqual([
			START + 365 * DAY,
			null,
		]);
	});

	it('R8: a contact from another fingerprint is answered still bound to the old one', async () => {
		const {mint, activate, contact, time} = await setup();
		const key = await mint(PERPETUAL_10);
		await activate('inst-1', 'fp-a', [key]);

		time.now = START + DAY;
		const document = await contact('inst-1', 'fp-b');

		expect(document.fingerprint).toBe('fp-a');
		// R14 (SPEC change): every answer is signed for the contact it answers, so made now.
		expect(document.issuedAt).toBe(START + DAY);
		expect(document.licenses).toHaveLength(1);
	});

	it('R14 every answer is signed anew for its contact, with its nonce; a change shows in the next one', async () => {
		const {mint, activate, contact, time, vendor} = await setup();
		const key = await mint({
			type: 'license',
			kind: 'subscription',
			devices: 5,
			termDays: 30,
			autoRenew: false,
		});
		await activate('inst-1', 'fp-a', [key]);
		time.now = START + DAY;
		const first = await vendor.service.contact({
			installationId: 'inst-1',
			fingerprint: 'fp-a',
			nonce: 'first',
		});
		time.now = START + 2 * DAY;
		const second = await vendor.service.contact({
			installationId: 'inst-1',
			fingerprint: 'fp-a',
			nonce: 'second',
		});
		// Nothing changed, yet no document is handed out twice (the cached one of before went):
		// the first, replayed, is not an answer to the second contact.
		expect(second.signature).not.toBe(first.signature);
		expect([first.payload.nonce, second.payload.nonce]).toEqual([
			'first',
			'second',
		]);
		expect(second.payload.issuedAt).toBe(START + 2 * DAY);
		expect(second.payload.licenses).toEqual(first.payload.licenses);
		await vendor.service.extend(key, 10);
		time.now = START + 3 * DAY;
		const third = await contact('inst-1', 'fp-a');
		expect(third.issuedAt).toBe(START + 3 * DAY);
		expect(third.licenses[0]?.expiresAt).toBe(START + 40 * DAY);
	});
});

describe('the contact freshness protocol (SPEC §4, R14)', () => {
	it('a contact and an activation answer with the nonce they were sent; without one, none', async () => {
		const {mint, call, open} = await setup();
		const key = await mint(PERPETUAL_10);
		const activated = await call('POST', '/v1/activate', {
			installationId: 'inst-1',
			fingerprint: 'fp-a',
			keys: [key],
			nonce: 'n-activate',
		});
		expect(open(activated.body.document).nonce).toBe('n-activate');
		const contacted = await call('POST', '/v1/contact', {
			installationId: 'inst-1',
			fingerprint: 'fp-a',
			nonce: 'n-contact',
		});
		expect(open(contacted.body.document).nonce).toBe('n-contact');
		// An older client sends none: the document carries none.
		const older = await call('POST', '/v1/contact', {
			installationId: 'inst-1',
			fingerprint: 'fp-a',
		});
		expect(open(older.body.document)).not.toHaveProperty('nonce');
	});

	it('a refusal of a contact is signed for its installation, code and nonce', async () => {
		const {call, publicKey} = await setup();
		const refused = await call('POST', '/v1/contact', {
			installationId: 'never-here',
			fingerprint: 'fp-a',
			nonce: 'n-1',
		});
		expect(refused.status).toBe(404);
		expect(refused.body.error).toMatchObject({code: 'unknown-installation'});
		expect(verify(refused.body.signed, publicKey)).toMatchObject({
			ok: true,
			value: {
				payload: {
					type: 'myq-refusal',
					version: 1,
					installationId: 'never-here',
					code: 'unknown-installation',
					nonce: 'n-1',
					issuedAt: START,
				},
			},
		});
	});

	it('a request it cannot read is refused unsigned (nothing to sign it for), and a nonce holds at most 64 characters', async () => {
		const {call} = await setup();
		for (const body of [
			'not json',
			{installationId: 'inst-1', fingerprint: 'fp-a', nonce: 'x'.repeat(65)},
			{installationId: 'inst-1', fingerprint: 'fp-a', nonce: 42},
		]) {
			const reply = await call('POST', '/v1/contact', body);
			expect(reply.status).toBe(400);
			expect(reply.body).not.toHaveProperty('signed');
		}
		const longest = await call('POST', '/v1/contact', {
			installationId: 'inst-1',
			fingerprint: 'fp-a',
			nonce: 'x'.repeat(64),
		});
		expect(longest.body.error).toMatchObject({code: 'unknown-installation'});
		expect(longest.body).toHaveProperty('signed');
	});
});

describe('vendor renewal and admin changes (SPEC §4)', () => {
	it('auto-renewal: a contact at or after expiresAt extends by whole terms until it is in the future', async () => {
		const {mint, activate, contact, time} = await setup();
		const renewing = await mint(SUBSCRIPTION_30);
		const lapsing = await mint({...SUBSCRIPTION_30, autoRenew: false});
		await activate('inst-1', 'fp-a', [renewing, lapsing]);

		// day 29: not yet due
		time.now = START + 29 * DAY;
		expect(
			(await contact('inst-1', 'fp-a')).licenses.map(
				(license) => license.expiresAt,
			),
		).toEqual([START + 30 * DAY, START + 30 * DAY]);

		// day 30, at the deadline: renewed once
		time.now = START + 30 * DAY;
		expect(
			(await contact('inst-1', 'fp-a')).licenses.map(
				(license) => license.expiresAt,
			),
		).toEqual([START + 60 * DAY, START + 30 * DAY]);

		// day 155, no contact for months: three more terms (90, 120, 150 all passed) -> 180
		time.now = START + 155 * DAY;
		expect(
			(await contact('inst-1', 'fp-a')).licenses.map(
				(license) => license.expiresAt,
			),
		).toEqual([START + 180 * DAY, START + 30 * DAY]);
	});

	it('extend adds days to expiresAt; by key or by license id; seen at the next contact', async () => {
		const {mint, activate, contact, admin} = await setup();
		const installation = await mint({
			type: 'installation',
			licenses: [
				{kind: 'subscription', devices: 10, termDays: 365},
				{kind: 'subscription', devices: 2, termDays: 30},
				{kind: 'perpetual', devices: 1},
			],
		});
		await activate('inst-1', 'fp-a', [installation]);

		const one = await admin(
			'POST',
			`/v1/admin/keys/${encodeURIComponent(`${installation}/2`)}/extend`,
			{days: 10},
		);
		expect(one.status).toBe(200);
		expect(
			(await contact('inst-1', 'fp-a')).licenses.map(
				(license) => license.expiresAt,
			),
		).toEqual([START + 365 * DAY, START + 40 * DAY, null]);

		const all = await admin('POST', `/v1/admin/keys/${installation}/extend`, {
			days: 365,
		});
		expect(all.status).toBe(200);
		expect(
			(await contact('inst-1', 'fp-a')).licenses.map(
				(license) => license.expiresAt,
			),
		).toEqual([START + 730 * DAY, START + 405 * DAY, null]);
	});

	it('extend refuses a perpetual license, a license never activated, and a bad number of days', async () => {
		const {mint, admin} = await setup();
		const perpetual = await mint(PERPETUAL_10);
		const dormant = await mint(SUBSCRIPTION_30);

		const notSubscription = await admin(
			'POST',
			`/v1/admin/keys/${perpetual}/extend`,
			{days: 10},
		);
		expect([
			notSubscription.status,
			(notSubscription.body.error as {code: string}).code,
		]).toEqual([409, 'not-a-subscription']);
		const notActivated = await admin(
			'POST',
			`/v1/admin/keys/${dormant}/extend`,
			{days: 10},
		);
		expect([
			notActivated.status,
			(notActivated.body.error as {code: string}).code,
		]).toEqual([409, 'not-activated']);
		const badDays = await admin('POST', `/v1/admin/keys/${dormant}/extend`, {
			days: 'ten',
		});
		expect(badDays.status).toBe(400);
		expect(badDays.body.error).toMatchObject({
			code: 'bad-request',
			field: 'days',
		});
		const unknownLicense = await admin(
			'POST',
			`/v1/admin/keys/${encodeURIComponent(`${dormant}/2`)}/extend`,
			{days: 1},
		);
		expect([
			unknownLicense.status,
			(unknownLicense.body.error as {code: string}).code,
		]).toEqual([404, 'unknown-license']);
	});

	it('cancel-renewal turns auto-renewal off: the next term does not come', async () => {
		const {mint, activate, contact, admin, time} = await setup();
		const key = await mint(SUBSCRIPTION_30);
		await activate('inst-1', 'fp-a', [key]);

		const reply = await admin('POST', `/v1/admin/keys/${key}/cancel-renewal`);
		expect(reply.status).toBe(200);

		time.now = START + 31 * DAY;
		const document = await contact('inst-1', 'fp-a');
		expect(document.licenses[0]).toMatchObject({
			autoRenew: false,
			expiresAt: START + 30 * DAY,
		});
	});

	it('revoke ends the license at once, seen at the next contact', async () => {
		const {mint, activate, contact, admin, time} = await setup();
		const key = await mint(INSTALLATION);
		await activate('inst-1', 'fp-a', [key]);

		time.now = START + 5 * DAY;
		const reply = await admin(
			'POST',
			`/v1/admin/keys/${encodeURIComponent(`${key}/1`)}/revoke`,
		);
		expect(reply.status).toBe(200);

		time.now = START + 6 * DAY;
		const document = await contact('inst-1', 'fp-a');
		expect(document.licenses.map((license) => license.revokedAt)).toEqual([
			START + 5 * DAY,
			null,
		]);
	});

	it('describes a key with its installation (GET /v1/admin/keys/:key)', async () => {
		const {mint, activate, admin} = await setup();
		const key = await mint(PERPETUAL_10);
		await activate('inst-1', 'fp-a', [key]);
		const reply = await admin('GET', `/v1/admin/keys/${key.toLowerCase()}`);
		expect(reply.status).toBe(200);
		expect(reply.body).toMatchObject({
			key,
			record: {installationId: 'inst-1', boundAt: START},
			licenses: [{id: key, devices: 10}],
			installation: {
				installationId: 'inst-1',
				fingerprint: 'fp-a',
				keys: [key],
			},
		});
		const missing = await admin('GET', '/v1/admin/keys/not-a-key');
		expect([
			missing.status,
			(missing.body.error as {code: string}).code,
		]).toEqual([400, 'malformed-key']);
	});
});

describe('vendor offline activation portal (R5)', () => {
	it('turns a request file into a signed response file that verifies with the public key', async () => {
		const {mint, call, publicKey, open} = await setup();
		const key = await mint(INSTALLATION);
		const request: ActivationRequest = {
			type: 'myq-activation-request',
			version: 1,
			requestId: 'req-42',
			installationId: 'inst-1',
			fingerprint: 'fp-a',
			keys: [key, 'bogus'],
			customer: {
				company: 'Acme',
				person: 'Jane Roe',
				address: '1 Rue X, Paris',
				country: 'FR',
				email: 'it@acme.test',
			},
			createdAt: START - 1000,
		};

		const reply = await call(
			'POST',
			'/v1/offline-activation',
			toSignedFileText(request),
			{'content-type': 'text/plain'},
		);

		expect(reply.status).toBe(200);
		const file = parseCanonicalFile(reply.text);
		expect(file.ok).toBe(true);
		const response = verify<ActivationResponsePayload>(
			file.ok ? file.value : null,
			publicKey,
		);
		if (!response.ok) throw new Error(response.reason);
		const payload = response.value.payload;
		expect(payload).toMatchObject({
			type: 'myq-activation-response',
			version: 1,
			requestId: 'req-42',
			installationId: 'inst-1',
			fingerprint: 'fp-a',
			refusals: [
				expect.objectContaining({key: 'bogus', code: 'malformed-key'}),
			],
		});
		const document = open(payload.document);
		expect(document.requestId).toBe('req-42');
		expect(document.fingerprint).toBe('fp-a');
		expect(document.licenses.map((license) => license.id)).toEqual([
			`${key}/1`,
			`${key}/2`,
		]);

		// the same activation semantics: the key is now bound to inst-1
		const elsewhere = await call('POST', '/v1/activate', {
			installationId: 'inst-2',
			fingerprint: 'fp-b',
			keys: [key],
		});
		expect((elsewhere.body.refusals as KeyRefusal[])[0]?.code).toBe(
			'key-bound-elsewhere',
		);
	});

	it('refuses a file that is not a request, naming the field', async () => {
		const {call, vendor} = await setup();
		const notJson = await call('POST', '/v1/offline-activation', 'hello');
		expect([
			notJson.status,
			(notJson.body.error as {code: string}).code,
		]).toEqual([400, 'bad-request']);
		const wrongType = await call(
			'POST',
			'/v1/offline-activation',
			toSignedFileText({type: 'something-else'}),
		);
		expect(wrongType.body.error).toMatchObject({
			code: 'bad-request',
			field: 'type',
		});
		await expect(vendor.service.offlineActivate('{}')).rejects.toMatchObject({
			code: 'bad-request',
		});
	});
});

describe('vendor HTTP edges', () => {
	it('health and public key', async () => {
		const {call, vendor} = await setup();
		expect(await call('GET', '/v1/health')).toMatchObject({
			status: 200,
			body: {ok: true, publicKey: vendor.publicKey},
		});
		expect(await call('GET', '/v1/public-key')).toMatchObject({
			status: 200,
			body: {publicKey: vendor.publicKey},
		});
	});

	it('admin routes: 401 without a token, 403 with a wrong one, 403 admin-disabled when none is configured', async () => {
		const {call} = await setup();
		const missing = await call('POST', '/v1/admin/keys', PERPETUAL_10);
		expect([
			missing.status,
			(missing.body.error as {code: string}).code,
		]).toEqual([401, 'unauthorized']);
		const wrong = await call('POST', '/v1/admin/keys', PERPETUAL_10, {
			authorization: 'Bearer nope',
		});
		expect([wrong.status, (wrong.body.error as {code: string}).code]).toEqual([
			403,
			'forbidden',
		]);
		const basic = await call('GET', '/v1/admin/keys/x', undefined, {
			authorization: `Basic ${TOKEN}`,
		});
		expect(basic.status).toBe(401);

		const {call: callDisabled} = await setup({token: undefined});
		const disabled = await callDisabled(
			'POST',
			'/v1/admin/keys',
			PERPETUAL_10,
			{authorization: `Bearer ${TOKEN}`},
		);
		expect([
			disabled.status,
			(disabled.body.error as {code: string}).code,
		]).toEqual([403, 'admin-disabled']);
	});

	it('413 body-too-large, with or without a Content-Length', async () => {
		const {call} = await setup({maxBodyBytes: 1024});
		const big = JSON.stringify({
			installationId: 'x'.repeat(2000),
			fingerprint: 'fp',
			keys: [],
		});
		const streamed = await call('POST', '/v1/activate', big);
		expect([
			streamed.status,
			(streamed.body.error as {code: string}).code,
		]).toEqual([413, 'body-too-large']);
		const declared = await call('POST', '/v1/activate', big, {
			'content-length': String(big.length),
		});
		expect([
			declared.status,
			(declared.body.error as {code: string}).code,
		]).toEqual([413, 'body-too-large']);
		// the default limit (64 KiB) lets ordinary bodies through
		const {call: callDefault} = await setup();
		expect(
			(
				await callDefault('POST', '/v1/activate', {
					installationId: 'i',
					fingerprint: 'f',
					keys: [],
				})
			).status,
		).toBe(200);
		expect(
			(
				await callDefault(
					'POST',
					'/v1/activate',
					`{"installationId":"${'x'.repeat(70_000)}"}`,
				)
			).status,
		).toBe(413);
	});

	it('400 bad-request for invalid JSON, and a zod error names the field', async () => {
		const {call} = await setup();
		const invalid = await call('POST', '/v1/activate', '{"installationId": ');
		expect([
			invalid.status,
			(invalid.body.error as {code: string}).code,
		]).toEqual([400, 'bad-request']);
		expect((invalid.body.error as {message: string}).message).toContain(
			'not valid JSON',
		);

		const wrongField = await call('POST', '/v1/activate', {
			installationId: 'i',
			fingerprint: 'f',
			keys: ['ok', 42],
		});
		expect(wrongField.status).toBe(400);
		expect(wrongField.body.error).toMatchObject({
			code: 'bad-request',
			field: 'keys.1',
		});
		expect((wrongField.body.error as {message: string}).message).toContain(
			'"keys.1"',
		);

		const missing = await call('POST', '/v1/contact', {installationId: 'i'});
		expect(missing.body.error).toMatchObject({
			code: 'bad-request',
			field: 'fingerprint',
		});
	});

	it('404 not-found for an unknown route', async () => {
		const {call} = await setup();
		const reply = await call('GET', '/v2/nothing');
		expect([reply.status, (reply.body.error as {code: string}).code]).toEqual([
			404,
			'not-found',
		]);
	});

	it('500 internal for an unexpected exception: logged, no stack in the body', async () => {
		const store = await openSqlStore('memory:');
		const logged: unknown[] = [];
		const {call} = await setup({
			store,
			log: (_message, error) => logged.push(error),
		});
		store.view = () => Promise.reject(new Error('disk on fire'));

		const reply = await call('POST', '/v1/contact', {
			installationId: 'i',
			fingerprint: 'f',
		});

		expect(reply.status).toBe(500);
		expect(reply.body).toEqual({
			error: {code: 'internal', message: expect.any(String)},
		});
		expect(reply.text).not.toContain('disk on fire');
		expect(reply.text).not.toMatch(/\n\s+at /);
		expect(logged).toEqual([
			expect.objectContaining({message: 'disk on fire'}),
		]);
	});

	it('503 store-unavailable when the store cannot be read: logged, never answered as an unknown installation (issue 11, point 4)', async () => {
		const store = await openSqlStore('memory:');
		const logged: {message: string; error: unknown}[] = [];
		const {call} = await setup({
			store,
			log: (message, error) => logged.push({message, error}),
		});
		store.view = () =>
			Promise.reject(
				new StoreUnavailableError(new Error('database is locked')),
			);

		const reply = await call('POST', '/v1/contact', {
			installationId: 'i',
			fingerprint: 'f',
		});

		expect(reply.status).toBe(503);
		expect((reply.body.error as {code: string}).code).toBe('store-unavailable');
		expect(reply.headers.get('retry-after')).toBe('5');
		expect(reply.text).not.toContain('database is locked');
		expect(logged).toEqual([
			{
				message: expect.stringContaining('POST /v1/contact'),
				error: expect.objectContaining({message: 'database is locked'}),
			},
		]);
	});
});

describe('vendor store (SQL on a SQLite file)', () => {
	let directory: string | undefined;
	afterEach(async () => {
		if (directory) await rm(directory, {recursive: true, force: true});
		directory = undefined;
	});

	it('keeps its key pair and catalog across restarts in a real SQLite file', async () => {
		directory = await mkdtemp(join(tmpdir(), 'myq-vendor-'));
		const url = `sqlite://${join(directory, 'vendor.sqlite')}`;

		// first start: mint and activate
		const firstStore = await openSqlStore(url);
		const first = await createVendor({store: firstStore, now: () => START});
		const {key} = await first.service.mint({
			type: 'license',
			kind: 'subscription',
			devices: 5,
			termDays: 30,
		});
		const reply = await first.service.activate({
			installationId: 'inst-1',
			fingerprint: 'fp-a',
			keys: [key],
		});
		expect(reply.refusals).toEqual([]);
		await firstStore.close();

		// restart: same identity, same catalog
		const secondStore = await openSqlStore(url);
		const second = await createVendor({
			store: secondStore,
			now: () => START + DAY,
		});
		expect(second.publicKey).toBe(first.publicKey);
		const document: SignedDocument = await second.service.contact({
			installationId: 'inst-1',
			fingerprint: 'fp-a',
		});
		expect(verify(document, importPublicKey(first.publicKey)).ok).toBe(true);
		expect(document.payload.licenses).toEqual([
			expect.objectContaining({id: key, expiresAt: START + 30 * DAY}),
		]);
		await secondStore.close();
	});

	it('uses the key pair it is given instead of the stored one', async () => {
		const store = await openSqlStore('memory:');
		const first = await createVendor({store, now: () => START});
		const given = await createVendor({now: () => START});
		const third = await createVendor({
			store,
			now: () => START,
			keyPair: given.keyPair,
		});
		expect(third.publicKey).toBe(given.publicKey);
		expect(third.publicKey).not.toBe(first.publicKey);
	});
});
