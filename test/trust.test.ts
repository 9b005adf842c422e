/**
 * One trust checker (issue 9, point 3): a document the vendor signed but that the engine cannot
 * read is refused the same way on every path in: a live reply through the HTTP client, a load
 * from the store, and a response file. The two checkers of before disagreed on device counts
 * (zod took -1 and 1.5); these are the cases that broke.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {createHttpLicenseServer} from '../source/adapters/http-license-server.js';
import type {
	ActivationDocument,
	ActivationResponsePayload,
	Signed,
} from '../source/engine/types.js';
import {renderOutcome} from '../source/i18n/outcome.js';
import {
	importPublicKey,
	sign,
	toSignedFileText,
} from '../source/signing/index.js';
import {CUSTOMER, createWorld, type World} from './helpers/world.js';

let world: World | undefined;

afterEach(async () => {
	await world?.dispose();
	world = undefined;
});

/** A world with one activated perpetual license of 3 devices. */
async function activatedWorld(): Promise<World> {
	const w = await createWorld();
	world = w;
	expect((await w.runtime.save(CUSTOMER, '')).ok).toBe(true);
	await w.runtime.save(
		null,
		await w.mint({type: 'license', kind: 'perpetual', devices: 3}),
	);
	expect(await w.runtime.activate()).toMatchObject({ok: true});
	return w;
}

/** The document with every license's device count set to `devices`, signed by the vendor itself. */
function resigned(
	w: World,
	document: Signed<ActivationDocument>,
	devices: number,
): Signed<ActivationDocument> {
	return sign(
		{
			...document.payload,
			licenses: document.payload.licenses.map((grant) => ({
				...grant,
				devices,
			})),
		},
		w.vendor.keyPair.privateKey,
	);
}

describe.each([
	['negative', -1],
	['fractional', 1.5],
])(
	'a vendor-signed document with %s devices (%d) is refused on every path',
	(_name, devices) => {
		it('HTTP client: a live reply carrying it is a bad-response, never a document', async () => {
			const w = await activatedWorld();
			const forged = resigned(w, w.runtime.snapshot().state.document!, devices);
			const client = createHttpLicenseServer({
				baseUrl: 'http://license.test',
				clock: w.clock.world,
				fetch: (async () => Response.json({document: forged})) as typeof fetch,
				publicKey: importPublicKey(w.vendor.publicKey),
			});
			const reply = await client.contact({
				installationId: w.runtime.installationId,
				fingerprint: 'any',
				nonce: 'any',
			});
			expect(reply).toMatchObject({ok: false, failure: {kind: 'bad-response'}});
			if (!reply.ok) expect(reply.failure.message).toMatch(/cannot be read/);
		});

		it('store: a stored document carrying it gives license-problem at the next load, and is kept', async () => {
			const w = await activatedWorld();
			const loaded = await w.store.load();
			if (loaded.kind !== 'loaded') throw new Error('nothing stored');
			const record = loaded.value as {
				state: {document: Signed<ActivationDocument>};
			};
			const forged = resigned(w, record.state.document, devices);
			await w.store.save({
				...record,
				state: {...record.state, document: forged},
			});

			// Offline, so the contact at start cannot bring a good document back at once.
			w.network.setState('offline');
			await w.restart();

			const {state, evaluation} = w.runtime.snapshot();
			expect(state.integrity?.reason).toMatch(
				/stored document: .*cannot be read/,
			);
			expect(evaluation.banners.map((banner) => banner.id)).toEqual([
				'license-problem',
			]);
			// Never deleted: the document is still there, untrusted.
			expect(state.document).toEqual(forged);
		});

		it('file import: a response file carrying it is refused as altered, and nothing changes', async () => {
			const w = await activatedWorld();
			const before = w.runtime.snapshot().state;
			const exported = await w.runtime.exportActivationRequest();
			if (!exported.ok) throw new Error(renderOutcome('en', exported));
			const real = JSON.parse(
				await w.vendor.service.offlineActivate(exported.text),
			) as Signed<ActivationResponsePayload>;
			const forged = toSignedFileText(
				sign(
					{
						...real.payload,
						document: resigned(w, real.payload.document, devices),
					},
					w.vendor.keyPair.privateKey,
				),
			);

			const outcome = await w.runtime.importActivationResponse(forged);

			expect(outcome).toMatchObject({ok: false, code: 'altered-file'});
			expect(renderOutcome('en', outcome)).toMatch(
				/^The document inside the response cannot be used: the signed document cannot be read: its license 1 is not in the expected form\.$/,
			);
			expect(w.runtime.snapshot().state.document).toBe(before.document);
			expect(w.runtime.snapshot().evaluation.capacity).toBe(3);
		});
	},
);
