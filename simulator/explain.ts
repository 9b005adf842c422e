/**
 * `simulate FILE --explain DAY` (SPEC §5, issue 15): for that day, each banner and license
 * status, the state, the capacity and the devices, with the rule (R-id) and the facts that
 * produced them. Read from the engine's own evaluation of that day (evaluate's `why`), never
 * worked out again here; said in fr or en by i18n/explain.ts, or given as data (`--json`).
 */
import type {Evaluation, Explanation} from '../source/engine/evaluate.js';
import {formatExplanation} from '../source/i18n/explain.js';
import {type Lang, t, visible} from '../source/i18n/index.js';
import type {DaySample} from './runner.js';

/** A rule and its facts as data: instants as ISO dates, licenses by their scenario names. */
export type ExplainedRule = {
	rule: string;
	code: string;
	facts: Record<string, string | number | null>;
	/** The same, said in the document's language. */
	explanation: string;
};

export type ExplainDocument = {
	scenario: string;
	lang: Lang;
	day: number;
	at: string;
	state: DaySample['state'];
	operational: boolean;
	capacity: number;
	devices: DaySample['devices'];
	why: {state: ExplainedRule; capacity: ExplainedRule; devices: ExplainedRule};
	banners: ({id: string; days?: number; text: string} & ExplainedRule)[];
	licenses: ({key: string; kind: string; status: string} & ExplainedRule)[];
};

/** `evaluation` is one that explains itself (`evaluate(state, now, {explain: true})`). */
export function explainDay(
	scenario: string,
	sample: DaySample,
	evaluation: Evaluation,
	nameOf: (licenseId: string) => string,
	lang: Lang,
): ExplainDocument {
	const why = evaluation.why;
	if (why === undefined) {
		throw new Error('explainDay needs an evaluation made with {explain: true}');
	}
	const rule = (explanation: Explanation): ExplainedRule => ({
		rule: explanation.rule,
		code: explanation.code,
		facts: Object.fromEntries(
			Object.entries(explanation.facts).map(([name, value]) => [
				name,
				typeof value === 'number' && /(At|Since)$/.test(name)
					? new Date(value).toISOString()
					: name === 'license' && typeof value === 'string'
						? nameOf(value)
						: value,
			]),
		),
		explanation: formatExplanation(lang, explanation, nameOf),
	});
	return {
		scenario,
		lang,
		day: sample.day,
		at: sample.at,
		state: sample.state,
		operational: sample.operational,
		capacity: sample.capacity,
		devices: sample.devices,
		why: {
			state: rule(why.state),
			capacity: rule(why.capacity),
			devices: rule(why.devices),
		},
		banners: sample.banners.map((banner, index) => {
			const id = evaluation.banners[index]!.id;
			return {...banner, ...rule(why.banners[id]!)};
		}),
		licenses: sample.licenses.map((license, index) => ({
			key: license.key,
			kind: license.kind,
			status: license.status,
			...rule(evaluation.licenses[index]!.why!),
		})),
	};
}

/** The explanation as a person reads it in a terminal. */
export function renderExplanation(document: ExplainDocument): string {
	const {lang} = document;
	const lines = [
		t(lang, 'cli.explain.header', {
			scenario: visible(document.scenario),
			day: document.day,
			date: document.at.slice(0, 10),
		}),
		`${t(lang, 'cli.explain.state', {state: t(lang, `state.${document.state}`)})}  ${document.why.state.explanation}`,
		`${t(lang, 'cli.explain.capacity', {capacity: document.capacity})}  ${document.why.capacity.explanation}`,
		`${t(lang, 'cli.explain.devices', {
			licensed: document.devices.licensed,
			activated: document.devices.activated,
		})}  ${document.why.devices.explanation}`,
		'',
		t(lang, 'cli.explain.banners'),
	];
	if (document.banners.length === 0) {
		lines.push(`  ${t(lang, 'cli.explain.no-banner')}`);
	}
	for (const banner of document.banners) {
		lines.push(`  ! ${banner.text}`, `    ${banner.explanation}`);
	}
	lines.push('', t(lang, 'cli.explain.licenses'));
	if (document.licenses.length === 0) {
		lines.push(`  ${t(lang, 'cli.explain.no-license')}`);
	}
	const width = Math.max(
		...document.licenses.map((license) => license.key.length),
		0,
	);
	for (const license of document.licenses) {
		lines.push(
			`  ${license.key.padEnd(width)}  ${t(lang, `status.${license.status}` as 'status.active')}  ${license.explanation}`,
		);
	}
	return lines.join('\n');
}
