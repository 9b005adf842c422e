/**
 * What the installation records of its own life, so that `export-scenario` can turn it into a
 * scenario that replays it (SPEC §5 "From a customer's installation to a scenario"). Data only,
 * `{code, params}` like the log (STYLE 11), never a sentence.
 *
 * Beside the log rather than inside it: the log is for people (the Events screen, one line per
 * thing worth saying, its last 1,000 entries kept), the history is for replaying. It records what
 * came in from outside (starts and the hardware they saw, the customer, keys, activations,
 * contacts whose outcome changed, the licenses the signed documents granted, the clock going
 * back, devices) and what the installation looked like after each change (`observed`), so the
 * exporter reads states the installation went through instead of computing them a second time.
 *
 * Bounded by time: every entry of the last {@link HISTORY_KEEP_DAYS} days is kept as it is;
 * older ones are folded into one `summary` entry (the installation as it stood then). Contacts
 * that changed nothing are not recorded (a replay makes them by itself, at the same instants,
 * R14): a year of a quiet installation is a few hundred entries.
 */
import type {Evaluation} from './evaluate.js';
import type {
	Banner,
	KeyKind,
	LicenseGrant,
	LicenseStatus,
	OperationalState,
} from './types.js';
import {DAY} from './types.js';

/** Every day of the last 400 is kept in full (issue 15: a year of a customer's life and more). */
export const HISTORY_KEEP_DAYS = 400;
/** Folding runs when the oldest entry is this much older than the kept window: about monthly. */
const FOLD_SLACK = 30 * DAY;

/** What a view of the installation was: SPEC §5's day entry, as the engine evaluated it. */
export type Observation = {
	state: OperationalState;
	banners: Banner[];
	capacity: number;
	activated: number;
	licensed: number;
	/**
	 * License id (or pending key) -> status, for the rows whose status changed since the previous
	 * observation; null for a row that went. A summary holds every row.
	 */
	licenses: Record<string, LicenseStatus | null>;
	/** When anything visible changes next without an event (evaluate's nextChangeAt). */
	until: number | null;
};

/** An exchange with the license server (R4, R14). */
export type Interaction = {
	ok: boolean;
	/** The failure kind (`network`, `timeout`, `http`, ...) when it failed. */
	failure: string | null;
	/** The license server's time minus ours (R15), from its signed answer; null when it failed. */
	skew: number | null;
	/** Asked by the admin (Connect now, Activate) rather than by the schedule. */
	requested: boolean;
};

/** The installation as it stood when older entries were folded. */
export type HistorySummary = {
	/** The first instant the folded entries knew of. */
	from: number;
	fingerprint: string | null;
	/** R14: the contact period of the last start. */
	interval: number | null;
	customer: boolean;
	/** Keys added, in order, granted or not. */
	keys: {key: string; keyKind: KeyKind}[];
	/** The latest grant of each license the documents showed. */
	grants: LicenseGrant[];
	/** License id -> the length of its first term in ms (a subscription's term, SPEC §4). */
	terms: Record<string, number>;
	/** Devices activated at the fold, in activation order (R7). */
	devices: string[];
	interaction: Interaction | null;
	/** The last skew a signed answer showed. */
	skew: number | null;
	/** How far the clock was set back in all (R15). */
	clockBack: number;
	/** The last observation, every row in it. */
	observed: Observation | null;
};

type Entry<Code extends string, Params> = {
	at: number;
	code: Code;
	params: Params;
};

export type HistoryEntry =
	/** A MyQ server start on a fingerprint (R8), with its contact period (R14). */
	| Entry<'started', {fingerprint: string; interval: number | null}>
	/** Another fingerprint seen without a start (a command beside the server, a check). */
	| Entry<'fingerprint', {fingerprint: string}>
	/** The customer form saved (its fields are the state's `customer`, not copied here). */
	| Entry<'customer', Record<string, never>>
	| Entry<'key-added', {key: string; keyKind: KeyKind}>
	/** R3: `key` when the text was a valid key (a duplicate). */
	| Entry<'key-refused', {reason: string; key: string | null}>
	| Entry<'activation', Interaction & {manual: boolean}>
	| Entry<'contact', Interaction>
	/** The grants a signed document brought that differ from the ones held. */
	| Entry<'grants', {licenses: LicenseGrant[]}>
	/** R15: the clock went back by `by` ms. */
	| Entry<'clock-back', {by: number}>
	/** R7: a device activation, refused or not. */
	| Entry<'device', {id: string; ok: boolean}>
	| Entry<'device-off', {id: string}>
	| Entry<'observed', Observation>
	| Entry<'summary', HistorySummary>;

export type HistoryCode = HistoryEntry['code'];

/** The view of an evaluation, every row in it. */
export function observationOf(evaluation: Evaluation): Observation {
	const licenses: Record<string, LicenseStatus | null> = {};
	for (const license of evaluation.licenses) {
		licenses[license.id] = license.status;
	}
	return {
		state: evaluation.state,
		banners: evaluation.banners.map((banner) =>
			banner.days === undefined
				? {id: banner.id}
				: {id: banner.id, days: banner.days},
		),
		capacity: evaluation.capacity,
		activated: evaluation.devices.activated,
		licensed: evaluation.devices.licensed,
		licenses,
		until: evaluation.nextChangeAt,
	};
}

/**
 * What changed between two views, as an observation holding only the rows that changed; null
 * when nothing did.
 */
export function observationChange(
	before: Evaluation,
	after: Evaluation,
): Observation | null {
	const sameBanners =
		before.banners.length === after.banners.length &&
		before.banners.every(
			(banner, index) =>
				banner.id === after.banners[index]!.id &&
				banner.days === after.banners[index]!.days,
		);
	const sameView =
		sameBanners &&
		before.state === after.state &&
		before.capacity === after.capacity &&
		before.devices.activated === after.devices.activated &&
		before.devices.licensed === after.devices.licensed &&
		before.nextChangeAt === after.nextChangeAt;
	// Every step asks, so the usual answer (the same rows, in the same order) allocates nothing.
	if (sameView && sameRows(before, after)) {
		return null;
	}
	const previous = new Map(
		before.licenses.map((license) => [license.id, license.status]),
	);
	const licenses: Record<string, LicenseStatus | null> = {};
	for (const license of after.licenses) {
		if (previous.get(license.id) !== license.status) {
			licenses[license.id] = license.status;
		}
		previous.delete(license.id);
	}
	for (const id of previous.keys()) {
		licenses[id] = null;
	}
	return {...observationOf(after), licenses};
}

function sameRows(before: Evaluation, after: Evaluation): boolean {
	const {licenses} = after;
	if (before.licenses.length !== licenses.length) return false;
	for (let index = 0; index < licenses.length; index++) {
		const old = before.licenses[index]!;
		if (
			old.id !== licenses[index]!.id ||
			old.status !== licenses[index]!.status
		) {
			return false;
		}
	}
	return true;
}

/** The last entry of one of `codes`, newest first. */
export function lastOf<C extends HistoryCode>(
	history: readonly HistoryEntry[],
	codes: readonly C[],
): Extract<HistoryEntry, {code: C}> | undefined {
	for (let index = history.length - 1; index >= 0; index--) {
		const entry = history[index]!;
		if ((codes as readonly string[]).includes(entry.code)) {
			return entry as Extract<HistoryEntry, {code: C}>;
		}
	}
	return undefined;
}

/** The last exchange with the license server the history knows, summary included. */
export function lastInteraction(
	history: readonly HistoryEntry[],
): Interaction | null {
	const entry = lastOf(history, ['activation', 'contact', 'summary']);
	if (entry === undefined) return null;
	return entry.code === 'summary' ? entry.params.interaction : entry.params;
}

/** The license server's time minus ours at the last signed answer recorded (R15). */
export function lastSkew(history: readonly HistoryEntry[]): number | null {
	for (let index = history.length - 1; index >= 0; index--) {
		const entry = history[index]!;
		if (entry.code === 'summary') return entry.params.skew;
		if (
			(entry.code === 'activation' || entry.code === 'contact') &&
			entry.params.skew !== null
		) {
			return entry.params.skew;
		}
	}
	return null;
}

/** Whether the history holds a view of the installation yet (an observation or a summary). */
export function hasObservation(history: readonly HistoryEntry[]): boolean {
	return lastOf(history, ['observed', 'summary']) !== undefined;
}

/**
 * Appends `entries` and folds what is older than the kept window (see the top of this file).
 * Entries are kept in the order they happened; `at` is the server's clock, which may go back
 * (R15), so the window is cut at the first entry inside it.
 */
export function appendHistory(
	history: readonly HistoryEntry[],
	entries: readonly HistoryEntry[],
	now: number,
): HistoryEntry[] {
	const all = [...history, ...entries];
	const cut = now - HISTORY_KEEP_DAYS * DAY;
	const oldest = all[0];
	if (oldest === undefined || oldest.at >= cut - FOLD_SLACK) {
		return all;
	}
	let end = 0;
	while (end < all.length && all[end]!.at < cut) end++;
	if (end <= 1 && oldest.code === 'summary') {
		return all;
	}
	return [
		{at: cut, code: 'summary', params: foldHistory(all.slice(0, end))},
		...all.slice(end),
	];
}

/** The installation as the entries leave it (older ones first; a summary among them is their start). */
export function foldHistory(entries: readonly HistoryEntry[]): HistorySummary {
	let summary: HistorySummary = {
		from: entries[0]?.at ?? 0,
		fingerprint: null,
		interval: null,
		customer: false,
		keys: [],
		grants: [],
		terms: {},
		devices: [],
		interaction: null,
		skew: null,
		clockBack: 0,
		observed: null,
	};
	for (const entry of entries) {
		switch (entry.code) {
			case 'summary':
				summary = structuredClone(entry.params);
				break;
			case 'started':
				summary.fingerprint = entry.params.fingerprint;
				summary.interval = entry.params.interval;
				break;
			case 'fingerprint':
				summary.fingerprint = entry.params.fingerprint;
				break;
			case 'customer':
				summary.customer = true;
				break;
			case 'key-added':
				summary.keys.push(entry.params);
				break;
			case 'activation':
			case 'contact':
				summary.interaction = {
					ok: entry.params.ok,
					failure: entry.params.failure,
					skew: entry.params.skew,
					requested: entry.params.requested,
				};
				if (entry.params.skew !== null) summary.skew = entry.params.skew;
				break;
			case 'grants':
				for (const grant of entry.params.licenses) {
					const index = summary.grants.findIndex(
						(known) => known.id === grant.id,
					);
					if (index === -1) summary.grants.push(grant);
					else summary.grants[index] = grant;
					if (grant.expiresAt !== null && !(grant.id in summary.terms)) {
						summary.terms[grant.id] = grant.expiresAt - grant.activatedAt;
					}
				}
				break;
			case 'clock-back':
				summary.clockBack += entry.params.by;
				break;
			case 'device':
				if (entry.params.ok) summary.devices.push(entry.params.id);
				break;
			case 'device-off':
				summary.devices = summary.devices.filter(
					(id) => id !== entry.params.id,
				);
				break;
			case 'observed': {
				const licenses = {
					...(summary.observed?.licenses ?? {}),
					...entry.params.licenses,
				};
				for (const [id, status] of Object.entries(licenses)) {
					if (status === null) delete licenses[id];
				}
				summary.observed = {...entry.params, licenses};
				break;
			}
			case 'key-refused':
				break;
		}
	}
	return summary;
}
