/**
 * References between the parts of a scenario, checked on the raw values so that one bad part
 * does not hide the others: days within the timeline, key aliases and an installation's n-th
 * license (`INST/2`), hardware names, and expectations the engine can meet (banners in display
 * order, day counts only for the banners that count days, license names of the catalog).
 *
 * Decisions: a `vendor` step names a whole key (`INST`, `L10`) or one license of an installation
 * (`INST/1`); `days` is required for `extend` and refused for the other actions.
 */
import {BANNER_ORDER, type BannerId} from '../../source/engine/types.js';
import {isRecord, listOf, type Path, type RawIssue, show} from './issues.js';
import {COUNTING_BANNERS, STOP_BANNERS} from './schema.js';
import type {StepKind} from './steps.js';
import type {CatalogEntry} from './types.js';

/** What the checks of references need to know about the rest of the scenario. */
export type Context = {
	days: number | undefined;
	hardware: string[] | undefined;
	/** Every alias written in `keys`, valid entry or not (so a bad entry is reported once). */
	aliases: Set<string> | undefined;
	/** The valid entries. */
	catalog: Map<string, CatalogEntry>;
};

/** The timeline covers day 0..days; zod has checked the shape. */
export function checkDay(
	raw: unknown,
	path: Path,
	context: Context,
	issues: RawIssue[],
): void {
	if (
		context.days === undefined ||
		!Number.isInteger(raw) ||
		(raw as number) < 0
	)
		return;
	if ((raw as number) > context.days) {
		issues.push({
			path,
			message: `must be within the timeline, day 0 to ${context.days} (the scenario's days), got ${raw}`,
		});
	}
}

export function checkStepReferences(
	kind: StepKind,
	raw: Record<string, unknown>,
	path: Path,
	context: Context,
	issues: RawIssue[],
): void {
	switch (kind) {
		case 'add-key': {
			const hasKey = raw.key !== undefined;
			const hasLiteral = raw.literal !== undefined;
			if (hasKey && hasLiteral)
				issues.push({
					path,
					message:
						'give either key (an alias from keys) or literal (raw text), not both',
				});
			if (!hasKey && !hasLiteral)
				issues.push({
					path,
					message:
						'needs key (an alias from keys) or literal (the raw text typed into the key field)',
				});
			if (typeof raw.key === 'string')
				checkAlias(raw.key, [...path, 'key'], context, issues);
			return;
		}
		case 'vendor': {
			if (typeof raw.key === 'string')
				checkVendorKey(raw.key, [...path, 'key'], context, issues);
			if (raw.action === 'extend' && raw.days === undefined) {
				issues.push({
					path: [...path, 'days'],
					message: 'is required for extend (how many days to add to expiresAt)',
				});
			}
			if (
				raw.action !== 'extend' &&
				raw.days !== undefined &&
				typeof raw.action === 'string'
			) {
				issues.push({
					path: [...path, 'days'],
					message: `only applies to action extend, not ${raw.action}; remove it`,
				});
			}
			return;
		}
		case 'devices': {
			const given = ['activate', 'deactivate'].filter(
				(field) => raw[field] !== undefined,
			);
			if (given.length !== 1) {
				issues.push({
					path,
					message:
						given.length === 0
							? 'needs activate: N or deactivate: N (how many printing devices)'
							: 'give either activate or deactivate, not both; use two steps',
				});
			}
			return;
		}
		case 'hardware': {
			if (
				typeof raw.use === 'string' &&
				context.hardware !== undefined &&
				!context.hardware.includes(raw.use)
			) {
				issues.push({
					path: [...path, 'use'],
					message: `${show(raw.use)} is not one of hardware [${listOf(context.hardware)}]`,
				});
			}
			return;
		}
		default:
			return;
	}
}

/** A plain alias of `keys` (add-key). */
function checkAlias(
	alias: string,
	path: Path,
	context: Context,
	issues: RawIssue[],
): void {
	if (context.aliases === undefined || context.aliases.has(alias)) return;
	issues.push({
		path,
		message: `${show(alias)} is not one of keys [${listOf([...context.aliases])}]`,
	});
}

/** An alias, or `ALIAS/n` for the n-th license of an installation key (vendor). */
function checkVendorKey(
	name: string,
	path: Path,
	context: Context,
	issues: RawIssue[],
): void {
	const slash = /^(.*)\/(\d+)$/.exec(name);
	if (slash === null) {
		checkAlias(name, path, context, issues);
		return;
	}
	const [, alias = '', number = ''] = slash;
	if (context.aliases === undefined) return;
	if (!context.aliases.has(alias)) {
		issues.push({
			path,
			message: `${show(name)}: ${show(alias)} is not one of keys [${listOf([...context.aliases])}]`,
		});
		return;
	}
	const entry = context.catalog.get(alias);
	if (entry === undefined) return; // the entry itself is invalid, and reported
	if (entry.type === 'license') {
		issues.push({
			path,
			message: `${show(name)}: ${alias} is a license key with a single license; name it ${alias}`,
		});
		return;
	}
	const n = Number(number);
	if (n < 1 || n > entry.licenses.length) {
		issues.push({
			path,
			message: `${show(name)}: ${alias} carries ${entry.licenses.length} license(s); use ${installationRange(alias, entry.licenses.length)}`,
		});
	}
}

function installationRange(alias: string, licenses: number): string {
	return licenses === 1 ? `${alias}/1` : `${alias}/1 to ${alias}/${licenses}`;
}

export function checkBanners(
	raw: unknown,
	path: Path,
	issues: RawIssue[],
): void {
	if (
		!Array.isArray(raw) ||
		!raw.every((id): id is BannerId =>
			(BANNER_ORDER as readonly unknown[]).includes(id),
		)
	)
		return;
	const repeated = raw.find((id, index) => raw.indexOf(id) !== index);
	if (repeated !== undefined) {
		issues.push({
			path,
			message: `lists ${repeated} twice; a banner shows at most once`,
		});
		return;
	}
	const sorted = [...raw].sort(
		(a, b) => BANNER_ORDER.indexOf(a) - BANNER_ORDER.indexOf(b),
	);
	if (sorted.some((id, index) => id !== raw[index])) {
		issues.push({
			path,
			message: `banners show in the order ${BANNER_ORDER.join(', ')}; write [${sorted.join(', ')}]`,
		});
	}
	const stop = raw.find((id) => STOP_BANNERS.includes(id));
	if (stop !== undefined && raw.length > 1) {
		issues.push({
			path,
			message: `when MyQ is stopped only the banner that says why shows; ${stop} cannot appear with ${raw.filter((id) => id !== stop).join(', ')}`,
		});
	}
}

export function checkDayCounts(
	raw: unknown,
	path: Path,
	issues: RawIssue[],
): void {
	if (!isRecord(raw)) return;
	for (const id of Object.keys(raw)) {
		if (COUNTING_BANNERS.includes(id as BannerId)) continue;
		const counting = COUNTING_BANNERS.join(', ');
		issues.push({
			path: [...path, id],
			message: (BANNER_ORDER as readonly string[]).includes(id)
				? `${id} shows no day count; only ${counting} do`
				: `${show(id)} is not a banner id; use one of ${counting}`,
		});
	}
}

/** License names: `L10`, `INST/1`, or `INST` for an installation key's pending row. */
export function checkLicenseNames(
	raw: unknown,
	path: Path,
	context: Context,
	issues: RawIssue[],
): void {
	if (!isRecord(raw) || context.aliases === undefined) return;
	for (const name of Object.keys(raw)) {
		const slash = /^(.*)\/(\d+)$/.exec(name);
		const alias = slash === null ? name : (slash[1] ?? '');
		const entry = context.catalog.get(alias);
		if (!context.aliases.has(alias)) {
			issues.push({
				path: [...path, name],
				message: `${show(name)} is not a license of the catalog; use one of ${listOf(licenseNames(context))}`,
			});
			continue;
		}
		if (entry === undefined || slash === null) continue;
		const n = Number(slash[2]);
		if (entry.type === 'license') {
			issues.push({
				path: [...path, name],
				message: `${show(name)}: ${alias} is a license key with a single license; name it ${alias}`,
			});
		} else if (n < 1 || n > entry.licenses.length) {
			issues.push({
				path: [...path, name],
				message: `${show(name)}: ${alias} carries ${entry.licenses.length} license(s); use ${installationRange(alias, entry.licenses.length)}`,
			});
		}
	}
}

function licenseNames(context: Context): string[] {
	const names: string[] = [];
	for (const [alias, entry] of context.catalog) {
		names.push(alias);
		if (entry.type === 'installation')
			names.push(...entry.licenses.map((_, index) => `${alias}/${index + 1}`));
	}
	return names;
}
