/**
 * The documents scripts read: the SPEC §5 day entry (one day of `simulate --json`), built here
 * once for the simulator's day sample and for `status --json`, which adds what an admin script
 * needs (reasons, devices by name, hardware, customer).
 */
import type {Evaluation} from '../engine/evaluate.js';
import type {EngineState} from '../engine/types.js';
// The banner texts only: the full message catalogs are not needed to print JSON.
import {bannerText} from '../i18n/banners.js';
import type {Lang} from '../i18n/lang.js';
import type {VendorKeyTrust} from './compose.js';

const iso = (time: number | null) =>
	time === null ? null : new Date(time).toISOString();

export type DayEntry = {
	state: Evaluation['state'];
	operational: boolean;
	capacity: number;
	devices: {activated: number; licensed: number; capacity: number};
	banners: {id: string; days?: number; text: string}[];
	licenses: {
		key: string;
		kind: string;
		devices: number | null;
		status: string;
		expiresAt: string | null;
		renewsAt: string | null;
	}[];
	server: {
		reachable: boolean;
		lastSuccessAt: string | null;
		unreachableSince: string | null;
	};
};

/**
 * SPEC §5 day entry, without `day` and `at` (the simulator's to give). `keyOf` names a license:
 * its key for an admin, its scenario alias in the simulator.
 */
export function dayEntry(
	state: EngineState,
	evaluation: Evaluation,
	lang: Lang,
	keyOf: (licenseId: string) => string = (id) => id,
): DayEntry {
	return {
		state: evaluation.state,
		operational: evaluation.operational,
		capacity: evaluation.capacity,
		devices: {
			activated: evaluation.devices.activated,
			licensed: evaluation.devices.licensed,
			capacity: evaluation.devices.capacity,
		},
		banners: evaluation.banners.map((banner) => ({
			id: banner.id,
			...(banner.days === undefined ? {} : {days: banner.days}),
			text: bannerText(banner.id, lang, banner.days),
		})),
		licenses: evaluation.licenses.map((license) => ({
			key: keyOf(license.id),
			kind: license.kind,
			devices: license.devices,
			status: license.status,
			expiresAt: iso(license.expiresAt),
			renewsAt: iso(license.renewsAt),
		})),
		server: {
			reachable: state.server.unreachableSince === null,
			lastSuccessAt: iso(state.server.lastSuccessAt),
			unreachableSince: iso(state.server.unreachableSince),
		},
	};
}

/**
 * How the vendor key is trusted: from the configuration (`status`), or `given` to the runtime by
 * what composed it (the simulator, a test's ports: `myq-license/testing`).
 */
export type DocumentTrust =
	| VendorKeyTrust
	| {source: 'given'; key: string | null};

/**
 * The `status --json` document, as `statusDocument` makes it (`state()` in myq-license/testing).
 * @example
 * const {state, banners}: StatusDocument = instance.state();
 */
export type StatusDocument = ReturnType<typeof statusDocument>;

/**
 * The `status --json` document: the day entry, plus what an admin script needs: why the licenses
 * are not read (R16, `problem`, with `text` saying what to do), and how the vendor key is trusted.
 * `keyOf` names a license as in `dayEntry` (the simulator's tests name them by alias).
 */
export function statusDocument(
	state: EngineState,
	evaluation: Evaluation,
	lang: Lang,
	context: {
		trust: DocumentTrust;
		problem: string | null;
		keyOf?: (licenseId: string) => string;
	},
) {
	const day = dayEntry(state, evaluation, lang, context.keyOf);
	return {
		state: day.state,
		operational: day.operational,
		capacity: day.capacity,
		at: iso(evaluation.now),
		banners: day.banners,
		licenses: day.licenses.map((entry, index) => {
			const license = evaluation.licenses[index]!;
			return {
				...entry,
				reason: license.reason,
				activatedAt: iso(license.activatedAt),
				...(license.refusal ? {refusal: license.refusal} : {}),
			};
		}),
		devices: {
			...day.devices,
			list: evaluation.devices.list.map((device) => ({
				id: device.id,
				activatedAt: iso(device.activatedAt),
				licensed: device.licensed,
			})),
		},
		server: day.server,
		hardware: {
			bound: evaluation.hardware.bound,
			current: evaluation.hardware.current,
			changed: evaluation.hardware.changed,
		},
		customer: state.customer,
		installationId: state.installationId,
		problem:
			state.integrity === null
				? null
				: {
						code: state.integrity.code ?? 'document-rejected',
						reason: state.integrity.reason,
						at: iso(state.integrity.at),
						text: context.problem,
					},
		vendorKey: vendorKeyEntry(context.trust),
	};
}

/** R16: the key trusted and how: `source` is flag, env, trust-file or none (or given). */
function vendorKeyEntry(trust: DocumentTrust) {
	if (trust.source === 'given') return {source: trust.source, key: trust.key};
	const common = {source: trust.source, key: trust.key, file: trust.file};
	return trust.source === 'trust-file'
		? {
				...common,
				how: trust.how,
				server: trust.server,
				trustedAt: trust.trustedAt,
			}
		: common;
}
