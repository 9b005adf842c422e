/**
 * A scenario step as the demo's simulation bar and status line name it ("day 3 +6h: network
 * OFFLINE", « jour 3 +6h : réseau HORS LIGNE »): data from the simulator, words from here.
 */

import {t} from './index.js';
import type {Lang} from './lang.js';
import {formatMessage, type Message} from './log.js';

/** The step's day, its hour within the day when it has one, and what it does. */
export type StepDescription = {day: number; hours?: number; what: Message};

export function formatStep(step: StepDescription, lang: Lang): string {
	const when = step.hours
		? t(lang, 'step.when-later', {day: step.day, hours: step.hours})
		: t(lang, 'step.when', {day: step.day});
	return t(lang, 'ui.label', {
		label: when,
		value: formatMessage(lang, step.what),
	});
}
