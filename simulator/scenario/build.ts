/**
 * From the data of a scenario file to a Scenario: every part checked (shapes with zod, then
 * references), every issue collected, nothing thrown. Steps come out sorted by day, then `at`,
 * then file order; expectations by day, then file order (SPEC §5).
 *
 * Decisions: `customer` may be left out (a scenario that never registers needs none); its
 * fields are only checked to be strings here, their validity is R2's business at run time.
 * An expectation must assert something.
 */
import * as z from 'zod';
import {parseCatalog} from './catalog.js';
import {isRecord, type Path, type RawIssue, show} from './issues.js';
import {checkLimits} from './limits.js';
import {
	type Context,
	checkBanners,
	checkDay,
	checkDayCounts,
	checkLicenseNames,
	checkStepReferences,
} from './references.js';
import {
	customerSchema,
	expectationSchema,
	hardwareSchema,
	MAX_SCENARIO_DAYS,
	nameSchema,
	startSchema,
	TOP_FIELDS,
	wholeNumber,
} from './schema.js';
import {
	isStepKind,
	STEP_KINDS,
	STEP_SCHEMAS,
	type Step,
	type StepBody,
} from './steps.js';
import type {Expectation, Scenario} from './types.js';
import {check} from './zod-messages.js';

export function buildScenario(
	data: unknown,
	issues: RawIssue[],
	locate: (path: Path) => number | null,
): Scenario | undefined {
	if (!isRecord(data)) {
		issues.push({
			path: [],
			message: `expected a mapping with name, start, days, hardware, keys and steps, got ${show(data)}`,
		});
		return undefined;
	}
	for (const key of Object.keys(data)) {
		if (!TOP_FIELDS.includes(key))
			issues.push({
				path: [key],
				message: `unknown field; a scenario takes ${TOP_FIELDS.join(', ')}`,
			});
	}

	// Limits first (issue 10 point 5): a list too long is refused whole, its items not parsed.
	const tooLong = checkLimits(data, issues);

	const name = check(nameSchema, data.name, ['name'], issues);
	const start = check(startSchema, data.start, ['start'], issues);
	const days = check(
		wholeNumber().min(0).max(MAX_SCENARIO_DAYS),
		data.days,
		['days'],
		issues,
	);
	const lang = check(
		z.enum(['fr', 'en']).default('en'),
		data.lang,
		['lang'],
		issues,
	);
	const customer = check(
		customerSchema.default({}),
		data.customer,
		['customer'],
		issues,
		'the customer',
	);
	const hardware = check(hardwareSchema, data.hardware, ['hardware'], issues);
	checkUniqueHardware(data.hardware, issues);
	const contactIntervalHours = check(
		z
			.number()
			.positive()
			.max(24 * 366)
			.optional(),
		data.contactIntervalHours,
		['contactIntervalHours'],
		issues,
	);

	const {aliases, catalog} = tooLong.has('keys')
		? {aliases: undefined, catalog: new Map()}
		: parseCatalog(data.keys, issues);
	const context: Context = {days, hardware, aliases, catalog};
	const steps = tooLong.has('steps')
		? undefined
		: parseSteps(data.steps, context, issues, locate);
	const expect = tooLong.has('expect')
		? undefined
		: parseExpectations(data.expect, context, issues, locate);

	if (
		name === undefined ||
		start === undefined ||
		days === undefined ||
		lang === undefined ||
		customer === undefined ||
		hardware === undefined ||
		steps === undefined ||
		expect === undefined
	) {
		return undefined;
	}
	return {
		name,
		start,
		days,
		lang,
		customer,
		hardware,
		keys: Object.fromEntries(catalog),
		// Array.prototype.sort is stable: file order breaks the ties (SPEC §5).
		steps: steps.sort((a, b) => a.day - b.day || (a.at ?? 0) - (b.at ?? 0)),
		expect: expect.sort((a, b) => a.day - b.day),
		...(contactIntervalHours === undefined ? {} : {contactIntervalHours}),
	};
}

function checkUniqueHardware(raw: unknown, issues: RawIssue[]): void {
	if (!Array.isArray(raw)) return;
	const seen = new Set<string>();
	raw.forEach((name, index) => {
		if (typeof name !== 'string') return;
		const trimmed = name.trim();
		if (seen.has(trimmed))
			issues.push({
				path: ['hardware', index],
				message: `${show(trimmed)} is listed twice; each fingerprint name must be unique`,
			});
		seen.add(trimmed);
	});
}

function parseSteps(
	raw: unknown,
	context: Context,
	issues: RawIssue[],
	locate: (path: Path) => number | null,
): Step[] | undefined {
	if (!Array.isArray(raw)) {
		issues.push({
			path: ['steps'],
			message:
				raw === undefined
					? 'is required (a list of steps like {day: 0, do: register}); use [] for none'
					: `expected a list of steps, got ${show(raw)}`,
		});
		return undefined;
	}
	const steps: Step[] = [];
	raw.forEach((item, index) => {
		const path = ['steps', index];
		const step = parseStep(item, path, context, issues);
		if (step !== undefined) steps.push({...step, line: locate(path) ?? 0});
	});
	return steps;
}

function parseStep(
	raw: unknown,
	path: Path,
	context: Context,
	issues: RawIssue[],
): StepBody | undefined {
	if (!isRecord(raw)) {
		issues.push({
			path,
			message: `expected a step like {day: 0, do: activate}, got ${show(raw)}`,
		});
		return undefined;
	}
	const kind = raw.do;
	if (!isStepKind(kind)) {
		issues.push({
			path: [...path, 'do'],
			message:
				kind === undefined
					? `is required: what the step does, one of ${STEP_KINDS.join(', ')}`
					: `${show(kind)} is not a step; use one of ${STEP_KINDS.join(', ')}`,
		});
		checkDay(raw.day, [...path, 'day'], context, issues);
		return undefined;
	}
	const before = issues.length;
	const step = check(STEP_SCHEMAS[kind], raw, path, issues, `a "${kind}" step`);
	checkDay(raw.day, [...path, 'day'], context, issues);
	checkStepReferences(kind, raw, path, context, issues);
	return issues.length === before ? step : undefined;
}

function parseExpectations(
	raw: unknown,
	context: Context,
	issues: RawIssue[],
	locate: (path: Path) => number | null,
): Expectation[] | undefined {
	if (raw === undefined) return [];
	if (!Array.isArray(raw)) {
		issues.push({
			path: ['expect'],
			message: `expected a list of expectations like {day: 10, state: running}, got ${show(raw)}`,
		});
		return undefined;
	}
	const expectations: Expectation[] = [];
	raw.forEach((item, index) => {
		const path = ['expect', index];
		if (!isRecord(item)) {
			issues.push({
				path,
				message: `expected an expectation like {day: 10, state: running}, got ${show(item)}`,
			});
			return;
		}
		const before = issues.length;
		const expectation = check(
			expectationSchema,
			item,
			path,
			issues,
			'an expectation',
		);
		checkDay(item.day, [...path, 'day'], context, issues);
		if (Object.keys(item).every((key) => key === 'day')) {
			issues.push({
				path,
				message:
					'asserts nothing; add state, operational, banners, days, capacity, devices, licenses or events',
			});
		}
		checkBanners(item.banners, [...path, 'banners'], issues);
		checkDayCounts(item.days, [...path, 'days'], issues);
		checkLicenseNames(item.licenses, [...path, 'licenses'], context, issues);
		if (expectation !== undefined && issues.length === before)
			expectations.push({...expectation, line: locate(path) ?? 0});
	});
	return expectations;
}

/** The list must be one the engine can show: display order, no repeats, a stop banner alone. */
