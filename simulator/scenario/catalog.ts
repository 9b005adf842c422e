/**
 * The `keys` of a scenario: the vendor catalog minted at start, alias -> entry (the shape
 * `vendor mint` takes, within the license server's LICENSE_LIMITS). Aliases are letters,
 * digits, `-` and `_`, starting with a letter, since `/` names an installation's n-th license.
 */
import {isRecord, type Path, type RawIssue, show} from './issues.js';
import {
	ALIAS_PATTERN,
	installationEntrySchema,
	licenseEntrySchema,
} from './schema.js';
import type {CatalogEntry} from './types.js';
import {check} from './zod-messages.js';

export function parseCatalog(
	raw: unknown,
	issues: RawIssue[],
): {aliases: Set<string> | undefined; catalog: Map<string, CatalogEntry>} {
	const catalog = new Map<string, CatalogEntry>();
	if (!isRecord(raw)) {
		issues.push({
			path: ['keys'],
			message:
				raw === undefined
					? 'is required (a mapping of alias to key, like L10: {type: license, kind: perpetual, devices: 10}); use {} for none'
					: `expected a mapping of alias to key, got ${show(raw)}`,
		});
		return {aliases: undefined, catalog};
	}
	const aliases = new Set<string>();
	for (const [alias, entry] of Object.entries(raw)) {
		const path = ['keys', alias];
		aliases.add(alias);
		if (!ALIAS_PATTERN.test(alias)) {
			issues.push({
				path,
				message: `${show(alias)} is not a valid alias; use letters, digits, - and _, starting with a letter (like INST or L10)`,
			});
		}
		const parsed = parseCatalogEntry(entry, path, issues);
		if (parsed !== undefined) catalog.set(alias, parsed);
	}
	return {aliases, catalog};
}

function parseCatalogEntry(
	raw: unknown,
	path: Path,
	issues: RawIssue[],
): CatalogEntry | undefined {
	if (!isRecord(raw)) {
		issues.push({
			path,
			message: `expected a mapping like {type: license, kind: perpetual, devices: 10}, got ${show(raw)}`,
		});
		return undefined;
	}
	const before = issues.length;
	let entry: CatalogEntry | undefined;
	if (raw.type === 'installation') {
		entry = check(
			installationEntrySchema,
			raw,
			path,
			issues,
			'an installation key',
		);
		if (Array.isArray(raw.licenses)) {
			raw.licenses.forEach((license, index) => {
				checkTerm(license, [...path, 'licenses', index], issues);
			});
		}
	} else if (raw.type === 'license') {
		entry = check(licenseEntrySchema, raw, path, issues, 'a license key');
		checkTerm(raw, path, issues);
	} else {
		issues.push({
			path: [...path, 'type'],
			message:
				raw.type === undefined
					? 'is required: installation or license'
					: `${show(raw.type)} is not one of installation, license`,
		});
	}
	return issues.length === before ? entry : undefined;
}

/** A subscription needs its term; a perpetual license has neither term nor renewal. */
function checkTerm(raw: unknown, path: Path, issues: RawIssue[]): void {
	if (!isRecord(raw)) return;
	if (raw.kind === 'subscription' && raw.termDays === undefined) {
		issues.push({
			path: [...path, 'termDays'],
			message:
				'is required for a subscription (the length of one term in days, at least 1)',
		});
	}
	if (raw.kind === 'perpetual') {
		if (Object.hasOwn(raw, 'termDays'))
			issues.push({
				path: [...path, 'termDays'],
				message: 'a perpetual license has no term; remove termDays',
			});
		if (Object.hasOwn(raw, 'autoRenew'))
			issues.push({
				path: [...path, 'autoRenew'],
				message: 'a perpetual license does not renew; remove autoRenew',
			});
	}
}
