/**
 * The text face of `simulate`: the days on which something changed, a strip of the whole
 * timeline (one cell a day: running, warning, stopped) and the events.
 */
import {Chalk} from 'chalk';
import Table from 'cli-table3';
import {safeText} from '../source/engine/safe-text.js';
import {t} from '../source/i18n/index.js';
import type {DaySample, SimulationResult} from './runner.js';

const CELL: Record<DaySample['state'], string> = {
	unlicensed: '·',
	running: '█',
	warning: '▓',
	stopped: '░',
};

function signature(sample: DaySample): string {
	return JSON.stringify([
		sample.state,
		sample.capacity,
		sample.banners.map((banner) => [banner.id, banner.days]),
		sample.devices,
		sample.licenses.map((license) => [license.key, license.status]),
	]);
}

export function renderSimulation(
	result: SimulationResult,
	options: {color: boolean; width?: number},
): string {
	const chalk = new Chalk({level: options.color ? 1 : 0});
	const paint: Record<DaySample['state'], (text: string) => string> = {
		unlicensed: chalk.gray,
		running: chalk.green,
		warning: chalk.yellow,
		stopped: chalk.red,
	};
	// In the scenario's language, or the one asked for (--lang, the locale).
	const {lang} = result;
	const state = (id: DaySample['state']) => t(lang, `state.${id}`);
	const lines: string[] = [
		// The scenario's name, its aliases, the events' details and the failures come from the
		// file or the store: made visible and cut before any colour of ours (issue 10 point 7).
		chalk.bold(safeText(result.scenario)),
		t(lang, 'cli.simulate.start', {
			start: result.start,
			days: result.days.length,
			lang,
		}),
		'',
	];

	// Days on which something visible changed.
	const table = new Table({
		head: (
			[
				'day',
				'date',
				'state',
				'capacity',
				'devices',
				'banners',
				'licenses',
			] as const
		).map((column) => t(lang, `cli.simulate.column.${column}`)),
		style: {
			head: options.color ? ['cyan'] : [],
			border: options.color ? ['grey'] : [],
		},
		wordWrap: true,
		colWidths: [6, 12, 12, 10, 9, 30, 30],
	});
	let previous = '';
	for (const sample of result.days) {
		const current = signature(sample);
		if (current === previous) {
			continue;
		}
		previous = current;
		table.push([
			String(sample.day),
			sample.at.slice(0, 10),
			paint[sample.state](state(sample.state)),
			String(sample.capacity),
			`${sample.devices.licensed}/${sample.devices.activated}`,
			sample.banners
				.map((banner) =>
					banner.days === undefined
						? banner.id
						: `${banner.id} (${banner.days})`,
				)
				.join('\n') || '-',
			sample.licenses
				.map((license) => `${safeText(license.key, 60)} ${license.status}`)
				.join('\n') || '-',
		]);
	}
	lines.push(table.toString(), '');

	// The strip: one cell a day, in rows of up to `width` days.
	const width = options.width ?? 60;
	lines.push(
		[
			t(lang, 'cli.simulate.timeline'),
			...(['running', 'warning', 'stopped', 'unlicensed'] as const).map(
				(id) => `${paint[id](CELL[id])} ${state(id)}`,
			),
		].join('  '),
	);
	for (let start = 0; start < result.days.length; start += width) {
		const row = result.days.slice(start, start + width);
		lines.push(
			`${String(start).padStart(6)}  ${row.map((sample) => paint[sample.state](CELL[sample.state])).join('')}`,
		);
	}
	lines.push('');

	lines.push(chalk.bold(t(lang, 'cli.simulate.events')));
	for (const event of result.events) {
		lines.push(
			`  ${t(lang, 'cli.simulate.event-day', {day: String(event.day).padStart(4)})}  ${safeText(event.type, 60).padEnd(24)} ${safeText(event.detail, 500)}`,
		);
	}
	lines.push('');

	const {passed, failed} = result.expectations;
	lines.push(
		(failed.length === 0 ? chalk.green : chalk.red)(
			t(lang, 'cli.simulate.expectations', {passed, failed: failed.length}),
		),
	);
	for (const failure of failed) {
		lines.push(chalk.red(`  ✗ ${safeText(failure.message, 500)}`));
	}
	return lines.join('\n');
}
