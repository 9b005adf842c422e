/**
 * The demo's choice lists and prompts (issue 13, points 1, 2 and 4), pure: what each lists (the
 * key handler picks from these values, the view shows these labels), where its highlight starts,
 * and how a prompt reads what was typed. The lists are drawn by the choice list on
 * ink-select-input (components/choice-list), the prompts in the simulation bar.
 */
import {DAY, HOUR} from '../engine/types.js';
import {type Lang, type MessageId, t} from '../i18n/index.js';
import {
	DEMO_NETWORKS,
	type DemoKey,
	type DemoNetwork,
	type DemoScenarioChoice,
	type DemoTarget,
	type DemoView,
} from './demo-controls.js';
import {padTo, textWidth} from './format.js';
import {
	demoKeyForms,
	describeLicense,
	describeLicenseShort,
} from './screens/demo-keys.js';

export type PickerId =
	| 'demo-key'
	| 'network'
	| 'vendor-target'
	| 'vendor-action'
	| 'scenario';

export type DemoPicker =
	| {id: Exclude<PickerId, 'vendor-action'>}
	| {id: 'vendor-action'; target: string};

export type DemoPrompt = {id: 'clock'} | {id: 'extend'; target: string};

/** What the pickers list, from the demo's view. */
export type DemoChoices = {
	keys: readonly DemoKey[];
	targets: readonly DemoTarget[];
	scenarios: readonly DemoScenarioChoice[];
	network: DemoNetwork;
};

export function demoChoices(view: DemoView): DemoChoices {
	return {
		keys: view.keys,
		targets: view.targets,
		scenarios: view.scenarios,
		network: view.network,
	};
}

const VENDOR_ACTIONS = ['extend', 'cancel-renewal', 'revoke'] as const;

/** The values a picker lists, in order (what Enter on the nth row picks). */
export function pickerValues(
	picker: DemoPicker,
	choices: DemoChoices,
): string[] {
	switch (picker.id) {
		case 'demo-key':
			return choices.keys.map((key) => key.key);
		case 'network':
			return [...DEMO_NETWORKS];
		case 'vendor-target':
			return choices.targets.map((target) => target.id);
		case 'vendor-action':
			return [...VENDOR_ACTIONS];
		case 'scenario':
			return choices.scenarios.map((scenario) => scenario.id);
	}
}

/**
 * Where the highlight starts: the network's other usual state (Enter after `T` cuts or restores
 * it), the scenario open now, the first demo key not in the key field yet.
 */
export function initialChoice(
	picker: DemoPicker,
	choices: DemoChoices,
	context: {keysText: string},
): number {
	const values = pickerValues(picker, choices);
	const at = (value: string) => Math.max(0, values.indexOf(value));
	switch (picker.id) {
		case 'network':
			return at(choices.network === 'online' ? 'offline' : 'online');
		case 'scenario':
			return Math.max(
				0,
				choices.scenarios.findIndex((scenario) => scenario.isCurrent),
			);
		case 'demo-key':
			return Math.max(
				0,
				values.findIndex((key) => !context.keysText.includes(key)),
			);
		default:
			return 0;
	}
}

/** The first of `forms` (longest first) whose row fits `room` columns; the last one else. */
function fitting(forms: readonly string[], room: number): string {
	return forms.find((form) => textWidth(form) <= room) ?? forms.at(-1) ?? '';
}

/**
 * Rows said alike: each in its first form when all of them fit, else from its second form on,
 * each in the most words that fit (a key's kind is left out on every row or on none).
 */
function rowsAlike(rows: readonly string[][], room: number): string[] {
	const level = rows.every((forms) => textWidth(forms[0] ?? '') <= room)
		? 0
		: 1;
	return rows.map((forms) => fitting(forms.slice(level), room));
}

/**
 * A picker as the screen shows it: its question and its rows, each in the most words that fit
 * the list's `width` (the choice list cuts a row longer than that: at 80 columns MIX, MULTI and
 * L5 ended in "…", their second license or the renewal cut off).
 */
export function pickerView(
	picker: DemoPicker,
	choices: DemoChoices,
	lang: Lang,
	width = 80,
): {title: string; items: {value: string; label: string}[]} {
	const values = pickerValues(picker, choices);
	// The choice list's marker (› ) takes two columns of each row.
	const room = width - 2;
	switch (picker.id) {
		case 'demo-key': {
			const aliasWidth = Math.max(
				...choices.keys.map((key) => textWidth(key.alias)),
			);
			return {
				title: t(lang, 'ui.demo.pick.key'),
				items: rowsAlike(
					choices.keys.map((key) =>
						demoKeyForms(key, lang).map(
							(form) => `${padTo(key.alias, aliasWidth)}  ${form}`,
						),
					),
					room,
				).map((label, index) => ({value: values[index] ?? '', label})),
			};
		}
		case 'network':
			return {
				title: t(lang, 'ui.demo.pick.network', {
					state: t(lang, `ui.network.${choices.network}`),
				}),
				items: DEMO_NETWORKS.map((state) => ({
					value: state,
					label: t(lang, `ui.demo.network-choice.${state}`),
				})),
			};
		case 'vendor-target': {
			const idWidth = Math.max(
				...choices.targets.map((target) => textWidth(target.id)),
			);
			const elsewhere = ` · ${t(lang, 'ui.demo.target.elsewhere')}`;
			return {
				title: t(lang, 'ui.demo.pick.target'),
				items: choices.targets.map((target) => {
					const what = target.spec
						? [
								describeLicense(target.spec, lang),
								describeLicenseShort(target.spec, lang),
							]
						: [t(lang, 'ui.demo.target.whole-key')];
					return {
						value: target.id,
						label: fitting(
							what.map(
								(form) =>
									`${padTo(target.id, idWidth)}  ${form}${target.isHere ? '' : elsewhere}`,
							),
							room,
						),
					};
				}),
			};
		}
		case 'vendor-action':
			return {
				title: t(lang, 'ui.demo.pick.action', {target: picker.target}),
				items: values.map((action) => ({
					value: action,
					label: t(lang, `ui.demo.vendor-choice.${action}` as MessageId),
				})),
			};
		case 'scenario':
			return {
				title: t(lang, 'ui.demo.pick.scenario'),
				items: choices.scenarios.map((scenario) => ({
					value: scenario.id,
					label: `${scenarioTitle(scenario, lang)}${
						scenario.isCurrent ? ` · ${t(lang, 'ui.demo.scenario-open')}` : ''
					}`,
				})),
			};
	}
}

const BUNDLED = new Set([
	'demo',
	'expiry',
	'outage',
	'hardware-change',
	'manual-activation',
	'clock-rollback',
]);

/** A bundled scenario in the dashboard's language; another by its file's own name. */
export function scenarioTitle(
	scenario: {id: string; name: string},
	lang: Lang,
): string {
	return BUNDLED.has(scenario.id)
		? t(lang, `ui.demo.scenario-title.${scenario.id}` as MessageId)
		: scenario.name;
}

/** The scenario as the header names it: the default demo and the training ones in the dashboard's language. */
export function scenarioName(
	scenario: {id: string; name: string},
	lang: Lang,
): string {
	if (scenario.id === 'demo') return t(lang, 'ui.demo.scenario-name.demo');
	return scenarioTitle(scenario, lang);
}

// --- Prompts -------------------------------------------------------------------------------

const MINUTE = 60_000;
/** The clock moves at most ten years either way. */
const MAX_SHIFT = 3650 * DAY;

/**
 * The clock prompt (R15): an amount to set the MyQ server's clock back by: minutes alone (`61`),
 * or with units, largest first (`61m`, `2h`, `1d`, `1h30m`; `j` is the French day); `+` first
 * sets it forward instead; `0` puts it right.
 */
export function parseClockAmount(
	text: string,
): {ok: true; ms: number | null} | {ok: false; error: MessageId} {
	const trimmed = text.trim().toLowerCase().replace(/\s+/g, '');
	if (trimmed === '0') return {ok: true, ms: null};
	const match = /^([+-])?(?:(\d+)[dj])?(?:(\d+)h)?(?:(\d+)(?:m|min)?)?$/.exec(
		trimmed,
	);
	if (!match || match.slice(2).every((part) => part === undefined))
		return {ok: false, error: 'ui.demo.prompt.clock-invalid'};
	const [, sign, days, hours, minutes] = match;
	const amount =
		Number(days ?? 0) * DAY +
		Number(hours ?? 0) * HOUR +
		Number(minutes ?? 0) * MINUTE;
	if (amount === 0 || amount > MAX_SHIFT)
		return {ok: false, error: 'ui.demo.prompt.clock-invalid'};
	return {ok: true, ms: sign === '+' ? amount : -amount};
}

/** The vendor's extend: a whole number of days, 1 to 3650 (the license server's limit). */
export function parseDays(
	text: string,
): {ok: true; days: number} | {ok: false; error: MessageId} {
	const trimmed = text.trim();
	const days = /^\d{1,5}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
	return days >= 1 && days <= 3650
		? {ok: true, days}
		: {ok: false, error: 'ui.demo.prompt.days-invalid'};
}
