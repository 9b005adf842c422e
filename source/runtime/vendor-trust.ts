/**
 * The vendor key the runtime trusts (R16), and the checks it makes with it. The key comes from
 * the installation's configuration only (`--vendor-key`, `MYQ_VENDOR_KEY`, the trust file: see
 * commands/trust-file.ts), never from the store it protects: whoever can write the store could
 * otherwise sign their own documents and name their own key beside them. Without a key nothing
 * signed is trusted. The checks themselves are the one trust checker's (signing/trust.ts).
 */
import type {KeyObject} from 'node:crypto';
import type {SignedDocument} from '../engine/types.js';
import {importPublicKey} from '../signing/index.js';
import {checkDocument, type TrustFailure} from '../signing/trust.js';

/** Why a stored document is not trusted: the verifier's words, and what kind of problem it is. */
export type StoredVerdict =
	| {ok: true}
	| {
			ok: false;
			code: 'no-vendor-key' | 'bad-signature' | 'bad-document';
			reason: string;
	  };

export const NO_VENDOR_KEY =
	'no vendor public key is configured, so no signed document can be checked';

export class VendorTrust {
	private key: KeyObject | null = null;

	constructor(private keyText: string | null) {}

	/** The vendor key in use, as printed by `vendor serve`, or null when none is configured. */
	get text(): string | null {
		return this.keyText;
	}

	/** Uses `text` as the vendor key from now on (the admin chose to trust it). */
	use(text: string | null) {
		if (text !== this.keyText) {
			this.keyText = text;
			this.key = null;
		}
	}

	/** The key, or null when none is configured (or the configured one is unusable). */
	publicKey(): KeyObject | null {
		if (this.key === null && this.keyText !== null) {
			try {
				this.key = importPublicKey(this.keyText);
			} catch {
				return null;
			}
		}
		return this.key;
	}

	/** R16: a stored document is verified, and read, at every load. */
	checkStored(document: SignedDocument): StoredVerdict {
		const key = this.publicKey();
		if (!key) {
			return {ok: false, code: 'no-vendor-key', reason: NO_VENDOR_KEY};
		}
		const checked = checkDocument(document, key);
		if (checked.ok) return {ok: true};
		return {
			ok: false,
			code:
				checked.failure.kind === 'bad-signature'
					? 'bad-signature'
					: 'bad-document',
			reason: checked.failure.message,
		};
	}

	/**
	 * A live reply, checked with this installation's key before the engine sees it (the client
	 * checked it too, with the key it was given): for this installation, bound to `fingerprint`
	 * when given, answering the contact that sent `nonce` (R14).
	 */
	checkReply(
		document: SignedDocument,
		expected: {
			installationId: string;
			fingerprint: string | null;
			nonce: string;
		},
	): {ok: true} | {ok: false; failure: TrustFailure} {
		const key = this.publicKey();
		if (!key) {
			return {
				ok: false,
				failure: {kind: 'bad-signature', message: NO_VENDOR_KEY},
			};
		}
		const checked = checkDocument(document, key, expected);
		return checked.ok ? {ok: true} : {ok: false, failure: checked.failure};
	}
}
