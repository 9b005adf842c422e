/**
 * The vendor key the runtime trusts (R16), and the checks it makes with it. The key comes from
 * the installation's configuration (`--vendor-key`) or the store; without one, the first key the
 * server presents is pinned, and that is said in the event log. The checks themselves are the one
 * trust checker's (signing/trust.ts).
 */
import type {KeyObject} from 'node:crypto';
import type {SignedDocument} from '../engine/types.js';
import {importPublicKey} from '../signing/index.js';
import {checkDocument, type TrustFailure} from '../signing/trust.js';

export class VendorTrust {
	private key: KeyObject | null = null;

	/**
	 * @param fetchKey asks the server for its key (trust on first use)
	 * @param onPinned records that a fetched key was pinned (an engine event)
	 */
	constructor(
		private keyText: string | null,
		private readonly fetchKey: () => Promise<string | null>,
		private readonly onPinned: (key: string) => Promise<void>,
	) {}

	/** The vendor key in use, as printed by `vendor serve`, or null when none is pinned yet. */
	get text(): string | null {
		return this.keyText;
	}

	/** Uses `text` as the vendor key from now on (the configured one, or the one stored). */
	use(text: string | null) {
		if (text !== this.keyText) {
			this.keyText = text;
			this.key = null;
		}
	}

	/** The key, pinning the server's at first use when none is configured. */
	async publicKey(): Promise<KeyObject | null> {
		if (this.key) {
			return this.key;
		}
		if (this.keyText) {
			try {
				this.key = importPublicKey(this.keyText);
				return this.key;
			} catch {
				return null;
			}
		}
		const fetched = await this.fetchKey();
		if (fetched === null) {
			return null;
		}
		try {
			this.key = importPublicKey(fetched);
		} catch {
			return null;
		}
		this.keyText = fetched;
		await this.onPinned(fetched);
		return this.key;
	}

	/** R16: a stored document is verified, and read, at every load. */
	async checkStored(
		document: SignedDocument,
	): Promise<{ok: true} | {ok: false; reason: string}> {
		const key = await this.publicKey();
		if (!key) {
			return {ok: false, reason: 'the vendor public key is not known'};
		}
		const checked = checkDocument(document, key);
		return checked.ok
			? {ok: true}
			: {ok: false, reason: checked.failure.message};
	}

	/**
	 * A live reply, checked with this installation's key before the engine sees it: the client
	 * may have pinned another one (the key a server presents is not trusted for that alone).
	 */
	async checkReply(
		document: SignedDocument,
		installationId: string,
		fingerprint: string | null,
	): Promise<{ok: true} | {ok: false; failure: TrustFailure}> {
		const key = await this.publicKey();
		if (!key) {
			return {
				ok: false,
				failure: {
					kind: 'bad-signature',
					message: 'the vendor public key is not known',
				},
			};
		}
		const checked = checkDocument(document, key, {installationId, fingerprint});
		return checked.ok ? {ok: true} : {ok: false, failure: checked.failure};
	}
}
