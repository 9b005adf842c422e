/**
 * `evaluate(state, now)`: what the installation looks like at `now`. Pure: the same state and
 * instant always give the same verdict, so the dashboard, the CLI and the simulator agree.
 */
import {
	BANNER_ORDER,
	type Banner,
	type BannerId,
	DAY,
	type EngineState,
	type KeyKind,
	type LicenseGrant,
	type LicenseKind,
	type LicenseStatus,
	type OperationalState,
} from './types.js';

/** SPEC §2: `daysLeft(deadline, now) = ceil((deadline - now) / DAY)`. */
export function daysLeft(deadline: number, now: number): number {
	return Math.ceil((deadline - now) / DAY);
}

/** R8: licenses may run on other hardware for seven days before they are invalid. */
export const HARDWARE_GRACE = 7 * DAY;
/** R12, R13: a subscription outlives its expiry by ten days while the server cannot be reached. */
export const OFFLINE_GRACE = 10 * DAY;
/** R10: the expiry banner shows during the last ten days. */
export const EXPIRY_WARNING = 10 * DAY;

/** Why a license does not count (or is in a grace). */
export type StatusReason =
	| 'revoked'
	| 'not-renewed'
	| 'server-unreachable'
	| 'hardware-changed'
	| 'clock-tampered'
	| 'integrity'
	| 'offline'
	| 'hardware';

/**
 * The rule behind a status, a banner or the state, and the facts it read: what `simulate
 * --explain` says (i18n/explain.ts says it in fr or en), as data (STYLE 11). Facts named `...At`
 * are instants (epoch ms), `license` a license id; null where there is none (never contacted).
 */
export type Explanation = {
	/** The rule's id in SPEC §2 (`R12`), or the SPEC section (`§4` for a vendor's revocation). */
	rule: string;
	/** What the rule found: `explain.<code>` in the catalogs. */
	code: string;
	facts: Record<string, string | number | null>;
};

/** What each shown banner, the state and the capacity come from (issue 15: --explain). */
export type Explanations = {
	banners: Partial<Record<BannerId, Explanation>>;
	state: Explanation;
	capacity: Explanation;
	devices: Explanation;
};

/**
 * One license as `evaluate` sees it at an instant: its key, kind, status (SPEC §2), devices and
 * dates.
 * @example
 * const active: LicenseView[] = evaluate(state, now).licenses.filter((each) => each.status === 'active');
 */
export type LicenseView = {
	/** The license id (`KEY` or `KEY/n`), or the pending key itself. */
	id: string;
	key: string;
	keyKind: KeyKind;
	/** `installation` only for a pending installation key (SPEC §2 "License statuses"). */
	kind: LicenseKind | 'installation' | 'license';
	devices: number | null;
	status: LicenseStatus;
	reason: StatusReason | null;
	counts: boolean;
	activatedAt: number | null;
	expiresAt: number | null;
	/** R9: when the subscription renews automatically, the date it renews. */
	renewsAt: number | null;
	refusal: {code: string; message: string} | null;
	/** The rule and facts behind `status`; only when the evaluation explains itself. */
	why: Explanation | undefined;
};

export type DeviceView = {id: string; activatedAt: number; licensed: boolean};

/**
 * What `evaluate` says of a state at an instant: the operational state, banners, capacity,
 * licenses with their statuses, devices, and when the view changes next.
 * @example
 * const {state, banners, capacity}: Evaluation = evaluate(engineState, Date.now());
 */
export type Evaluation = {
	now: number;
	state: OperationalState;
	operational: boolean;
	capacity: number;
	banners: Banner[];
	/** When stopped: the banner that says why (SPEC §2). */
	stopReason: BannerId | null;
	licenses: LicenseView[];
	devices: {
		activated: number;
		licensed: number;
		capacity: number;
		list: DeviceView[];
	};
	/** The bound fingerprint, and whether the current one differs (R8). */
	hardware: {
		bound: string | null;
		current: string | null;
		changed: boolean;
		graceEndsAt: number | null;
	};
	/** The next instant at which anything visible changes; null when nothing ever will. */
	nextChangeAt: number | null;
	/**
	 * The rules and facts behind the banners, the state, the capacity and the devices; only when
	 * asked (`evaluate(state, now, {explain: true})`): the screens evaluate often and never say them.
	 */
	why: Explanations | undefined;
};

const COUNTING: ReadonlySet<LicenseStatus> = new Set([
	'active',
	'hardware-grace',
	'offline-grace',
]);

export function isCounting(status: LicenseStatus): boolean {
	return COUNTING.has(status);
}

/**
 * A license's status and why: the rule that decided it (`rule`, `code`: `explain.<code>` in the
 * catalogs). The facts the rule read are gathered only when asked (licenseFacts).
 */
type Verdict = {
	readonly status: LicenseStatus;
	readonly reason: StatusReason | null;
	readonly rule: string;
	readonly code: string;
};

const explain = (
	rule: string,
	code: string,
	facts: Explanation['facts'] = {},
): Explanation => ({rule, code, facts});

/** Every verdict there is: no license's own data in them, so one object each, shared. */
const VERDICTS = {
	integrity: {
		status: 'invalid',
		reason: 'integrity',
		rule: 'R16',
		code: 'integrity',
	},
	revoked: {status: 'invalid', reason: 'revoked', rule: '§4', code: 'revoked'},
	perpetual: {
		status: 'active',
		reason: null,
		rule: 'R4',
		code: 'perpetual-active',
	},
	running: {
		status: 'active',
		reason: null,
		rule: 'R9',
		code: 'subscription-active',
	},
	renewing: {
		status: 'active',
		reason: null,
		rule: 'R9',
		code: 'subscription-renews',
	},
	notRenewed: {
		status: 'expired',
		reason: 'not-renewed',
		rule: 'R11',
		code: 'expired-not-renewed',
	},
	offlineGrace: {
		status: 'offline-grace',
		reason: 'offline',
		rule: 'R12',
		code: 'offline-grace',
	},
	unreachable: {
		status: 'expired',
		reason: 'server-unreachable',
		rule: 'R13',
		code: 'expired-unreachable',
	},
	hardwareInvalid: {
		status: 'invalid',
		reason: 'hardware-changed',
		rule: 'R8',
		code: 'hardware-invalid',
	},
	hardwareGrace: {
		status: 'hardware-grace',
		reason: 'hardware-changed',
		rule: 'R8',
		code: 'hardware-grace',
	},
	clockHeld: {
		status: 'invalid',
		reason: 'clock-tampered',
		rule: 'R15',
		code: 'clock-held',
	},
} as const satisfies Record<string, Verdict>;

/** The status of one granted license at `now` (R8, R11, R12, R13, R15, R16). */
export function licenseStatus(
	grant: LicenseGrant,
	state: EngineState,
	now: number,
): Verdict {
	if (state.integrity) {
		return VERDICTS.integrity;
	}
	if (grant.revokedAt !== null && now >= grant.revokedAt) {
		return VERDICTS.revoked;
	}
	let verdict: Verdict = VERDICTS.perpetual;
	if (grant.kind === 'subscription' && grant.expiresAt !== null) {
		verdict = subscriptionVerdict(
			grant.expiresAt,
			state.server.lastSuccessAt,
			now,
		);
		if (verdict === VERDICTS.running && grant.autoRenew) {
			verdict = VERDICTS.renewing;
		}
		if (!isCounting(verdict.status)) {
			return verdict;
		}
	}
	const {mismatchSince} = state.hardware;
	if (mismatchSince !== null) {
		// R8: other hardware; seven days to reactivate, then invalid.
		if (now >= mismatchSince + HARDWARE_GRACE) {
			return VERDICTS.hardwareInvalid;
		}
		if (verdict.status === 'active') {
			verdict = VERDICTS.hardwareGrace;
		}
	}
	if (grant.kind === 'subscription' && state.clock.tamperedAt !== null) {
		// R15: no subscription counts until a successful contact confirms the time.
		return VERDICTS.clockHeld;
	}
	return verdict;
}

/**
 * The facts the rule behind a verdict read (its `code`), for --explain: only gathered when an
 * evaluation is asked to explain itself, so the screens' evaluations do not pay for them.
 */
function licenseFacts(
	code: string,
	grant: LicenseGrant,
	state: EngineState,
	now: number,
): Explanation['facts'] {
	const {mismatchSince} = state.hardware;
	switch (code) {
		case 'integrity':
			return {
				problem: state.integrity?.code ?? 'bad-document',
				sinceAt: state.integrity?.at ?? null,
			};
		case 'revoked':
			return {revokedAt: grant.revokedAt};
		case 'perpetual-active':
			return {activatedAt: grant.activatedAt};
		case 'hardware-invalid':
		case 'hardware-grace':
			return {
				mismatchSince,
				graceEndsAt:
					mismatchSince === null ? null : mismatchSince + HARDWARE_GRACE,
				days:
					mismatchSince === null
						? null
						: daysLeft(mismatchSince + HARDWARE_GRACE, now),
			};
		case 'clock-held':
			return clockFacts(state);
		default: {
			// A subscription's own rules (R9, R11, R12, R13).
			const expiresAt = grant.expiresAt ?? 0;
			return {
				expiresAt,
				lastSuccessAt: state.server.lastSuccessAt,
				graceEndsAt: expiresAt + OFFLINE_GRACE,
				days: daysLeft(
					code === 'offline-grace' ? expiresAt + OFFLINE_GRACE : expiresAt,
					now,
				),
			};
		}
	}
}

/** R15: when the clock was seen going back, and how far behind the latest time seen it was. */
function clockFacts(state: EngineState): Explanation['facts'] {
	const {tamperedAt, highWater} = state.clock;
	return {
		tamperedAt,
		highWaterAt: highWater,
		behind:
			tamperedAt === null
				? null
				: Math.round((highWater - tamperedAt) / 60_000),
	};
}

/** R11, R12, R13 for one subscription expiring at `expiresAt`. */
export function subscriptionVerdict(
	expiresAt: number,
	lastSuccessAt: number | null,
	now: number,
): Verdict {
	if (now < expiresAt) {
		return VERDICTS.running;
	}
	if (lastSuccessAt !== null && lastSuccessAt >= expiresAt) {
		// R11: the server was reached after the expiry and did not extend it.
		return VERDICTS.notRenewed;
	}
	if (now < expiresAt + OFFLINE_GRACE) {
		// R12: no successful contact since the expiry: offline grace, still counts.
		return VERDICTS.offlineGrace;
	}
	// R13: ten days past the expiry without reaching the server.
	return VERDICTS.unreachable;
}

/** The next instant after `now` at which `daysLeft(deadline, ·)` changes, or the deadline itself. */
export function nextTick(deadline: number, now: number): number | null {
	if (now >= deadline) {
		return null;
	}
	return deadline - (daysLeft(deadline, now) - 1) * DAY;
}

/**
 * The verdict of the rules (R6..R16) on a state at `now`: pure, time a parameter. With
 * `{explain: true}` it adds the rule and the facts behind each status and banner.
 * @example
 * const evaluation = evaluate(runtime.snapshot().state, Date.now());
 * console.log(evaluation.banners); // [{id: 'subscription-expiring', days: 10}]
 */
export function evaluate(
	state: EngineState,
	now: number,
	options: {
		/** Also say why: the rule and facts behind each status and banner (--explain). @default false */
		explain?: boolean;
	} = {},
): Evaluation {
	const explaining = options.explain === true;
	// R16: a document that failed verification is kept, never read: its content is untrusted.
	const grants = state.integrity
		? []
		: (state.document?.payload.licenses ?? []);
	const licenses: LicenseView[] = [];
	let capacity = 0;
	let anyCounting = false;
	let expiringDeadline: number | null = null;
	let expiringId: string | null = null;
	let firstSubscriptionExpiry: number | null = null;
	let firstSubscriptionId: string | null = null;
	let offlineExpired: LicenseGrant | null = null;
	let hasClockHeld = false;
	const counted: number[] = [];
	let next: number | null = null;
	const consider = (instant: number | null) => {
		if (
			instant !== null &&
			instant > now &&
			(next === null || instant < next)
		) {
			next = instant;
		}
	};

	for (const grant of grants) {
		const verdict = licenseStatus(grant, state, now);
		const counts = isCounting(verdict.status);
		if (counts) {
			anyCounting = true;
			capacity += grant.devices;
			if (explaining) counted.push(grant.devices);
		}
		if (verdict.reason === 'server-unreachable') {
			offlineExpired ??= grant;
		}
		if (verdict.reason === 'clock-tampered') {
			hasClockHeld = true;
		}
		const isSubscription =
			grant.kind === 'subscription' && grant.expiresAt !== null;
		// R12: every subscription not expired or revoked, also one R15 holds back: the admin must
		// see that the server, which would confirm the time, cannot be reached.
		if (
			isSubscription &&
			verdict.status !== 'expired' &&
			verdict.reason !== 'revoked' &&
			(firstSubscriptionExpiry === null ||
				(grant.expiresAt as number) < firstSubscriptionExpiry)
		) {
			firstSubscriptionExpiry = grant.expiresAt as number;
			firstSubscriptionId = grant.id;
		}
		if (isSubscription && counts) {
			const expiresAt = grant.expiresAt as number;
			// R10: the countdown, unless it renews by itself.
			if (!grant.autoRenew) {
				const left = daysLeft(expiresAt, now);
				if (
					left > 0 &&
					left <= 10 &&
					(expiringDeadline === null || expiresAt < expiringDeadline)
				) {
					expiringDeadline = expiresAt;
					expiringId = grant.id;
				}
				consider(
					left > 10 ? expiresAt - EXPIRY_WARNING : nextTick(expiresAt, now),
				);
			}
			// The status changes at the expiry, and at the end of the offline grace.
			consider(expiresAt);
			consider(expiresAt + OFFLINE_GRACE);
		}
		licenses.push({
			id: grant.id,
			key: grant.key,
			keyKind: grant.keyKind,
			kind: grant.kind,
			devices: grant.devices,
			status: verdict.status,
			reason: verdict.reason,
			counts,
			activatedAt: grant.activatedAt,
			expiresAt: grant.expiresAt,
			// R9: auto-renewing subscriptions show when they renew instead of when they expire.
			renewsAt:
				grant.kind === 'subscription' &&
				grant.autoRenew &&
				grant.revokedAt === null
					? grant.expiresAt
					: null,
			refusal: null,
			why: explaining
				? explain(
						verdict.rule,
						verdict.code,
						licenseFacts(verdict.code, grant, state, now),
					)
				: undefined,
		});
	}

	for (const pending of state.pending) {
		licenses.push({
			id: pending.key,
			key: pending.key,
			keyKind: pending.kind,
			kind: pending.kind === 'installation' ? 'installation' : 'license',
			devices: null,
			status: 'pending',
			reason: null,
			counts: false,
			activatedAt: null,
			expiresAt: null,
			renewsAt: null,
			refusal: pending.refusal ?? null,
			why: !explaining
				? undefined
				: pending.refusal
					? explain('R4', 'pending-refused', {
							refusal: pending.refusal.code,
							addedAt: pending.addedAt,
						})
					: explain('R3', 'pending', {addedAt: pending.addedAt}),
		});
	}

	// Banners (SPEC §2), collected then ordered, each with the rule and facts behind it.
	const banners: Banner[] = [];
	const why: Explanations['banners'] = {};
	const bound = state.document?.payload.fingerprint ?? null;
	const {mismatchSince} = state.hardware;
	const graceEndsAt =
		mismatchSince === null ? null : mismatchSince + HARDWARE_GRACE;
	if (
		graceEndsAt !== null &&
		grants.length > 0 &&
		now < graceEndsAt &&
		!state.integrity
	) {
		banners.push({id: 'hardware-changed', days: daysLeft(graceEndsAt, now)});
		if (explaining)
			why['hardware-changed'] = explain('R8', 'hardware-changed', {
				mismatchSince,
				graceEndsAt,
				days: daysLeft(graceEndsAt, now),
			});
		consider(nextTick(graceEndsAt, now));
	}
	if (
		state.server.unreachableSince !== null &&
		firstSubscriptionExpiry !== null
	) {
		// R12: counts down to the stop of the subscription that expires first.
		const stopAt = firstSubscriptionExpiry + OFFLINE_GRACE;
		banners.push({id: 'server-unreachable', days: daysLeft(stopAt, now)});
		const toExpiry = daysLeft(firstSubscriptionExpiry, now);
		if (explaining)
			why['server-unreachable'] = explain(
				'R12',
				toExpiry > 0 ? 'server-unreachable' : 'server-unreachable-grace',
				{
					unreachableSince: state.server.unreachableSince,
					lastSuccessAt: state.server.lastSuccessAt,
					license: firstSubscriptionId,
					expiresAt: firstSubscriptionExpiry,
					grace: OFFLINE_GRACE / DAY,
					toExpiry: Math.abs(toExpiry),
					days: daysLeft(stopAt, now),
				},
			);
		consider(nextTick(stopAt, now));
	}
	if (expiringDeadline !== null) {
		banners.push({
			id: 'subscription-expiring',
			days: daysLeft(expiringDeadline, now),
		});
		if (explaining)
			why['subscription-expiring'] = explain('R10', 'subscription-expiring', {
				license: expiringId,
				expiresAt: expiringDeadline,
				days: daysLeft(expiringDeadline, now),
			});
	}
	if (state.clock.tamperedAt !== null) {
		banners.push({id: 'clock-tampered'});
		if (explaining)
			why['clock-tampered'] = explain(
				'R15',
				'clock-tampered',
				clockFacts(state),
			);
	}

	let operational: OperationalState;
	let stopReason: BannerId | null = null;
	let shown: Banner[];
	if (anyCounting) {
		operational = banners.length > 0 ? 'warning' : 'running';
		shown = sortBanners(banners);
	} else if (state.everActivated || state.integrity) {
		operational = 'stopped';
		// Only the banner that says why MyQ stopped (SPEC §2).
		const stopped = offlineExpired as LicenseGrant | null;
		if (state.integrity) {
			stopReason = 'license-problem';
			if (explaining)
				why[stopReason] = explain('R16', 'stop-integrity', {
					problem: state.integrity.code ?? 'bad-document',
					sinceAt: state.integrity.at,
				});
		} else if (stopped !== null) {
			stopReason = 'server-stopped';
			if (explaining)
				why[stopReason] = explain('R13', 'stop-server', {
					license: stopped.id,
					expiresAt: stopped.expiresAt,
					graceEndsAt: (stopped.expiresAt ?? 0) + OFFLINE_GRACE,
					lastSuccessAt: state.server.lastSuccessAt,
				});
		} else if (hasClockHeld) {
			stopReason = 'clock-tampered';
			if (explaining)
				why[stopReason] = explain('R15', 'stop-clock', clockFacts(state));
		} else {
			stopReason = 'license-problem';
			if (explaining)
				why[stopReason] = explain('R11', 'stop-nothing-counts', {
					licenses: grants.length,
				});
		}
		shown = [{id: stopReason}];
	} else {
		operational = 'unlicensed';
		shown = [];
	}

	// R7: devices beyond capacity are unlicensed, the most recently activated first.
	const list: DeviceView[] = state.devices.map((device, index) => ({
		id: device.id,
		activatedAt: device.activatedAt,
		licensed: index < capacity,
	}));

	return {
		now,
		state: operational,
		operational: operational === 'running' || operational === 'warning',
		capacity,
		banners: shown,
		stopReason,
		licenses,
		devices: {
			activated: list.length,
			licensed: Math.min(list.length, capacity),
			capacity,
			list,
		},
		hardware: {
			bound,
			current: state.hardware.current,
			changed: mismatchSince !== null,
			graceEndsAt,
		},
		nextChangeAt: next,
		why: !explaining
			? undefined
			: {
					// Only the banners shown: when stopped, the one that says why (SPEC §2).
					banners: Object.fromEntries(
						shown.map((banner) => [banner.id, why[banner.id]]),
					),
					state: explain('§2', `state-${operational}`, {
						counting: counted.length,
						banners: shown.length,
					}),
					// R6: the sum of the devices of every license that counts.
					capacity: explain('R6', 'capacity', {
						sum: counted.length === 0 ? '0' : counted.join(' + '),
						capacity,
					}),
					// R7: the most recently activated devices past capacity are unlicensed.
					devices: explain('R7', 'devices', {
						activated: list.length,
						licensed: Math.min(list.length, capacity),
						capacity,
					}),
				},
	};
}

const RANK = new Map<BannerId, number>(
	BANNER_ORDER.map((id, index) => [id, index]),
);

export function sortBanners(banners: Banner[]): Banner[] {
	return [...banners].sort(
		(a, b) => (RANK.get(a.id) ?? 99) - (RANK.get(b.id) ?? 99),
	);
}

/**
 * R14: the next scheduled contact: every `interval` after the run started, and at every
 * expiry the engine knows of. Null before anything was activated (there is nothing to ask).
 */
export function nextContactAt(
	state: EngineState,
	now: number,
	interval: number,
): number | null {
	if (!state.document) {
		return null;
	}
	const periods = Math.floor((now - state.startedAt) / interval) + 1;
	let next = state.startedAt + Math.max(1, periods) * interval;
	for (const grant of state.document.payload.licenses) {
		if (
			grant.expiresAt !== null &&
			grant.expiresAt > now &&
			grant.expiresAt < next
		) {
			next = grant.expiresAt;
		}
	}
	return next;
}
