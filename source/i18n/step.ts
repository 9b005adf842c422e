/**
 * A scenario step as the demo's simulation bar and status line name it ("day 3 +6h: network
 * offline", « jour 3 +6 h : réseau hors ligne »): data from the simulator, words from here.
 */

import type {Lang} from './lang.js';
import {formatMessage, type Message} from './log.js';

/** The step's day, its hour within the day when it has one, and what it does. */
export type StepDescription = {day: number; hours?: number; what: Message};

export function formatStep(step: StepDescription, lang: Lang): string {
	const when: Message = step.hours
		? {id: 'step.when-later', params: {day: step.day, hours: step.hours}}
		: {id: 'step.when', params: {day: step.day}};
	return formatMessage(lang, {
		id: 'ui.label',
		params: {
			label: formatMessage(lang, when),
			value: formatMessage(lang, step.what),
		},
	});
}
