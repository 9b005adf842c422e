/**
 * What a contact that succeeded changed for the admin (issue 12, point 6): licenses that counted
 * before it and no longer do (the vendor revoked them, a renewal was cancelled and the date
 * passed). "Licenses are up to date" with exit 0 would hide that from a script.
 */
import type {LicenseView} from '../engine/evaluate.js';
import {failed, type Outcome} from './outcome.js';
import type {Snapshot} from './runtime.js';

/** The licenses that counted before and do not after, in the table's order. */
export function lostLicenses(before: Snapshot, after: Snapshot): LicenseView[] {
	const counted = new Set(
		before.evaluation.licenses
			.filter((license) => license.counts)
			.map((license) => license.id),
	);
	return after.evaluation.licenses.filter(
		(license) => counted.has(license.id) && !license.counts,
	);
}

/** A contact's outcome with what it changed: a lost license makes it a failure to act on. */
export function contactOutcome(
	outcome: Outcome,
	before: Snapshot,
	after: Snapshot,
): Outcome {
	if (!outcome.ok) return outcome;
	const lost = lostLicenses(before, after);
	if (lost.length === 0) return outcome;
	const ids = lost.map((license) => license.id).join(', ');
	const isRevoked = lost.every((license) => license.reason === 'revoked');
	return failed(isRevoked ? 'licenses-revoked' : 'licenses-lost', {
		count: lost.length,
		ids,
	});
}
