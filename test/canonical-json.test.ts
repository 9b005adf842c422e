/**
 * R16 signs and verifies canonical JSON. Issue 16 made the vendor build its payloads in canonical
 * order and canonicalJson take JSON.stringify of a value already in that order instead of
 * rebuilding it: the text must be the same either way, for any value, in any member order.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createVendor} from '../source/license-server/index.js';
import {
	canonicalJson,
	generateVendorKeyPair,
	readSignedText,
	sign,
	signedText,
	verify,
} from '../source/signing/index.js';

/** The canonical form as it was defined before issue 16: rebuilt at every level. */
function rebuilt(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value);
	if (Array.isArray(value)) {
		return `[${value.map((item) => (item === undefined ? 'null' : rebuilt(item))).join(',')}]`;
	}
	const record = value as Record<string, unknown>;
	return `{${Object.keys(record)
		.sort()
		.filter((key) => record[key] !== undefined)
		.map((key) => `${JSON.stringify(key)}:${rebuilt(record[key])}`)
		.join(',')}}`;
}

/** The same value with its members sorted at every level (as the vendor builds payloads). */
function sortedCopy(value: unknown): unknown {
	if (value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) return value.map(sortedCopy);
	const record = value as Record<string, unknown>;
	return Object.fromEntries(
		Object.keys(record)
			.sort()
			.map((key) => [key, sortedCopy(record[key])]),
	);
}

describe('R16 canonical JSON, read as it stands when already in order (issue 16)', () => {
	it('canonical-json-same-either-way: any JSON value, in its own order or sorted, gives the rebuilt text', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				expect(canonicalJson(value)).toBe(rebuilt(value));
				expect(canonicalJson(sortedCopy(value))).toBe(rebuilt(value));
			}),
			{numRuns: 500},
		);
	});

	it('canonical-json-odd-values: undefined members, undefined in arrays, holes and toJSON are canonicalised as before', () => {
		const values: unknown[] = [
			{a: 1, b: undefined, c: [undefined, 2]},
			// A hole, as `[1, , 3]` makes it (the linter refuses the literal).
			{a: Object.assign([1], {2: 3})},
			{a: new Date(0), b: 1},
			{b: {d: 1, c: 2}, a: '\u2028é"\\'},
		];
		for (const value of values) {
			expect(canonicalJson(value)).toBe(rebuilt(value));
		}
		expect(() => canonicalJson({a: Number.NaN})).toThrow(TypeError);
	});

	it('signed-payloads-in-canonical-order: the vendor signs documents whose JSON is already canonical', async () => {
		const vendor = await createVendor({now: () => Date.UTC(2027, 0, 4)});
		try {
			const {key} = await vendor.service.mint({
				type: 'installation',
				licenses: [
					{kind: 'subscription', devices: 10, termDays: 365, autoRenew: true},
					{kind: 'perpetual', devices: 1},
				],
			});
			const answer = await vendor.service.activate({
				installationId: 'inst-1',
				fingerprint: 'fp',
				keys: [key],
				customer: null,
				nonce: 'nonce-1',
			});
			expect(JSON.stringify(answer.document.payload)).toBe(
				rebuilt(answer.document.payload),
			);
		} finally {
			await vendor.close();
		}
	});
});

describe('R16 a document received as its signed text (issue 16: the contact answer in a header)', () => {
	const {privateKey, publicKey} = generateVendorKeyPair();
	const payload = {
		installationId: 'inst-1',
		issuedAt: 1,
		licenses: [{devices: 5, id: 'K/1'}],
		nonce: 'n-1',
		type: 'myq-activation',
	};

	it('signed-text-read-as-it-came: the text sign() signed, read back, is the same document and verifies', () => {
		const signed = sign(payload, privateKey);
		expect(signedText(signed)).toBe(canonicalJson(payload));
		const read = readSignedText(
			signedText(signed),
			signed.signature,
			publicKey,
		);
		expect(read).toEqual(signed);
		expect(verify(read, publicKey)).toMatchObject({ok: true, value: signed});
	});

	it('signed-text-altered-refused: a text changed after signing is handed on unverified, and verify refuses it', () => {
		const signed = sign(payload, privateKey);
		const altered = signedText(signed).replace('"devices":5', '"devices":50');
		const read = readSignedText(altered, signed.signature, publicKey);
		expect(read?.payload).toMatchObject({licenses: [{devices: 50}]});
		expect(verify(read, publicKey)).toMatchObject({ok: false});
		const otherKey = generateVendorKeyPair().publicKey;
		const byOther = readSignedText(
			signedText(signed),
			signed.signature,
			otherKey,
		);
		expect(verify(byOther, otherKey)).toMatchObject({ok: false});
		expect(readSignedText('{not json', signed.signature, publicKey)).toBe(
			undefined,
		);
	});
});
