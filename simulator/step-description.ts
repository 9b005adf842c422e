/**
 * What a scenario step does, as data said in a language by i18n's formatStep: the demo's
 * simulation bar and status line, and the markers and list of `simulate --report`.
 */
import {HOUR} from '../source/engine/types.js';
import type {StepDescription} from '../source/i18n/index.js';
import type {Step} from './scenario/index.js';

export function describeStep(step: Step): StepDescription {
	const when = {
		day: step.day,
		...(step.at ? {hours: Math.round(step.at / HOUR)} : {}),
	};
	const what = (id: string, params?: Record<string, string | number>) => ({
		...when,
		what: {id, ...(params ? {params} : {})},
	});
	switch (step.do) {
		case 'add-key':
			return what('step.add-key', {key: step.key ?? step.literal ?? ''});
		case 'hardware':
			return what('step.hardware', {use: step.use});
		case 'network':
			return what(`step.network-${step.state}`);
		case 'vendor':
			return step.action === 'extend'
				? what('step.vendor-extend', {key: step.key, days: step.days ?? 0})
				: what(`step.vendor-${step.action}`, {key: step.key});
		case 'devices':
			return step.activate
				? what('step.devices-activate', {count: step.activate})
				: what('step.devices-deactivate', {count: step.deactivate ?? 0});
		case 'clock': {
			const minutes = Math.round(Math.abs(step.shift) / 60_000);
			return what(step.shift < 0 ? 'step.clock-back' : 'step.clock-forward', {
				minutes,
			});
		}
		default:
			return what(`step.${step.do}`);
	}
}
