/**
 * The text face of `simulate`: the days on which something changed, a strip of the whole
 * timeline (one cell a day: running, warning, stopped) and the events.
 */
import {Chalk} from 'chalk';
import Table from 'cli-table3';
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
	const lines: string[] = [
		chalk.bold(result.scenario),
		`start ${result.start}, ${result.days.length} days, ${result.lang}`,
		'',
	];

	// Days on which something visible changed.
	const table = new Table({
		head: [
			'day',
			'date',
			'state',
			'capacity',
			'devices',
			'banners',
			'licenses',
		],
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
			paint[sample.state](sample.state),
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
				.map((license) => `${license.key} ${license.status}`)
				.join('\n') || '-',
		]);
	}
	lines.push(table.toString(), '');

	// The strip: one cell a day, in rows of up to `width` days.
	const width = options.width ?? 60;
	lines.push(
		`timeline  ${paint.running(CELL.running)} running  ${paint.warning(CELL.warning)} warning  ${paint.stopped(CELL.stopped)} stopped  ${paint.unlicensed(CELL.unlicensed)} unlicensed`,
	);
	for (let start = 0; start < result.days.length; start += width) {
		const row = result.days.slice(start, start + width);
		lines.push(
			`${String(start).padStart(6)}  ${row.map((sample) => paint[sample.state](CELL[sample.state])).join('')}`,
		);
	}
	lines.push('');

	lines.push(chalk.bold('events'));
	for (const event of result.events) {
		lines.push(
			`  day ${String(event.day).padStart(4)}  ${event.type.padEnd(24)} ${event.detail}`,
		);
	}
	lines.push('');

	const {passed, failed} = result.expectations;
	lines.push(
		failed.length === 0
			? chalk.green(`expectations: ${passed} passed, 0 failed`)
			: chalk.red(`expectations: ${passed} passed, ${failed.length} failed`),
	);
	for (const failure of failed) {
		lines.push(chalk.red(`  ✗ ${failure.message}`));
	}
	return lines.join('\n');
}
