/**
 * R16 (and R5) against tampering, issue 6: a stored document edited by hand, a response file
 * with any single byte flipped (every byte position of a real file), and documents signed by
 * another vendor key, on import, at load and as a live reply. Each is refused with an event that
 * says why, the program never throws, and nothing already valid is lost.
 */
import {HttpResponse, http} from 'msw';
import {afterEach, describe, expect, it} from 'vitest';
import {DAY, type EngineState, HOUR} from '../source/engine/types.js';
import {renderOutcome} from '../source/i18n/outcome.js';
import {
	generateVendorKeyPair,
	importPublicKey,
	parseCanonicalFile,
	sign,
	toSignedFileText,
	verify,
} from '../source/signing/index.js';
import {withDetail} from './helpers/log.js';
import {BASE_URL, CUSTOMER, createWorld, type World} from './helpers/world.js';

let world: World | undefined;

afterEach(async () => {
	await world?.dispose();
	world = undefined;
});

type EditableDocument = {
	payload: Record<string, unknown> & {licenses: Record<string, unknown>[]};
	signature: string;
};
type EditableRecord = {state: {document: EditableDocument}};

/** Another vendor's key pair: what a forger would sign with. */
const otherVendor = generateVendorKeyPair();

/**
 * A registered installation running on two licenses (5 + 4 = 9 devices), with one device
 * activated and one more key pending: the valid things that must survive every tampering.
 */
async function runningWorld(): Promise<{
	w: World;
	subscription: string;
	perpetual: string;
	pending: string;
}> {
	const w = await createWorld();
	world = w;
	expect((await w.runtime.save(CUSTOMER, '')).ok).toBe(true);
	const subscription = await w.mint({
		type: 'license',
		kind: 'subscription',
		devices: 5,
		termDays: 30,
	});
	const perpetual = await w.mint({
		type: 'license',
		kind: 'perpetual',
		devices: 4,
	});
	await w.runtime.save(null, `${subscription}\n${perpetual}`);
	expect(await w.runtime.activate()).toMatchObject({ok: true});
	expect((await w.runtime.activateDevice('printer-1')).ok).toBe(true);
	const pending = await w.mint({
		type: 'license',
		kind: 'perpetual',
		devices: 1,
	});
	await w.runtime.save(null, pending);
	expect(w.runtime.snapshot().evaluation).toMatchObject({
		state: 'running',
		capacity: 9,
	});
	return {w, subscription, perpetual, pending};
}

/** What must never be lost: the customer, the pending key, the devices. */
function keptData(state: EngineState) {
	return {
		customer: state.customer,
		pending: state.pending.map((pending) => pending.key),
		devices: state.devices.map((device) => device.id),
	};
}

/** Edits the stored document while the program is stopped, as someone with the file would. */
async function editStoredDocument(
	w: World,
	edit: (document: EditableDocument) => void,
): Promise<EditableDocument> {
	await w.runtime.stop();
	const record = (await w.store.raw.get('state')) as EditableRecord;
	edit(record.state.document);
	await w.store.raw.set('state', record);
	return structuredClone(record.state.document);
}

/**
 * Restarts offline (so the contact at start cannot replace the document at once) and checks the
 * R16 verdict: stopped on license-problem, an event saying why, the edited document kept as it
 * is in memory and in the store, and the rest of the data intact. Then a good contact recovers.
 */
async function expectCaughtAtLoad(
	w: World,
	edited: EditableDocument,
	reason: RegExp,
) {
	const before = keptData(w.runtime.snapshot().state);
	w.network.setState('offline');
	await w.restart();

	const {state, evaluation} = w.runtime.snapshot();
	expect(evaluation).toMatchObject({
		state: 'stopped',
		banners: [{id: 'license-problem'}],
		capacity: 0,
	});
	const rejected = state.log.filter(
		(entry) => entry.type === 'document-rejected',
	);
	expect(rejected).toHaveLength(1);
	expect(withDetail(rejected[0])?.detail).toMatch(
		/^stored document rejected: /,
	);
	expect(withDetail(rejected[0])?.detail).toMatch(reason);
	expect(state.integrity?.reason).toMatch(reason);
	// Never deleted: the document stays as edited, in memory and in the store, beside the rest.
	expect(state.document).toEqual(edited);
	expect(
		((await w.store.raw.get('state')) as EditableRecord).state.document,
	).toEqual(edited);
	expect(keptData(state)).toEqual(before);

	// The next good contact brings the vendor's truth back.
	w.network.setState('online');
	expect(await w.runtime.connect()).toMatchObject({ok: true});
	const recovered = w.runtime.snapshot();
	expect(recovered.evaluation).toMatchObject({
		state: 'running',
		capacity: 9,
		banners: [],
	});
	expect(recovered.state.integrity).toBeNull();
	expect(keptData(recovered.state)).toEqual(before);
}

describe('R16 a stored document edited by hand is caught at load', () => {
	it('R16 signature edited: one base64 symbol of the signature changed', async () => {
		const {w} = await runningWorld();
		const edited = await editStoredDocument(w, (document) => {
			const at = 20;
			const symbol = document.signature[at] === 'A' ? 'B' : 'A';
			document.signature = `${document.signature.slice(0, at)}${symbol}${document.signature.slice(at + 1)}`;
		});
		await expectCaughtAtLoad(
			w,
			edited,
			/the signature does not match the vendor key/,
		);
	});

	it('R16 signature cut short: a malformed signature', async () => {
		const {w} = await runningWorld();
		const edited = await editStoredDocument(w, (document) => {
			document.signature = document.signature.slice(0, 40);
		});
		await expectCaughtAtLoad(w, edited, /the signature is malformed/);
	});

	it('R16 payload field added: a member the vendor never signed', async () => {
		const {w} = await runningWorld();
		const edited = await editStoredDocument(w, (document) => {
			document.payload.note = 'unlimited devices, says IT';
		});
		await expectCaughtAtLoad(
			w,
			edited,
			/the signature does not match the vendor key/,
		);
	});

	it('R16 a license added: a copy of a grant under another id', async () => {
		const {w} = await runningWorld();
		const edited = await editStoredDocument(w, (document) => {
			const copy = {...document.payload.licenses[1], id: 'K-COPY'};
			document.payload.licenses.push(copy);
		});
		expect(edited.payload.licenses).toHaveLength(3);
		await expectCaughtAtLoad(
			w,
			edited,
			/the signature does not match the vendor key/,
		);
	});

	it('R16 expiresAt pushed a year later on the subscription', async () => {
		const {w, subscription} = await runningWorld();
		const expiresAt = w.runtime
			.snapshot()
			.evaluation.licenses.find(
				(license) => license.id === subscription,
			)?.expiresAt;
		expect(expiresAt).toBeTypeOf('number');
		const edited = await editStoredDocument(w, (document) => {
			const grant = document.payload.licenses.find(
				(license) => license.id === subscription,
			);
			if (grant === undefined)
				throw new Error('no subscription in the document');
			grant.expiresAt = (expiresAt as number) + 365 * DAY;
		});
		await expectCaughtAtLoad(
			w,
			edited,
			/the signature does not match the vendor key/,
		);
		// The vendor's term came back, not the pushed one.
		expect(
			w.runtime
				.snapshot()
				.evaluation.licenses.find((license) => license.id === subscription)
				?.expiresAt,
		).toBe(expiresAt);
	});

	it('R16 fingerprint rewritten to another machine (a copied store)', async () => {
		const {w} = await runningWorld();
		const edited = await editStoredDocument(w, (document) => {
			document.payload.fingerprint = 'server-b';
		});
		await expectCaughtAtLoad(
			w,
			edited,
			/the signature does not match the vendor key/,
		);
	});

	it('R16 a stored document swapped for one signed by another vendor key', async () => {
		const {w} = await runningWorld();
		const edited = await editStoredDocument(w, (document) => {
			const forged = sign(document.payload, otherVendor.privateKey);
			document.signature = forged.signature;
		});
		await expectCaughtAtLoad(w, edited, /signed by another key/);
	});
});

/** A real response file to a pending request, from the vendor portal (R5). */
async function realResponse(): Promise<{w: World; response: string}> {
	const w = await createWorld();
	world = w;
	expect((await w.runtime.save(CUSTOMER, '')).ok).toBe(true);
	await w.runtime.save(
		null,
		[
			await w.mint({
				type: 'installation',
				licenses: [
					{kind: 'subscription', devices: 10, termDays: 365},
					{kind: 'perpetual', devices: 1},
				],
			}),
			await w.mint({type: 'license', kind: 'perpetual', devices: 3}),
		].join('\n'),
	);
	w.network.setState('offline');
	const exported = await w.runtime.exportActivationRequest();
	if (!exported.ok) throw new Error(renderOutcome('en', exported));
	return {w, response: await w.vendor.service.offlineActivate(exported.text)};
}

/** The file with byte `index` xor `mask`, decoded as the import reads a file (UTF-8). */
function flipByte(bytes: Buffer, index: number, mask: number): string {
	const copy = Buffer.from(bytes);
	copy[index] = (copy[index] ?? 0) ^ mask;
	return copy.toString('utf8');
}

/** The refusal of the pure pieces (R5: parse the exact form, then check the signature), or null when it passes. */
function pureRefusal(
	text: string,
	vendorKey: ReturnType<typeof importPublicKey>,
): string | null {
	const parsed = parseCanonicalFile(text);
	if (!parsed.ok) return parsed.reason;
	const verified = verify(parsed.value, vendorKey);
	return verified.ok ? null : verified.reason;
}

describe('R5 R16 a response file with any single byte flipped', () => {
	// Flipping bit 0 turns every ASCII byte into another ASCII byte (a digit into a digit, a
	// quote into #, a newline into a vertical tab); 0x20 flips letter case and space/NUL;
	// 0x80 and 0xFF make bytes that are not UTF-8 at all.
	const MASKS = [0x01, 0x20, 0x80, 0xff];

	it('R5 every byte position, four flips each, is refused by parseCanonicalFile + verify', async () => {
		const {w, response} = await realResponse();
		const vendorKey = importPublicKey(w.vendor.publicKey);
		const bytes = Buffer.from(response, 'utf8');
		// The control: the file as made passes, and it is long enough to mean something.
		expect(pureRefusal(response, vendorKey)).toBeNull();
		expect(bytes.length).toBeGreaterThan(1000);

		const reasons = new Map<string, number>();
		let tried = 0;
		for (let index = 0; index < bytes.length; index++) {
			for (const mask of MASKS) {
				const text = flipByte(bytes, index, mask);
				expect(text).not.toBe(response);
				const reason = pureRefusal(text, vendorKey);
				if (reason === null)
					throw new Error(
						`byte ${index} xor 0x${mask.toString(16)} was accepted`,
					);
				reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
				tried += 1;
			}
		}
		expect(tried).toBe(bytes.length * MASKS.length);
		// Each refusal has a reason a person can read, from the known set.
		expect([...reasons.keys()].sort()).toEqual(
			expect.arrayContaining([
				'the file is not valid JSON',
				'the file was altered (it is not in the form it was written in)',
			]),
		);
		for (const reason of reasons.keys()) {
			expect(reason).toMatch(
				/^(the file is not valid JSON|the file was altered|the signature|not a signed document)/,
			);
		}
	});

	it('R5 every byte position (xor 0x01) imported through the runtime: refused with a clear message, nothing changed', async () => {
		const {w, response} = await realResponse();
		const bytes = Buffer.from(response, 'utf8');
		const before = w.runtime.snapshot().state;
		const codes = new Map<string, number>();

		for (let index = 0; index < bytes.length; index++) {
			const outcome = await w.runtime.importActivationResponse(
				flipByte(bytes, index, 0x01),
			);
			if (outcome.ok) throw new Error(`byte ${index} flipped was imported`);
			expect(renderOutcome('en', outcome)).toMatch(
				/^(The response file cannot be used: |The response file is not signed by the vendor: )/,
			);
			codes.set(outcome.code, (codes.get(outcome.code) ?? 0) + 1);
			const last = w.runtime.snapshot().state.log.at(-1);
			expect(last?.type).toBe('manual-response-refused');
			expect(withDetail(last)?.detail).toContain(renderOutcome('en', outcome));
		}

		expect(Object.fromEntries(codes)).toEqual({'altered-file': bytes.length});
		const after = w.runtime.snapshot().state;
		expect(after.document).toBeNull();
		expect(after.pending).toEqual(before.pending);
		expect(after.manualRequest).toEqual(before.manualRequest);
		expect(w.runtime.snapshot().evaluation.state).toBe('unlicensed');
		// Nothing stood in the way of the real file.
		expect(await w.runtime.importActivationResponse(response)).toMatchObject({
			ok: true,
		});
		expect(w.runtime.snapshot().evaluation).toMatchObject({
			state: 'running',
			capacity: 14,
		});
	});

	it('R5 a flip after activation leaves the running licenses as they are', async () => {
		const {w, response} = await realResponse();
		expect(await w.runtime.importActivationResponse(response)).toMatchObject({
			ok: true,
		});
		const document = w.runtime.snapshot().state.document;
		const bytes = Buffer.from(response, 'utf8');
		for (const index of [
			0,
			100,
			Math.floor(bytes.length / 2),
			bytes.length - 90,
			bytes.length - 1,
		]) {
			expect(
				await w.runtime.importActivationResponse(flipByte(bytes, index, 0x01)),
			).toMatchObject({ok: false, code: 'altered-file'});
		}
		expect(w.runtime.snapshot().state.document).toBe(document);
		expect(w.runtime.snapshot().evaluation).toMatchObject({
			state: 'running',
			capacity: 14,
		});
	});
});

describe('R16 a document signed by another vendor key', () => {
	type ResponseValue = {
		payload: {document: {payload: unknown; signature: string}} & Record<
			string,
			unknown
		>;
		signature: string;
	};

	it('R16 on import: a response signed by another key is refused, and nothing changes', async () => {
		const {w, response} = await realResponse();
		const value = JSON.parse(response) as ResponseValue;
		const inner = sign(value.payload.document.payload, otherVendor.privateKey);
		const forged = toSignedFileText(
			sign({...value.payload, document: inner}, otherVendor.privateKey),
		);
		const before = w.runtime.snapshot().state;

		const outcome = await w.runtime.importActivationResponse(forged);

		expect({
			ok: outcome.ok,
			code: outcome.code,
			message: renderOutcome('en', outcome),
		}).toEqual({
			ok: false,
			code: 'altered-file',
			message:
				'The response file is not signed by the vendor: the signature does not match the vendor key (altered, or signed by another key).',
		});
		const after = w.runtime.snapshot().state;
		expect(withDetail(after.log.at(-1))).toMatchObject({
			type: 'manual-response-refused',
			detail: expect.stringContaining('signed by another key'),
		});
		expect([after.document, after.pending, after.manualRequest]).toEqual([
			before.document,
			before.pending,
			before.manualRequest,
		]);
		expect(await w.runtime.importActivationResponse(response)).toMatchObject({
			ok: true,
		});
	});

	it('R16 on import: a vendor-signed response carrying a document signed by another key is refused too', async () => {
		const {w, response} = await realResponse();
		const value = JSON.parse(response) as ResponseValue;
		const inner = sign(value.payload.document.payload, otherVendor.privateKey);
		const mixed = toSignedFileText(
			sign({...value.payload, document: inner}, w.vendor.keyPair.privateKey),
		);

		const outcome = await w.runtime.importActivationResponse(mixed);

		expect(outcome).toMatchObject({ok: false, code: 'altered-file'});
		expect(renderOutcome('en', outcome)).toBe(
			'The document inside the response cannot be used: the signature does not match the vendor key (altered, or signed by another key).',
		);
		expect(w.runtime.snapshot().state.document).toBeNull();
		expect(w.runtime.snapshot().state.log.at(-1)?.type).toBe(
			'manual-response-refused',
		);
	});

	/** Answers every request to `path` with the vendor's real answer, its document re-signed by the other key. */
	function forgeReplies(w: World, path: string) {
		const forged = {count: 0};
		w.network.handlers.unshift(
			http.post(`${BASE_URL}${path}`, async ({request}) => {
				// The vendor's answer with the document in its body (README "The contact on the wire").
				const asked = new Request(request);
				asked.headers.delete('prefer');
				const answer = (await (await w.vendor.app.fetch(asked)).json()) as {
					document: {payload: unknown};
				} & Record<string, unknown>;
				forged.count += 1;
				return HttpResponse.json({
					...answer,
					document: sign(answer.document.payload, otherVendor.privateKey),
				});
			}),
		);
		return forged;
	}

	it('R16 as a live reply: Connect now gets a document signed by another key, refuses it, keeps the licenses', async () => {
		const {w} = await runningWorld();
		const before = w.runtime.snapshot().state;
		const forged = forgeReplies(w, '/v1/contact');

		const outcome = await w.runtime.connect();

		expect(forged.count).toBe(1);
		expect(outcome).toMatchObject({ok: false, code: 'bad-signature'});
		expect(renderOutcome('en', outcome)).toContain(
			'the signature does not match the vendor key (altered, or signed by another key)',
		);
		const {state, evaluation} = w.runtime.snapshot();
		expect(state.log.slice(before.log.length).map(withDetail)).toContainEqual(
			expect.objectContaining({
				type: 'contact-failed',
				detail: expect.stringContaining('signed by another key'),
			}),
		);
		// A failed contact: the licenses keep counting, nothing is replaced or lost.
		expect(state.document).toBe(before.document);
		expect(keptData(state)).toEqual(keptData(before));
		expect(evaluation).toMatchObject({capacity: 9, operational: true});
		expect(evaluation.banners.map((banner) => banner.id)).toEqual([
			'server-unreachable',
		]);
		// The scheduled contact a day later meets the same forgery, and still loses nothing.
		await w.advance(24 * HOUR);
		expect(forged.count).toBe(2);
		expect(w.runtime.snapshot().state.document).toBe(before.document);
		expect(w.runtime.snapshot().evaluation.capacity).toBe(9);
	});

	it('R16 as a live reply: Activate gets a document signed by another key; the keys stay pending', async () => {
		const {w, pending} = await runningWorld();
		const before = w.runtime.snapshot().state;
		forgeReplies(w, '/v1/activate');

		const outcome = await w.runtime.activate();

		expect(outcome).toMatchObject({ok: false, code: 'offline'});
		expect(renderOutcome('en', outcome)).toMatch(
			/cannot be trusted .*signed by another key/,
		);
		const {state, evaluation} = w.runtime.snapshot();
		expect(state.pending.map((entry) => entry.key)).toEqual([pending]);
		expect(state.document).toBe(before.document);
		expect(state.log.slice(before.log.length).map(withDetail)).toContainEqual(
			expect.objectContaining({
				type: 'activation-failed',
				detail: expect.stringContaining('signed by another key'),
			}),
		);
		expect(evaluation.capacity).toBe(9);
	});
});
