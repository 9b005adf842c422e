/**
 * Activation (R4, R8) as one transaction on the store (issue 11, point 1): the installation's
 * row and the keys' rows are locked, then the keys are checked, bound and counted, so two
 * activations racing on different processes cannot both bind one key.
 *
 * An installation id alone (printed by `status --json`, written in request files) activates
 * nothing (issue 11, point 5). The MyQ server makes a secret of its own and sends it with every
 * activation; the first one the installation presents is adopted (its hash stored) and from then
 * on it is the installation's only proof: an activation without it is refused, from the bound
 * machine or from another. The keys and the fingerprint are no proof then, since SPEC §4 answers
 * a contact from any machine with the installation's document, which lists both. An installation
 * that never presented a secret (MyQ versions before secrets) keeps the earlier rule: it moves to
 * another fingerprint with every key bound to it, and the secret it presents then becomes its own.
 */
import {createHash, timingSafeEqual} from 'node:crypto';
import {parseKey} from '../engine/keys.js';
import type {Customer, KeyRefusal} from '../engine/types.js';
import {
	bindKey,
	type KeyRecord,
	type LicenseRecord,
	renewKey,
} from './catalog.js';
import {VendorError} from './errors.js';
import type {ActivationLimiter} from './rate-limit.js';
import type {
	InstallationRow,
	VendorReads,
	VendorStore,
	VendorTransaction,
} from './store.js';

export type ActivateInput = {
	installationId: string;
	fingerprint: string;
	keys: string[];
	customer?: Customer | null;
	/**
	 * The secret the MyQ server made for this installation: adopted by an installation that
	 * holds none, then required by every activation of it.
	 */
	installationSecret?: string | undefined;
	/** R14: signed back in the answer, so the client knows it is fresh. */
	nonce?: string | undefined;
};

/** What an activation leaves: the installation as it now stands, ready to be signed. */
export type Activated = {
	installationId: string;
	fingerprint: string;
	records: KeyRecord[];
	refusals: KeyRefusal[];
	/** Whether anything was written (an activation that binds nothing stores nothing). */
	stored: boolean;
};

export type ActivationContext = {
	store: VendorStore;
	limiter: ActivationLimiter;
};

/**
 * Activates `request` at `at`. `finish` runs inside the transaction when something was stored
 * (the offline portal keeps its answer there, with the activation it answers).
 */
export async function activate(
	context: ActivationContext,
	request: ActivateInput,
	at: number,
	finish?: (tx: VendorTransaction, activated: Activated) => Promise<void>,
): Promise<Activated> {
	const {store} = context;
	const keys = parseKeys(request.keys);
	// A first activation that can bind nothing stores nothing: answered from reads alone, so a
	// flood of made-up installation ids costs no write (and no lock).
	if ((await store.installation(request.installationId)) === undefined) {
		const found = await readKeys(store, keys.valid);
		const refusals = [
			...keys.refusals,
			...keys.valid.flatMap((key) => refusalOf(key, found.get(key), request)),
		];
		if (refusals.length === keys.refusals.length + keys.valid.length) {
			return empty(request, refusals);
		}
	}
	try {
		return await store.transaction((tx) =>
			activateIn(tx, context, request, keys, at, finish),
		);
	} catch (error) {
		if (error instanceof NothingToKeep) return error.activated;
		throw error;
	}
}

async function activateIn(
	tx: VendorTransaction,
	context: ActivationContext,
	request: ActivateInput,
	keys: ParsedKeys,
	at: number,
	finish:
		| ((tx: VendorTransaction, activated: Activated) => Promise<void>)
		| undefined,
): Promise<Activated> {
	const {installationId} = request;
	// Lock order: the installation, then the keys (sorted by the store).
	let created = false;
	let installation = await tx.lockInstallation(installationId);
	if (installation === undefined) {
		created = await tx.createInstallation({
			installationId,
			fingerprint: request.fingerprint,
			customer: request.customer ?? null,
			secretHash: null,
			createdAt: at,
			lastActivationAt: at,
			lastContactAt: at,
		});
		installation = await tx.lockInstallation(installationId);
		if (installation === undefined) {
			throw new Error(
				`The installation ${installationId} was created but cannot be read.`,
			);
		}
	}
	// Every key the transaction may write: those asked for, and those already bound (renewed
	// below). The installation's lock keeps the bound ones from changing meanwhile.
	const bound = created
		? []
		: ((await tx.installation(installationId))?.keys ?? []);
	const locked = await tx.lockKeys([...keys.valid, ...bound]);
	const refusals = [...keys.refusals];
	const accepted: KeyRecord[] = [];
	for (const key of keys.valid) {
		const record = locked.get(key);
		const refusal = refusalOf(key, record, request);
		if (refusal.length > 0 || record === undefined) refusals.push(...refusal);
		else accepted.push(record);
	}
	if (created && accepted.length === 0) {
		// Another activation took the keys meanwhile: the installation we made goes with the rollback.
		throw new NothingToKeep(empty(request, refusals));
	}

	requireProof(installation, request, bound, keys.valid);
	// Checked before anything is written, so a refused activation changes nothing. Only what
	// binds counts: a stranger's attempts with a key bound elsewhere cannot lock its owner out.
	const acceptedKeys = accepted.map((record) => record.key);
	await context.limiter.check(tx, installationId, acceptedKeys, at);

	for (const record of accepted) {
		if (record.installationId === null) {
			const bound = await tx.bindKey(bindKey(record, installationId, at));
			if (!bound)
				throw new Error(`The key ${record.key}, locked, was bound by another.`);
		}
	}
	const row: InstallationRow = {
		...installation,
		// R8: activation (re)binds every license of the installation to this fingerprint.
		fingerprint: request.fingerprint,
		lastActivationAt: at,
		lastContactAt: at,
		customer: request.customer ?? installation.customer,
		secretHash: installation.secretHash ?? adoptedSecret(request),
	};
	await tx.updateInstallation(row);
	await context.limiter.count(tx, installationId, acceptedKeys, at);

	const view = await tx.view(installationId);
	const records = await renewAll(tx, view?.keys ?? [], at);
	const activated: Activated = {
		installationId,
		fingerprint: row.fingerprint,
		records,
		refusals,
		stored: true,
	};
	await finish?.(tx, activated);
	return activated;
}

/** The keys with due auto-renewals applied and saved (SPEC §4); the caller holds their locks. */
export async function renewAll(
	tx: VendorTransaction,
	records: readonly KeyRecord[],
	at: number,
): Promise<KeyRecord[]> {
	const renewed: KeyRecord[] = [];
	for (const record of records) {
		const next = renewKey(record, at);
		if (next !== record) await tx.saveLicenses(next.key, next.licenses);
		renewed.push(next);
	}
	return renewed;
}

/**
 * The proof an activation of an existing installation needs (see the top of this file): its
 * secret once it holds one; before that, every key bound to it to move it to another machine.
 */
function requireProof(
	installation: InstallationRow,
	request: ActivateInput,
	bound: readonly string[],
	presented: readonly string[],
): void {
	const isMove = installation.fingerprint !== request.fingerprint;
	if (installation.secretHash !== null) {
		if (secretMatches(installation, request.installationSecret)) return;
		throw isMove
			? new VendorError(
					403,
					'rebind-needs-proof',
					`The installation ${installation.installationId} is activated on other hardware. Only the MyQ server that holds its installation secret (kept in its store) can move it: activate with that store.`,
				)
			: new VendorError(
					403,
					'installation-secret-required',
					`The installation ${installation.installationId} is activated with an installation secret, and this request does not carry it. Activate from the MyQ server's own store, which keeps the secret.`,
				);
	}
	if (!isMove) return;
	const given = new Set(presented);
	if (bound.length > 0 && bound.every((key) => given.has(key))) return;
	throw new VendorError(
		403,
		'rebind-needs-proof',
		`The installation ${installation.installationId} is activated on other hardware. To move it to this server, enter every key of the installation (${bound.length}).`,
	);
}

type ParsedKeys = {valid: string[]; refusals: KeyRefusal[]};

/** The request's keys normalised, each once, in the order given; malformed ones refused. */
function parseKeys(inputs: readonly string[]): ParsedKeys {
	const valid: string[] = [];
	const refusals: KeyRefusal[] = [];
	for (const input of inputs) {
		const parsed = parseKey(input);
		if (!parsed.ok) {
			refusals.push({
				key: input,
				code: 'malformed-key',
				message: parsed.error.message,
			});
		} else if (!valid.includes(parsed.value.key)) {
			valid.push(parsed.value.key);
		}
	}
	return {valid, refusals};
}

async function readKeys(
	reads: VendorReads,
	keys: readonly string[],
): Promise<Map<string, KeyRecord>> {
	const found = new Map<string, KeyRecord>();
	for (const key of keys) {
		const record = await reads.key(key);
		if (record !== undefined) found.set(key, record);
	}
	return found;
}

/** Why `key` cannot be activated by this request (empty when it can). */
function refusalOf(
	key: string,
	record: KeyRecord | undefined,
	request: ActivateInput,
): KeyRefusal[] {
	if (record === undefined) {
		return [
			{
				key,
				code: 'unknown-key',
				message: `The key ${key} is not in the vendor's catalog. Check it against your license document, or ask your reseller.`,
			},
		];
	}
	if (
		record.installationId !== null &&
		record.installationId !== request.installationId
	) {
		return [
			{
				key,
				code: 'key-bound-elsewhere',
				message: `The key ${key} is already activated on another installation; a key works on one installation only. Ask your reseller to move it.`,
			},
		];
	}
	const revokedAt = allRevokedAt(record.licenses);
	if (revokedAt !== null) {
		return [
			{
				key,
				code: 'revoked',
				message: `The key ${key} was revoked by the vendor on ${new Date(revokedAt).toISOString()}. Ask your reseller for a new key.`,
			},
		];
	}
	return [];
}

/** When every license of a key is revoked, the latest revocation; otherwise null. */
function allRevokedAt(licenses: readonly LicenseRecord[]): number | null {
	let latest: number | null = null;
	for (const license of licenses) {
		if (license.revokedAt === null) return null;
		latest =
			latest === null ? license.revokedAt : Math.max(latest, license.revokedAt);
	}
	return latest;
}

function empty(request: ActivateInput, refusals: KeyRefusal[]): Activated {
	return {
		installationId: request.installationId,
		fingerprint: request.fingerprint,
		records: [],
		refusals,
		stored: false,
	};
}

/** Thrown to roll back a transaction that found nothing to keep, carrying its answer. */
class NothingToKeep extends Error {
	constructor(readonly activated: Activated) {
		super('nothing to keep');
	}
}

/**
 * The fewest characters of a secret an installation adopts: the MyQ server makes 32 random bytes
 * (43 characters); a short one would be a guess away.
 */
export const MIN_SECRET_LENGTH = 32;

/** The hash to keep of the request's secret, for an installation that holds none yet. */
function adoptedSecret(request: ActivateInput): string | null {
	const given = request.installationSecret;
	return given !== undefined && given.length >= MIN_SECRET_LENGTH
		? hashSecret(given)
		: null;
}

function hashSecret(secret: string): string {
	return createHash('sha256').update(secret).digest('hex');
}

function secretMatches(
	installation: InstallationRow,
	given: string | undefined,
): boolean {
	if (installation.secretHash === null || given === undefined) return false;
	const expected = Buffer.from(installation.secretHash, 'hex');
	const actual = createHash('sha256').update(given).digest();
	return expected.length === actual.length && timingSafeEqual(expected, actual);
}
