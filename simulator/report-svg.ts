/**
 * The timeline of `simulate --report` as one inline SVG (issue 15): a band of the operational
 * state per day, one lane per banner with its day counts, one lane per license with its status,
 * and markers for the scenario's steps and the events. Every mark carries its text in a
 * `<title>` (shown on hover by any browser, no script). Runs of equal days are drawn as one
 * rectangle, so a ten-year replay stays a small picture.
 */
import {formatStep, type Lang, t} from '../source/i18n/index.js';
import type {DaySample, SimulationEvent} from './runner.js';
import type {Step} from './scenario/index.js';
import {describeStep} from './step-description.js';

export const STATE_COLOR: Record<DaySample['state'], string> = {
	unlicensed: '#9e9e9e',
	running: '#2e7d32',
	warning: '#f9a825',
	stopped: '#c62828',
};

export const STATUS_COLOR: Record<string, string> = {
	pending: '#90a4ae',
	active: '#66bb6a',
	'hardware-grace': '#ffb74d',
	'offline-grace': '#ffd54f',
	expired: '#8d6e63',
	invalid: '#e57373',
};

const BANNER_COLOR: Record<string, string> = {
	'license-problem': '#c62828',
	'server-stopped': '#b71c1c',
	'hardware-changed': '#ef6c00',
	'server-unreachable': '#f57f17',
	'subscription-expiring': '#fbc02d',
	'clock-tampered': '#6a1b9a',
};

const WIDTH = 1000;
const LABEL = 150;
const PLOT = WIDTH - LABEL - 10;
const LANE = 22;
const GAP = 6;

/** Text and attribute values made safe for HTML and SVG. */
export function escapeXml(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

type Run<T> = {from: number; to: number; value: T};

/** Consecutive days with the same value, as runs (undefined days break a run and are skipped). */
function runs<T>(
	days: readonly DaySample[],
	read: (day: DaySample) => T | undefined,
): Run<T>[] {
	const out: Run<T>[] = [];
	for (const sample of days) {
		const value = read(sample);
		const last = out.at(-1);
		if (value === undefined) continue;
		if (last && last.to === sample.day - 1 && last.value === value) {
			last.to = sample.day;
		} else {
			out.push({from: sample.day, to: sample.day, value});
		}
	}
	return out;
}

export type TimelineInput = {
	days: readonly DaySample[];
	events: readonly SimulationEvent[];
	steps: readonly Step[];
	lang: Lang;
	/** Day `n` as a date (`2027-01-04`). */
	dateOf: (day: number) => string;
};

export function timelineSvg(input: TimelineInput): string {
	const {days, lang, dateOf} = input;
	const count = Math.max(1, days.length);
	const dayWidth = PLOT / count;
	const x = (day: number) => LABEL + day * dayWidth;
	const span = (run: Run<unknown>) => (run.to - run.from + 1) * dayWidth;
	const when = (run: Run<unknown>) =>
		run.from === run.to
			? t(lang, 'report.day-one', {day: run.from, date: dateOf(run.from)})
			: t(lang, 'report.day-range', {
					from: run.from,
					to: run.to,
					start: dateOf(run.from),
					end: dateOf(run.to),
				});
	const parts: string[] = [];
	let y = 24;
	const label = (text: string, row: number, className = 'lane-label') =>
		parts.push(
			`<text class="${className}" x="${LABEL - 8}" y="${row + LANE / 2 + 4}" text-anchor="end">${escapeXml(text)}</text>`,
		);
	const rect = (
		run: Run<unknown>,
		row: number,
		fill: string,
		title: string,
		className: string,
	) =>
		parts.push(
			`<rect class="${className}" x="${x(run.from).toFixed(2)}" y="${row}" width="${span(run).toFixed(2)}" height="${LANE}" fill="${fill}"><title>${escapeXml(title)}</title></rect>`,
		);

	// The axis: a tick every few days, so that at most about 12 are labelled.
	const step =
		[1, 2, 5, 7, 10, 14, 30, 60, 90, 180, 365, 730, 1825, 3650].find(
			(candidate) => count / candidate <= 12,
		) ?? 3650;
	for (let day = 0; day < count; day += step) {
		// The last label ends at the plot's edge rather than past it.
		const isLast = day + step >= count && day > 0;
		parts.push(
			`<line class="tick" x1="${x(day).toFixed(2)}" y1="${y - 6}" x2="${x(day).toFixed(2)}" y2="${y}"/>`,
			`<text class="tick-label" x="${(isLast ? Math.min(x(day), LABEL + PLOT) : x(day)).toFixed(2)}" y="${y - 9}"${isLast && x(day) + 40 > LABEL + PLOT ? ' text-anchor="end"' : ''}>${escapeXml(t(lang, 'report.axis-day', {day}))}</text>`,
		);
	}

	// The state band.
	label(t(lang, 'report.state'), y, 'lane-label strong');
	for (const run of runs(days, (day) => day.state)) {
		rect(
			run,
			y,
			STATE_COLOR[run.value],
			`${t(lang, `state.${run.value}`)}: ${when(run)}`,
			`state state-${run.value}`,
		);
	}
	y += LANE + GAP;

	// One lane per banner, with its day counts.
	const bannerIds = [
		...new Set(days.flatMap((day) => day.banners.map((banner) => banner.id))),
	];
	for (const id of bannerIds) {
		label(id, y);
		const bannerRuns = runs(days, (day) =>
			day.banners.some((banner) => banner.id === id) ? true : undefined,
		);
		for (const run of bannerRuns) {
			const counts = days
				.slice(run.from, run.to + 1)
				.map((day) => day.banners.find((banner) => banner.id === id)?.days);
			const first = counts[0];
			const last = counts.at(-1);
			const countText =
				first === undefined
					? ''
					: first === last
						? t(lang, 'report.days-left', {days: first})
						: t(lang, 'report.days-from-to', {from: first, to: last ?? first});
			const text = days[run.from]!.banners.find(
				(banner) => banner.id === id,
			)!.text;
			rect(
				run,
				y,
				BANNER_COLOR[id] ?? '#757575',
				`${id}${countText ? ` (${countText})` : ''}: ${when(run)}\n${text}`,
				`banner banner-${id}`,
			);
			// The count of each day, where a day is wide enough to hold it; else at the run's start.
			if (first !== undefined) {
				if (dayWidth >= 14) {
					counts.forEach((days, index) => {
						parts.push(
							`<text class="count" x="${(x(run.from + index) + dayWidth / 2).toFixed(2)}" y="${y + LANE / 2 + 4}" text-anchor="middle">${days ?? ''}</text>`,
						);
					});
				} else if (span(run) >= 26) {
					parts.push(
						`<text class="count" x="${(x(run.from) + 3).toFixed(2)}" y="${y + LANE / 2 + 4}">${escapeXml(countText)}</text>`,
					);
				}
			}
		}
		y += LANE + GAP;
	}

	// One lane per license, with its status.
	const keys = [
		...new Set(
			days.flatMap((day) => day.licenses.map((license) => license.key)),
		),
	];
	for (const key of keys) {
		label(key, y);
		for (const run of runs(
			days,
			(day) => day.licenses.find((license) => license.key === key)?.status,
		)) {
			rect(
				run,
				y,
				STATUS_COLOR[run.value] ?? '#bdbdbd',
				`${key}: ${t(lang, `status.${run.value}` as 'status.active')}, ${when(run)}`,
				`license status-${run.value}`,
			);
		}
		y += LANE + GAP;
	}

	// Markers: the scenario's steps, then the events, one marker a day with all its texts.
	const markers = (
		name: string,
		byDay: Map<number, string[]>,
		shape: (cx: number, cy: number) => string,
	) => {
		label(name, y, 'lane-label strong');
		parts.push(
			`<line class="rule" x1="${LABEL}" y1="${y + LANE / 2}" x2="${LABEL + PLOT}" y2="${y + LANE / 2}"/>`,
		);
		for (const [day, texts] of byDay) {
			const cx = x(day) + dayWidth / 2;
			parts.push(
				`<g class="marker">${shape(cx, y + LANE / 2)}<title>${escapeXml(
					[t(lang, 'report.day-one', {day, date: dateOf(day)}), ...texts].join(
						'\n',
					),
				)}</title></g>`,
			);
		}
		y += LANE + GAP;
	};
	const group = (items: {day: number; text: string}[]) => {
		const byDay = new Map<number, string[]>();
		for (const item of items) {
			if (item.day < 0 || item.day >= count) continue;
			byDay.set(item.day, [...(byDay.get(item.day) ?? []), item.text]);
		}
		return byDay;
	};
	markers(
		t(lang, 'report.steps'),
		group(
			input.steps.map((step) => ({
				day: step.day,
				text: formatStep(describeStep(step), lang),
			})),
		),
		(cx, cy) =>
			`<path class="step-mark" d="M${(cx - 6).toFixed(2)} ${cy + 6} L${cx.toFixed(2)} ${cy - 7} L${(cx + 6).toFixed(2)} ${cy + 6} Z"/>`,
	);
	markers(
		t(lang, 'report.events'),
		group(
			input.events.map((event) => ({
				day: event.day,
				text: `${event.type}: ${event.detail}`,
			})),
		),
		(cx, cy) =>
			`<circle class="event-mark" cx="${cx.toFixed(2)}" cy="${cy}" r="5"/>`,
	);

	const height = y + 4;
	return [
		`<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeXml(t(lang, 'report.picture'))}">`,
		...parts,
		'</svg>',
	].join('\n');
}
