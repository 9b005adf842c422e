/**
 * An exported scenario as the YAML file a person reads and edits (SPEC §5 schema): steps and
 * expectations one per line, like the fixtures, and the exporter's notes as comments in the
 * file's language, beside what they are about.
 */
import {Document, type Pair, type YAMLMap, type YAMLSeq} from 'yaml';
import {formatMessage, type Message} from '../../source/i18n/log.js';
import type {ExportedScenario} from './index.js';
import {durationText} from './timeline.js';

/** The scenario as plain data (SPEC §5 schema): what the YAML and the JSON forms write. */
export function scenarioData(exported: ExportedScenario) {
	return {
		name: formatMessage(exported.lang, exported.name),
		start: exported.start,
		days: exported.days,
		lang: exported.lang,
		...(exported.customer ? {customer: exported.customer} : {}),
		hardware: exported.hardware,
		...(exported.contactIntervalHours === undefined
			? {}
			: {contactIntervalHours: exported.contactIntervalHours}),
		keys: exported.keys,
		steps: exported.steps.map(({body}) => ({
			...body,
			...(typeof body.at === 'number' ? {at: durationText(body.at)} : {}),
			...(typeof body.shift === 'number'
				? {shift: durationText(body.shift)}
				: {}),
		})),
		expect: exported.expect,
	};
}

export function renderScenarioYaml(
	exported: ExportedScenario,
	options: {exportedAt: number; keepPersonalData: boolean},
): string {
	const {lang} = exported;
	const say = (message: Message) => formatMessage(lang, message);
	const data = scenarioData(exported);
	const document = new Document(data);
	const date = new Date(options.exportedAt).toISOString();
	document.commentBefore = comment([
		say({id: 'export.header', params: {date}}),
		say({
			id: options.keepPersonalData
				? 'export.header-personal-kept'
				: 'export.header-neutral',
		}),
		...exported.notes.map(say),
	]);
	if (exported.customer) {
		const customer = document.get('customer') as YAMLMap;
		customer.flow = true;
	}
	const hardware = document.get('hardware') as YAMLSeq;
	hardware.flow = true;
	const keys = document.get('keys') as YAMLMap;
	for (const pair of keys.items as Pair<{value: string}, YAMLMap>[]) {
		pair.value!.flow = true;
		const real = exported.realKeys[String(pair.key?.value ?? pair.key)];
		if (real) (pair.value as YAMLMap).comment = ` ${real}`;
	}
	const steps = document.get('steps') as YAMLSeq<YAMLMap>;
	steps.items.forEach((item, index) => {
		item.flow = true;
		const note = exported.steps[index]?.note;
		if (note) item.commentBefore = comment([say(note)]);
	});
	const expect = document.get('expect') as YAMLSeq<YAMLMap>;
	expect.commentBefore = comment([say({id: 'export.expect'})]);
	for (const item of expect.items) item.flow = true;
	return document.toString({lineWidth: 0, flowCollectionPadding: false});
}

/** Comment lines for the yaml library: each line after its `#`, one space in. */
function comment(lines: string[]): string {
	return lines
		.flatMap((line) => line.split('\n'))
		.map((line) => ` ${line}`)
		.join('\n');
}
