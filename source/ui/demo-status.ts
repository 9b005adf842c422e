/** The status line after a simulation control (the demo's keys): where time is, what changed. */
import {type Lang, t} from '../i18n/index.js';
import type {DemoCommand, StatusMessage} from './app-state.js';
import type {DemoView} from './demo-controls.js';
import {formatDateTime} from './format.js';

/** What a simulation control did, for the status line. */
export function demoStatus(
	command: DemoCommand,
	before: DemoView,
	after: DemoView,
	message: DemoView['message'],
	lang: Lang,
	timeZone: string | undefined,
): StatusMessage | null {
	if (
		message &&
		!message.ok &&
		(message.code === 'past' || message.code === 'done')
	) {
		return {
			tone: 'error',
			text:
				message.code === 'past'
					? t(lang, 'ui.demo.past', {
							day: command.type === 'jump' ? command.day : after.day,
						})
					: t(lang, 'ui.demo.no-more-steps'),
		};
	}
	switch (command.type) {
		case 'advance':
		case 'next-deadline':
		case 'jump':
			return {
				tone: 'info',
				text: t(lang, 'ui.demo.moved', {
					date: formatDateTime(after.now, lang, timeZone),
					day: after.day,
				}),
			};
		case 'toggle-network':
			return {
				tone: 'info',
				text: t(lang, 'ui.demo.network-now', {
					state: t(lang, `ui.network.${after.network}`),
				}),
			};
		case 'swap-hardware':
			return {
				tone: 'info',
				text: t(lang, 'ui.demo.swapped', {hardware: after.hardware}),
			};
		case 'restart':
			return {tone: 'info', text: t(lang, 'ui.demo.restarted')};
		case 'step': {
			const step = before.scenario.next ?? '';
			const text = [
				t(lang, 'ui.demo.stepped', {step}),
				message && message.message !== step ? message.message : '',
			]
				.filter(Boolean)
				.join(' ');
			return {tone: message && !message.ok ? 'error' : 'ok', text};
		}
	}
}
