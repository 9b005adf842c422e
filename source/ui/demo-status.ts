/**
 * The status line after a simulation control (the demo's keys): where time is, what changed,
 * what a control did, said in the dashboard's language from the controller's data.
 */
import type {Evaluation} from '../engine/evaluate.js';
import type {BannerId} from '../engine/types.js';
import {formatStep, type Lang, type MessageId, t} from '../i18n/index.js';
import {renderOutcome} from '../i18n/outcome.js';
import type {DemoCommand, StatusMessage} from './app-state.js';
import type {DemoMessage, DemoView} from './demo-controls.js';
import {scenarioTitle} from './demo-pickers.js';
import {formatDateTime} from './format.js';

/** What a simulation control did, for the status line. */
export function demoStatus(
	command: DemoCommand,
	before: DemoView,
	after: DemoView,
	message: DemoMessage | null,
	lang: Lang,
	timeZone: string | undefined,
): StatusMessage | null {
	const date = formatDateTime(after.now, lang, timeZone);
	const info = (text: string): StatusMessage => ({tone: 'info', text});
	const refused = (text: string): StatusMessage => ({tone: 'error', text});
	const moved = () =>
		info(t(lang, 'ui.demo.moved', {date, day: after.day}) + ahead(after, lang));
	if (!message) return command.type === 'step' ? null : moved();
	const params = message.params ?? {};
	switch (message.code) {
		case 'moved':
			return moved();
		case 'next-change':
			return info(
				t(lang, 'ui.demo.result.next-change', {
					day: after.day,
					date,
					what: describeChange(
						before.snapshot.evaluation,
						after.snapshot.evaluation,
						lang,
					),
				}),
			);
		case 'no-change':
			return info(t(lang, 'ui.demo.result.no-change', {day: after.day, date}));
		case 'nothing-ahead':
			return refused(t(lang, 'ui.demo.result.nothing-ahead'));
		case 'replayed':
			return info(
				t(lang, 'ui.demo.result.replayed', {
					day: after.day,
					date,
					actions: params.actions ?? 0,
				}) + ahead(after, lang),
			);
		case 'no-earlier-change':
			return refused(t(lang, 'ui.demo.result.no-earlier-change'));
		case 'already-there':
			return info(t(lang, 'ui.demo.result.already-there', {day: after.day}));
		case 'past-end':
			return refused(
				t(lang, 'ui.demo.result.past-end', {
					day: params.day ?? 0,
					days: params.days ?? 0,
				}),
			);
		case 'network':
			return info(
				t(lang, 'ui.demo.result.network', {
					what: t(lang, `ui.demo.network-choice.${after.network}`),
				}),
			);
		case 'hardware':
			return info(t(lang, 'ui.demo.swapped', {hardware: after.hardware}));
		case 'restarted':
			return info(t(lang, 'ui.demo.restarted'));
		case 'clock':
			return info(clockText(Number(params.minutes ?? 0), after, lang));
		case 'clock-right':
			return info(t(lang, 'ui.demo.result.clock-right'));
		case 'vendor':
			return vendorStatus(message, lang);
		case 'stepped':
			return stepStatus(before, message, lang);
		case 'no-more-steps':
			return refused(t(lang, 'ui.demo.no-more-steps'));
		case 'opened':
			return info(
				t(lang, 'ui.demo.result.opened', {
					title: scenarioTitle(after.scenario, lang),
				}),
			);
		default:
			return refused(
				t(lang, 'ui.demo.result.unknown-scenario', {id: String(params.id)}),
			);
	}
}

/** " 2 later actions recorded: …" when the record holds actions after now. */
function ahead(view: DemoView, lang: Lang): string {
	return view.ahead > 0
		? ` ${t(lang, 'ui.demo.result.ahead', {count: view.ahead})}`
		: '';
}

function clockText(minutes: number, after: DemoView, lang: Lang): string {
	const offset = Math.round(after.clockOffset / 60_000);
	const now =
		offset < 0
			? t(lang, 'ui.demo.clock.behind', {minutes: -offset})
			: offset > 0
				? t(lang, 'ui.demo.clock.ahead', {minutes: offset})
				: t(lang, 'ui.demo.clock.right');
	return t(
		lang,
		minutes < 0 ? 'ui.demo.result.clock-back' : 'ui.demo.result.clock-forward',
		{minutes: Math.abs(minutes), now},
	);
}

const VENDOR_REFUSALS = new Set([
	'not-a-subscription',
	'revoked',
	'not-activated',
]);

function vendorStatus(message: DemoMessage, lang: Lang): StatusMessage {
	const {action = 'extend', target = '', days = 0} = message.params ?? {};
	if (message.ok)
		return {
			tone: 'ok',
			text: t(lang, `ui.demo.result.vendor-${action}` as MessageId, {
				target,
				days,
			}),
		};
	const code = message.outcome?.code ?? '';
	return {
		tone: 'error',
		text: VENDOR_REFUSALS.has(code)
			? t(lang, `ui.demo.vendor-refused.${code}` as MessageId, {
					action: t(lang, `ui.demo.vendor-verb.${action}` as MessageId),
					target,
				})
			: message.outcome
				? renderOutcome(lang, message.outcome)
				: '',
	};
}

/** A scenario step: what it was, and what the engine said of it when that adds anything. */
function stepStatus(
	before: DemoView,
	message: DemoMessage,
	lang: Lang,
): StatusMessage {
	const step = before.scenario.next
		? formatStep(before.scenario.next, lang)
		: '';
	const said = message.outcome ? renderOutcome(lang, message.outcome) : '';
	const text = [t(lang, 'ui.demo.stepped', {step}), said]
		.filter(Boolean)
		.join(' ');
	return {tone: message.ok ? 'ok' : 'error', text};
}

/** What `x` found changed, in words: the state, banners and their counts, capacity, terms. */
export function describeChange(
	before: Evaluation,
	after: Evaluation,
	lang: Lang,
): string {
	const parts: string[] = [];
	if (before.state !== after.state)
		parts.push(
			t(lang, 'ui.demo.change.state', {
				from: t(lang, `state.${before.state}`),
				to: t(lang, `state.${after.state}`),
			}),
		);
	const name = (id: BannerId) => t(lang, `ui.demo.banner.${id}`);
	const was = new Map(before.banners.map((banner) => [banner.id, banner]));
	const is = new Map(after.banners.map((banner) => [banner.id, banner]));
	for (const banner of after.banners) {
		const previous = was.get(banner.id);
		if (!previous)
			parts.push(
				banner.days === undefined
					? t(lang, 'ui.demo.change.banner-shows', {banner: name(banner.id)})
					: t(lang, 'ui.demo.change.banner-shows-days', {
							banner: name(banner.id),
							days: banner.days,
						}),
			);
		else if (previous.days !== banner.days && banner.days !== undefined)
			parts.push(
				t(lang, 'ui.demo.change.banner-count', {
					banner: name(banner.id),
					days: banner.days,
				}),
			);
	}
	for (const banner of before.banners)
		if (!is.has(banner.id))
			parts.push(
				t(lang, 'ui.demo.change.banner-goes', {banner: name(banner.id)}),
			);
	if (before.capacity !== after.capacity)
		parts.push(
			t(lang, 'ui.demo.change.capacity', {
				from: before.capacity,
				to: after.capacity,
			}),
		);
	const term = (evaluation: Evaluation) =>
		evaluation.licenses
			.map((license) => `${license.expiresAt}|${license.renewsAt}`)
			.join(' ');
	const statuses = (evaluation: Evaluation) =>
		evaluation.licenses.map((license) => license.status).join(' ');
	if (parts.length === 0 && term(before) !== term(after))
		parts.push(t(lang, 'ui.demo.change.term'));
	if (parts.length === 0 && statuses(before) !== statuses(after))
		parts.push(t(lang, 'ui.demo.change.licenses'));
	return parts.join(t(lang, 'ui.demo.change.separator'));
}
