/**
 * `export-scenario` (SPEC §5 "From a customer's installation to a scenario"): an installation's
 * stored history (engine/history.ts) turned into a scenario file that replays, day by day, to the
 * states the installation went through, and ends in the state it is in now.
 *
 * Days are counted from the first thing the history recorded (day 0 is that instant, so the
 * replay's scheduled contacts fall where the installation's did, R14). Personal data (company,
 * person, address, email, phone) and keys are replaced by neutral values unless asked otherwise;
 * the country stays (it is not personal, and support reads the customer's language from it).
 * Fingerprints become `hardware-1`, `hardware-2`, ... either way: the simulator makes its own.
 */
import {evaluate} from '../../source/engine/evaluate.js';
import {observationOf} from '../../source/engine/history.js';
import {
	type Customer,
	DAY,
	type EngineState,
	HOUR,
} from '../../source/engine/types.js';
import type {Lang} from '../../source/i18n/lang.js';
import type {Message} from '../../source/i18n/log.js';
import {SCENARIO_LIMITS} from '../scenario/limits.js';
import {MAX_SCENARIO_DAYS} from '../scenario/schema.js';
import {buildCatalog} from './catalog.js';
import {buildExpectations, type ExpectBlock} from './expectations.js';
import {buildTimeline, type PlannedStep, summaryStart} from './timeline.js';
import {worldTimes} from './world-time.js';

export {renderScenarioYaml, scenarioData} from './yaml.js';

export type ExportOptions = {
	/** The MyQ server's time now (the state it is in now is evaluated then). */
	now: number;
	lang: Lang;
	/** Keep the customer's own fields and keys (as comments) instead of neutral values. */
	keepPersonalData?: boolean;
};

/** A scenario as the exporter writes it, with the notes that go into the file as comments. */
export type ExportedScenario = {
	/** Said in the file's language (i18n): the customer's company only when kept. */
	name: Message;
	start: string;
	days: number;
	lang: Lang;
	customer?: Partial<Customer>;
	hardware: string[];
	keys: Record<string, unknown>;
	steps: ExportedStep[];
	expect: ExpectBlock[];
	contactIntervalHours?: number;
	/** Notes on the whole file (what was inferred, what could not be said). */
	notes: Message[];
	/** Key alias -> the real key, with --keep-personal-data only. */
	realKeys: Record<string, string>;
};

export type ExportedStep = {
	body: Record<string, unknown>;
	note?: Message;
};

/** SPEC §2 R2: what stands for the customer in a file sent to support. */
export const NEUTRAL_CUSTOMER = {
	company: 'Customer company',
	person: 'Customer contact',
	address: '1 Example street',
	email: 'contact@customer.example',
	phone: '+1 555 0100',
} as const;

/** Null when the history holds nothing to replay. */
export function exportScenario(
	state: EngineState,
	options: ExportOptions,
): ExportedScenario | null {
	const {history} = state;
	if (history.length === 0) return null;
	const world = worldTimes(history);
	const catalog = buildCatalog(history, state);
	const first = history[0]!;
	const start =
		first.code === 'summary'
			? summaryStart(first.params, catalog, world.times[0]!)
			: world.times[0]!;
	const timeline = buildTimeline(history, world, catalog, start);

	// The last day: the day of the last thing recorded (the next one when it happened after that
	// day's instant, which is when the day is sampled), or today when later.
	const last = Math.max(
		world.times.at(-1)!,
		...timeline.steps.map((step) => step.time),
	);
	const lastDay =
		Math.floor((last - start) / DAY) + ((last - start) % DAY > 0 ? 1 : 0);
	const today = Math.floor((options.now + world.finalOffset - start) / DAY);
	const days = Math.min(MAX_SCENARIO_DAYS, Math.max(lastDay, today, 0));
	const final = observationOf(
		evaluate(state, start + days * DAY - world.finalOffset),
	);
	const expect = buildExpectations(history, world, catalog, {
		start,
		days,
		final,
	});

	const keep = options.keepPersonalData === true;
	const realKeys: Record<string, string> = {};
	if (keep) {
		for (const [key, alias] of catalog.aliasOfKey) realKeys[alias] = key;
	}
	const notes = [...timeline.notes];
	if (history[0]!.code === 'summary') {
		notes.unshift({
			id: 'export.note.summarised',
			params: {date: new Date(world.times[0]!).toISOString().slice(0, 10)},
		});
	}
	if (catalog.roughTerms.length > 0) {
		notes.push({
			id: 'export.note.rough-terms',
			params: {licenses: catalog.roughTerms.join(', ')},
		});
	}
	const steps = dated(timeline.steps, start);
	const activated = steps.reduce(
		(sum, step) =>
			sum + (typeof step.body.activate === 'number' ? step.body.activate : 0),
		0,
	);
	if (
		steps.length > SCENARIO_LIMITS.steps ||
		expect.length > SCENARIO_LIMITS.expectations ||
		activated > SCENARIO_LIMITS.devices
	) {
		// Said rather than cut: a file that replays something else would mislead support.
		notes.push({
			id: 'export.note.over-limits',
			params: {
				steps: steps.length,
				expectations: expect.length,
				devices: activated,
				max: SCENARIO_LIMITS.steps,
			},
		});
	}
	const customer = customerOf(state.customer, keep);
	return {
		name:
			keep && state.customer
				? {
						id: 'export.name-of',
						params: {
							company: state.customer.company,
							date: today_(options.now),
						},
					}
				: {id: 'export.name', params: {date: today_(options.now)}},
		start: new Date(start).toISOString(),
		days,
		lang: options.lang,
		...(customer ? {customer} : {}),
		hardware:
			timeline.fingerprints.length === 0
				? ['hardware-1']
				: timeline.fingerprints.map((_, index) => `hardware-${index + 1}`),
		keys: Object.fromEntries(catalog.entries),
		steps,
		expect,
		...(timeline.interval !== null && timeline.interval !== DAY
			? {contactIntervalHours: timeline.interval / HOUR}
			: {}),
		notes,
		realKeys,
	};
}

function customerOf(
	customer: Customer | null,
	keep: boolean,
): Partial<Customer> | undefined {
	if (customer === null) return undefined;
	if (keep) return {...customer};
	return {
		company: NEUTRAL_CUSTOMER.company,
		person: NEUTRAL_CUSTOMER.person,
		address: NEUTRAL_CUSTOMER.address,
		country: customer.country,
		email: NEUTRAL_CUSTOMER.email,
		...(customer.phone ? {phone: NEUTRAL_CUSTOMER.phone} : {}),
	};
}

/**
 * Steps with their day and `at` (whole seconds, rounded up so nothing moves before what it
 * followed); devices activated in the same second are one step.
 */
function dated(steps: PlannedStep[], start: number): ExportedStep[] {
	const out: ExportedStep[] = [];
	for (const step of steps) {
		let day = Math.floor((step.time - start) / DAY);
		let seconds = Math.ceil((step.time - start - day * DAY) / 1000);
		if (seconds * 1000 >= DAY) {
			day += 1;
			seconds = 0;
		}
		const body: Record<string, unknown> = {
			day,
			...(seconds > 0 ? {at: seconds * 1000} : {}),
			...step.body,
		};
		const previous = out.at(-1);
		if (
			previous !== undefined &&
			previous.note === undefined &&
			step.note === undefined &&
			body.do === 'devices' &&
			previous.body.do === 'devices' &&
			previous.body.day === day &&
			previous.body.at === body.at &&
			'activate' in body === 'activate' in previous.body
		) {
			const field = 'activate' in body ? 'activate' : 'deactivate';
			previous.body[field] =
				(previous.body[field] as number) + (body[field] as number);
			continue;
		}
		out.push({body, ...(step.note ? {note: step.note} : {})});
	}
	return out;
}

const today_ = (now: number) => new Date(now).toISOString().slice(0, 10);
