/**
 * The steps of an exported scenario, read from the history in the order things happened: starts
 * on their hardware, the customer, keys, activations, contacts the admin asked for, the network
 * as each exchange with the license server found it, the clock, devices, and the vendor's
 * changes that the signed documents show.
 *
 * What the history does not say is inferred from its effect and the step carries a note saying
 * so: a vendor change is known only from the next document that shows it (the step is placed
 * just before that answer), a clock put forward only from the license server's time.
 * A network change is placed just before the first exchange with the new outcome: the history
 * records every change of outcome (engine/history.ts), so no exchange happened in between.
 */
import type {
	HistoryEntry,
	HistorySummary,
	Interaction,
} from '../../source/engine/history.js';
import {DAY, HOUR, type LicenseGrant} from '../../source/engine/types.js';
import type {Message} from '../../source/i18n/log.js';
import {renewLicense} from '../../source/license-server/catalog.js';
import {LICENSE_LIMITS} from '../../source/license-server/schemas.js';
import type {NetworkState} from '../network.js';
import type {ExportCatalog} from './catalog.js';
import {nameOf} from './catalog.js';
import type {WorldTimes} from './world-time.js';

/** A step before it is given its day: true time, then the order it was written in. */
export type PlannedStep = {
	time: number;
	order: number;
	body: Record<string, unknown> & {do: string};
	/** Why the step is there when the history only shows its effect. */
	note?: Message;
};

/** The network state that gives an exchange this outcome (simulator/network.ts). */
const NETWORK_OF: Record<string, NetworkState> = {
	network: 'offline',
	timeout: 'slow',
	http: 'error',
	'bad-response': 'garbage',
};

export type Timeline = {
	steps: PlannedStep[];
	/** Fingerprints in the order they were seen; the first is the one at start. */
	fingerprints: string[];
	/** R14: the contact period, when a start said one. */
	interval: number | null;
	/** Notes for the whole file. */
	notes: Message[];
};

export function buildTimeline(
	history: readonly HistoryEntry[],
	world: WorldTimes,
	catalog: ExportCatalog,
	start: number,
): Timeline {
	const steps: PlannedStep[] = [];
	const notes: Message[] = [];
	const fingerprints: string[] = [];
	let current: string | null = null;
	let interval: number | null = null;
	let network: NetworkState = 'online';
	let order = 0;
	const grants = new Map<string, LicenseGrant>();
	let lastKey: string | null = null;

	const hardware = (fingerprint: string) => {
		if (!fingerprints.includes(fingerprint)) fingerprints.push(fingerprint);
		return `hardware-${fingerprints.indexOf(fingerprint) + 1}`;
	};
	const add = (
		time: number,
		body: PlannedStep['body'],
		note?: Message,
	): PlannedStep => {
		order += 2;
		const step: PlannedStep = {
			time: Math.max(time, start),
			order,
			body,
			...(note ? {note} : {}),
		};
		steps.push(step);
		return step;
	};
	/**
	 * Just before an exchange at `time`: at the same instant, before it, when the exchange is a
	 * step; a second earlier when the schedule makes it (a scenario's steps of an instant come
	 * after its scheduled contact, SPEC §5).
	 */
	const before = (time: number, isStep: boolean) =>
		isStep ? time : time - 1000;
	const keyName = (key: string) =>
		catalog.aliasOfKey.get(key) ?? catalog.literals.get(key) ?? key;
	const addKey = (time: number, key: string) => {
		const alias = catalog.aliasOfKey.get(key);
		add(
			time,
			alias
				? {do: 'add-key', key: alias}
				: {do: 'add-key', literal: keyName(key)},
		);
		lastKey = key;
	};

	const vendorChanges = (
		changed: readonly LicenseGrant[],
		time: number,
		isStep: boolean,
		answeredAt: number,
	) => {
		for (const grant of changed) {
			const old = grants.get(grant.id);
			grants.set(grant.id, grant);
			if (old === undefined) continue;
			const name = nameOf(catalog, grant.id) ?? grant.id;
			const at = before(time, isStep);
			const date = new Date(answeredAt).toISOString().slice(0, 10);
			if (grant.revokedAt !== null && old.revokedAt === null) {
				add(
					at,
					{do: 'vendor', action: 'revoke', key: name},
					{id: 'export.note.vendor-inferred', params: {date}},
				);
			}
			if (old.autoRenew && !grant.autoRenew) {
				add(
					at,
					{do: 'vendor', action: 'cancel-renewal', key: name},
					{id: 'export.note.vendor-inferred', params: {date}},
				);
			} else if (!old.autoRenew && grant.autoRenew) {
				notes.push({
					id: 'export.note.renewal-back-on',
					params: {license: name, date},
				});
			}
			if (
				grant.expiresAt !== null &&
				old.expiresAt !== null &&
				grant.expiresAt !== old.expiresAt
			) {
				// SPEC §4: a contact at or after the expiry renews by itself; the rest is the vendor's.
				const term = catalog.terms.get(grant.id) ?? 0;
				const renewed = renewLicense(
					{
						kind: old.kind,
						devices: old.devices,
						termDays: term > 0 ? Math.round(term / DAY) : null,
						autoRenew: old.autoRenew,
						activatedAt: old.activatedAt,
						expiresAt: old.expiresAt,
						revokedAt: old.revokedAt,
					},
					answeredAt,
				).expiresAt as number;
				const extension = grant.expiresAt - renewed;
				if (extension === 0) continue;
				const days = extension / DAY;
				if (
					Number.isInteger(days) &&
					days > 0 &&
					days <= LICENSE_LIMITS.termDays
				) {
					add(
						at,
						{do: 'vendor', action: 'extend', key: name, days},
						{id: 'export.note.vendor-inferred', params: {date}},
					);
				} else {
					notes.push({
						id: 'export.note.expiry-not-expressed',
						params: {
							license: name,
							date: new Date(grant.expiresAt).toISOString(),
						},
					});
				}
			}
		}
	};

	/** The network as this exchange found it, changed just before it when it differs. */
	const networkFor = (exchange: Interaction, time: number, isStep: boolean) => {
		const wanted: NetworkState = exchange.ok
			? 'online'
			: (NETWORK_OF[exchange.failure ?? ''] ?? 'garbage');
		if (wanted === network) return;
		network = wanted;
		add(
			before(time, isStep),
			{do: 'network', state: wanted},
			exchange.ok || exchange.failure! in NETWORK_OF
				? undefined
				: {
						id: 'export.note.failure-approximated',
						params: {failure: exchange.failure ?? ''},
					},
		);
	};

	for (let index = 0; index < history.length; index++) {
		const entry = history[index]!;
		const time = world.times[index]!;
		switch (entry.code) {
			case 'summary':
				// Rebuilt on day 0, which may come before the summary (see summaryStart).
				network = summaryBaseline(entry.params, start, {
					add,
					addKey,
					hardware,
					grants,
					catalog,
					notes,
				});
				current = entry.params.fingerprint;
				interval = entry.params.interval;
				break;
			case 'started': {
				interval ??= entry.params.interval;
				const name = hardware(entry.params.fingerprint);
				if (current === null && time === start) {
					// The scenario's own start on its first hardware (day 0).
				} else if (entry.params.fingerprint === current) {
					add(time, {do: 'restart'});
				} else {
					add(time, {do: 'hardware', use: name});
				}
				current = entry.params.fingerprint;
				break;
			}
			case 'fingerprint': {
				const name = hardware(entry.params.fingerprint);
				if (current !== null && entry.params.fingerprint !== current) {
					add(
						time,
						{do: 'hardware', use: name},
						{id: 'export.note.hardware-without-restart'},
					);
				}
				current = entry.params.fingerprint;
				break;
			}
			case 'customer':
				add(time, {do: 'register'});
				break;
			case 'key-added':
				addKey(time, entry.params.key);
				break;
			case 'key-refused':
				if (entry.params.key !== null) {
					addKey(time, entry.params.key);
				} else {
					add(time, {
						do: 'add-key',
						literal:
							entry.params.reason === 'bad-checksum'
								? badChecksum(keyName(lastKey ?? '') || 'K')
								: 'NOT-A-KEY',
					});
				}
				break;
			case 'activation':
			case 'contact': {
				const at = index;
				const isStep =
					entry.code === 'activation' || entry.params.requested === true;
				// The grants its answer brought are the entries right after it, at the same instant.
				let next = index + 1;
				const changed: LicenseGrant[] = [];
				while (
					history[next]?.code === 'grants' &&
					history[next]!.at === entry.at
				) {
					changed.push(
						...(history[next] as Extract<HistoryEntry, {code: 'grants'}>).params
							.licenses,
					);
					next++;
				}
				index = next - 1;
				const clock = world.clockChanges.find((change) => change.index === at);
				if (clock) {
					add(
						before(time, isStep),
						{do: 'clock', shift: clock.shift},
						{id: 'export.note.clock-inferred'},
					);
				}
				// The license server's own time when it answered (R15), else ours made true.
				const answeredAt =
					entry.params.skew === null ? time : entry.at + entry.params.skew;
				vendorChanges(changed, time, isStep, answeredAt);
				const isManual = entry.code === 'activation' && entry.params.manual;
				if (!isManual) networkFor(entry.params, time, isStep);
				if (entry.code === 'activation') {
					add(time, {do: isManual ? 'activate-manual' : 'activate'});
				} else if (entry.params.requested) {
					add(time, {do: 'connect'});
				}
				break;
			}
			case 'grants':
				// An answer to a scheduled contact that changed nothing else (a renewal, a vendor change).
				vendorChanges(entry.params.licenses, time, false, time);
				break;
			case 'clock-back':
				add(time, {do: 'clock', shift: -entry.params.by});
				break;
			case 'device':
				add(time, {do: 'devices', activate: 1});
				break;
			case 'device-off':
				add(time, {do: 'devices', deactivate: 1});
				break;
			case 'observed':
				break;
		}
	}
	return {steps: sortSteps(steps), fingerprints, interval, notes};
}

/**
 * The installation as a summary left it, made again on day 0 (engine/history.ts folds old days):
 * the customer, then the keys, activated in groups at the time of day each subscription's term
 * must start for the vendor's whole-day extensions to bring it to the expiry the last document
 * showed (see summaryStart), then revocations, devices and the network as it last was.
 */
function summaryBaseline(
	summary: HistorySummary,
	start: number,
	tools: {
		add: (
			time: number,
			body: PlannedStep['body'],
			note?: Message,
		) => PlannedStep;
		addKey: (time: number, key: string) => void;
		hardware: (fingerprint: string) => string;
		grants: Map<string, LicenseGrant>;
		catalog: ExportCatalog;
		notes: Message[];
	},
): NetworkState {
	const {add, addKey, catalog} = tools;
	if (summary.fingerprint !== null) tools.hardware(summary.fingerprint);
	if (summary.customer) add(start, {do: 'register'});
	const termOf = (grant: LicenseGrant) =>
		Math.max(1, Math.round((catalog.terms.get(grant.id) ?? DAY) / DAY)) * DAY;
	// Key -> the instant its licenses' terms must start (whole seconds, as steps are written).
	const activationOf = new Map<string, number>();
	for (const grant of summary.grants) {
		if (activationOf.has(grant.key)) continue;
		const subscription = summary.grants.find(
			(other) =>
				other.key === grant.key &&
				other.expiresAt !== null &&
				other.revokedAt === null,
		);
		const offset =
			subscription === undefined
				? 0
				: Math.ceil(
						((((subscription.expiresAt! - termOf(subscription) - start) % DAY) +
							DAY) %
							DAY) /
							1000,
					) * 1000;
		activationOf.set(grant.key, start + (offset % DAY));
	}
	const groups = [...new Set(activationOf.values())].sort((a, b) => a - b);
	for (const [index, time] of groups.entries()) {
		for (const [key, at] of activationOf) if (at === time) addKey(time, key);
		add(
			time,
			{do: 'activate'},
			index === 0 ? {id: 'export.note.summary'} : undefined,
		);
		for (const grant of summary.grants) {
			if (activationOf.get(grant.key) !== time) continue;
			tools.grants.set(grant.id, grant);
			const name = nameOf(catalog, grant.id) ?? grant.id;
			if (grant.revokedAt !== null) {
				add(time, {do: 'vendor', action: 'revoke', key: name});
			} else if (grant.expiresAt !== null) {
				// The replay's term starts at this activation: extend to the expiry the document showed.
				const days = Math.round(
					(grant.expiresAt - (time + termOf(grant))) / DAY,
				);
				if (days > 0 && days <= LICENSE_LIMITS.termDays) {
					add(time, {do: 'vendor', action: 'extend', key: name, days});
				} else if (days !== 0) {
					tools.notes.push({
						id: 'export.note.expiry-not-expressed',
						params: {
							license: name,
							date: new Date(grant.expiresAt).toISOString(),
						},
					});
				}
			}
		}
	}
	const last = groups.at(-1) ?? start;
	// Keys no document granted stay pending, as they were.
	for (const key of summary.keys) {
		if (!activationOf.has(key.key)) addKey(last, key.key);
	}
	if (summary.devices.length > 0) {
		add(last, {do: 'devices', activate: summary.devices.length});
	}
	if (summary.interaction !== null && !summary.interaction.ok) {
		const state = NETWORK_OF[summary.interaction.failure ?? ''] ?? 'garbage';
		add(last, {do: 'network', state});
		return state;
	}
	return 'online';
}

/** A key whose check symbol is wrong (R3), for a refusal the history recorded without the text. */
function badChecksum(key: string): string {
	const last = key.at(-1) === '0' ? '1' : '0';
	return key.length === 29
		? `${key.slice(0, -1)}${last}`
		: 'K0000-00000-00000-00000-00001';
}

/** In true time, then in the order written (a sort is stable). */
function sortSteps(steps: PlannedStep[]): PlannedStep[] {
	return [...steps].sort((a, b) => a.time - b.time || a.order - b.order);
}

/** `+6h`, `+1h2m3s`: the time within its day, whole seconds, as scenario durations read it. */
export function durationText(ms: number): string {
	const sign = ms < 0 ? '-' : '+';
	let rest = Math.abs(Math.round(ms / 1000));
	let text = '';
	for (const [unit, size] of [
		['d', DAY / 1000],
		['h', HOUR / 1000],
		['m', 60],
		['s', 1],
	] as const) {
		const count = Math.floor(rest / size);
		if (count > 0) text += `${count}${unit}`;
		rest -= count * size;
	}
	return `${sign}${text || '0s'}`;
}

/**
 * Day 0 of a scenario whose history begins with a summary: early enough for every subscription
 * to be activated and then extended to the expiry the last document showed (a term starts at the
 * replay's activation, SPEC §4, and the vendor can only extend). Never later than the summary;
 * whole seconds, as steps are written.
 */
export function summaryStart(
	summary: HistorySummary,
	catalog: ExportCatalog,
	cut: number,
): number {
	const termOf = (grant: LicenseGrant) =>
		Math.max(1, Math.round((catalog.terms.get(grant.id) ?? DAY) / DAY)) * DAY;
	const starts = summary.grants
		.filter((grant) => grant.expiresAt !== null && grant.revokedAt === null)
		.map((grant) => grant.expiresAt! - termOf(grant));
	return Math.floor(Math.min(cut, ...starts) / 1000) * 1000;
}
