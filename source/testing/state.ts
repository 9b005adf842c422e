/** `state()`: the `status --json` document of the installation a test renders (SPEC §6). */
import {
	type StatusDocument,
	statusDocument,
} from '../commands/status-document.js';
import type {Lang} from '../i18n/lang.js';
import {problemText} from '../i18n/problem.js';
import type {Snapshot} from '../runtime/runtime.js';

export type {StatusDocument};

/**
 * The document `status --json` prints for this snapshot. The vendor key is the one the runtime
 * was given (`source: 'given'`); `keyOf` names licenses (by alias on a scenario).
 * @example
 * statusOf(runtime.snapshot(), 'en', runtime.vendorPublicKey);
 */
export function statusOf(
	{state, evaluation}: Snapshot,
	lang: Lang,
	vendorKey: string | null,
	keyOf?: (licenseId: string) => string,
): StatusDocument {
	return statusDocument(state, evaluation, lang, {
		trust: {source: 'given', key: vendorKey},
		problem: state.integrity ? problemText(lang, state.integrity) : null,
		...(keyOf ? {keyOf} : {}),
	});
}
