/**
 * The vendor catalog of an exported scenario (SPEC §5 `keys`), as far as the signed documents
 * in the history show it: each key's kind, its licenses with their devices, the length of a
 * subscription's first term (SPEC §4: it starts at the first activation) and its renewal as first
 * seen. Keys are named by neutral aliases (INST, INST2, L1, L2...); keys that no document ever
 * granted get a neutral key that no vendor knows.
 */

import {createHash} from 'node:crypto';
import type {HistoryEntry} from '../../source/engine/history.js';
import {mintKey} from '../../source/engine/keys.js';
import {
	DAY,
	type EngineState,
	type KeyKind,
	type LicenseGrant,
} from '../../source/engine/types.js';
import type {CatalogEntry, LicenseSpec} from '../scenario/index.js';

export type ExportCatalog = {
	/** Alias -> entry, in the order the keys first showed. */
	entries: Map<string, CatalogEntry>;
	/** Key -> alias, for keys a document granted. */
	aliasOfKey: Map<string, string>;
	/** Keys that no document granted: key -> neutral literal key. */
	literals: Map<string, string>;
	/** License id -> its first term in ms (subscriptions). */
	terms: Map<string, number>;
	/** License id -> the grant as first seen. */
	first: Map<string, LicenseGrant>;
	/** Terms that are not whole days (rounded in the file). */
	roughTerms: string[];
};

/** The name of a license id (`KEY`, `KEY/n`) or a pending key in the exported scenario. */
export function nameOf(catalog: ExportCatalog, id: string): string | null {
	const slash = id.lastIndexOf('/');
	if (slash > 0) {
		const alias = catalog.aliasOfKey.get(id.slice(0, slash));
		return alias === undefined ? null : `${alias}${id.slice(slash)}`;
	}
	return catalog.aliasOfKey.get(id) ?? null;
}

export function buildCatalog(
	history: readonly HistoryEntry[],
	state: EngineState,
): ExportCatalog {
	const order: {key: string; keyKind: KeyKind}[] = [];
	const seen = new Set<string>();
	const note = (key: string, keyKind: KeyKind) => {
		if (!seen.has(key)) {
			seen.add(key);
			order.push({key, keyKind});
		}
	};
	const first = new Map<string, LicenseGrant>();
	const terms = new Map<string, number>();
	const see = (grant: LicenseGrant, term?: number) => {
		note(grant.key, grant.keyKind);
		if (!first.has(grant.id)) {
			first.set(grant.id, grant);
			const length =
				term ??
				(grant.expiresAt === null ? null : grant.expiresAt - grant.activatedAt);
			if (grant.kind === 'subscription' && length !== null) {
				terms.set(grant.id, length);
			}
		}
	};
	for (const entry of history) {
		if (entry.code === 'summary') {
			for (const key of entry.params.keys) note(key.key, key.keyKind);
			for (const grant of entry.params.grants) {
				see(grant, entry.params.terms[grant.id]);
			}
		} else if (entry.code === 'key-added') {
			note(entry.params.key, entry.params.keyKind);
		} else if (entry.code === 'grants') {
			for (const grant of entry.params.licenses) see(grant);
		}
	}
	for (const grant of state.document?.payload.licenses ?? []) see(grant);
	for (const pending of state.pending) note(pending.key, pending.kind);

	const entries = new Map<string, CatalogEntry>();
	const aliasOfKey = new Map<string, string>();
	const literals = new Map<string, string>();
	const roughTerms: string[] = [];
	const counts: Record<KeyKind, number> = {installation: 0, license: 0};
	const random = neutralBytes();
	const spec = (grant: LicenseGrant): LicenseSpec => {
		if (grant.kind === 'perpetual') {
			return {kind: 'perpetual', devices: grant.devices};
		}
		const term = terms.get(grant.id) ?? DAY;
		if (term % DAY !== 0) roughTerms.push(grant.id);
		return {
			kind: 'subscription',
			devices: grant.devices,
			termDays: Math.max(1, Math.round(term / DAY)),
			autoRenew: grant.autoRenew,
		};
	};
	for (const {key, keyKind} of order) {
		const grants = [...first.values()].filter((grant) => grant.key === key);
		if (grants.length === 0) {
			literals.set(key, mintKey(keyKind, random));
			continue;
		}
		counts[keyKind] += 1;
		const number = counts[keyKind];
		if (keyKind === 'installation') {
			const alias = number === 1 ? 'INST' : `INST${number}`;
			aliasOfKey.set(key, alias);
			const licenses = grants
				.sort((a, b) => licenseIndex(a.id) - licenseIndex(b.id))
				.map(spec);
			entries.set(alias, {type: 'installation', licenses});
		} else {
			const alias = `L${number}`;
			aliasOfKey.set(key, alias);
			entries.set(alias, {type: 'license', ...spec(grants[0]!)});
		}
	}
	return {entries, aliasOfKey, literals, terms, first, roughTerms};
}

function licenseIndex(id: string): number {
	return Number(id.slice(id.lastIndexOf('/') + 1)) || 0;
}

/** The same neutral keys at every export: bytes from a hash of a counter, nothing of the customer's. */
function neutralBytes(): (size: number) => Uint8Array {
	let counter = 0;
	return (size) => {
		counter += 1;
		const bytes = createHash('sha256')
			.update(`export-scenario neutral key ${counter}`)
			.digest();
		return bytes.subarray(0, size);
	};
}
