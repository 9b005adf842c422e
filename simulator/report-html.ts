/**
 * `simulate FILE --report FILE.html` (SPEC §5, issue 15): one page for a support ticket. Self-
 * contained: the timeline is inline SVG, the style inline CSS, no script, no font, no image, no
 * link to anything, so it reads the same in any browser, offline, attached to a ticket, and
 * prints on A4 landscape. Below the picture, the same facts as text: the banners with their
 * texts and day counts, the steps, the events and the expectations, in the report's language.
 */
import {safeText} from '../source/engine/safe-text.js';
import {formatMessage, type Lang, t, visible} from '../source/i18n/index.js';
import {
	escapeXml,
	STATE_COLOR,
	STATUS_COLOR,
	timelineSvg,
} from './report-svg.js';
import type {SimulationResult} from './runner.js';
import type {Step} from './scenario/index.js';
import {describeStep} from './step-description.js';

const STYLE = `
@page { size: A4 landscape; margin: 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  color: #212121; margin: 16px auto; max-width: 1200px; padding: 0 12px; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 15px; margin: 18px 0 6px; border-bottom: 1px solid #e0e0e0; padding-bottom: 2px; }
.facts { display: flex; flex-wrap: wrap; gap: 4px 24px; margin: 0 0 10px; color: #424242; }
.facts dt { font-weight: 600; } .facts div { display: flex; gap: 6px; }
.facts dd { margin: 0; }
.held { color: #2e7d32; font-weight: 600; } .not-held { color: #c62828; font-weight: 600; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 4px 0 8px; font-size: 12px; }
.legend span::before { content: ""; display: inline-block; width: 10px; height: 10px;
  margin-right: 4px; vertical-align: -1px; background: var(--swatch); border: 1px solid #0003; }
svg.timeline { display: block; width: 100%; height: auto; }
svg .lane-label { font-size: 11px; fill: #424242; } svg .strong { font-weight: 600; }
svg .tick { stroke: #9e9e9e; } svg .tick-label { font-size: 10px; fill: #616161; }
svg .count { font-size: 9px; fill: #212121; pointer-events: none; }
svg rect { stroke: #fff; stroke-width: 0.3; } svg rect:hover { stroke: #000; stroke-width: 1; }
svg .rule { stroke: #bdbdbd; } svg .step-mark { fill: #1565c0; } svg .event-mark { fill: #6d4c41; }
svg .marker:hover .step-mark, svg .marker:hover .event-mark { fill: #000; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th, td { text-align: left; vertical-align: top; padding: 3px 8px; border-bottom: 1px solid #eeeeee; }
th { background: #f5f5f5; font-weight: 600; } td.num { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; } h2 { break-after: avoid; }
@media print { body { margin: 0; max-width: none; padding: 0; } .timeline { break-inside: avoid; } }
`;

export type ReportInput = {
	result: SimulationResult;
	steps: readonly Step[];
};

/** The whole page, as text. Every text from the scenario or the run is escaped. */
export function reportHtml(input: ReportInput): string {
	const {result} = input;
	const lang: Lang = result.lang;
	const start = Date.parse(result.start);
	const dateOf = (day: number) =>
		new Date(start + day * 86_400_000).toISOString().slice(0, 10);
	const say = (text: string) => escapeXml(visible(text));
	const lastDay = result.days.at(-1)?.day ?? 0;
	const {passed, failed} = result.expectations;

	const fact = (label: string, value: string) =>
		`<div><dt>${say(label)}</dt><dd>${value}</dd></div>`;
	const legend = (
		items: [string, string][], // [label, colour]
	) =>
		`<div class="legend">${items
			.map(
				([label, colour]) =>
					`<span style="--swatch:${colour}">${say(label)}</span>`,
			)
			.join('')}</div>`;
	const table = (head: string[], rows: string[][]) =>
		rows.length === 0
			? `<p>${say(t(lang, 'report.none'))}</p>`
			: `<table><thead><tr>${head.map((cell) => `<th>${say(cell)}</th>`).join('')}</tr></thead><tbody>${rows
					.map((row) => `<tr>${row.join('')}</tr>`)
					.join('')}</tbody></table>`;
	const cell = (text: string, className?: string) =>
		`<td${className ? ` class="${className}"` : ''}>${say(text)}</td>`;

	// Each banner: its text as first shown, and the days it showed with their counts.
	const bannerRows: string[][] = [];
	for (const sample of result.days) {
		for (const banner of sample.banners) {
			const previous = result.days[sample.day - 1]?.banners.some(
				(other) => other.id === banner.id,
			);
			if (previous) continue;
			let end = sample.day;
			while (
				result.days[end + 1]?.banners.some((other) => other.id === banner.id)
			) {
				end++;
			}
			const counts = result.days
				.slice(sample.day, end + 1)
				.map((day) => day.banners.find((other) => other.id === banner.id)?.days)
				.filter((days): days is number => days !== undefined);
			bannerRows.push([
				cell(banner.id),
				cell(
					sample.day === end
						? t(lang, 'report.day-one', {
								day: sample.day,
								date: dateOf(sample.day),
							})
						: t(lang, 'report.day-range', {
								from: sample.day,
								to: end,
								start: dateOf(sample.day),
								end: dateOf(end),
							}),
				),
				cell(
					counts.length === 0
						? '-'
						: counts[0] === counts.at(-1)
							? String(counts[0])
							: `${counts[0]} → ${counts.at(-1)}`,
					'num',
				),
				cell(banner.text),
			]);
		}
	}

	const svg = timelineSvg({
		days: result.days,
		events: result.events,
		steps: input.steps,
		lang,
		dateOf,
	});

	return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(safeText(result.scenario))} · ${say(t(lang, 'report.title'))}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeXml(safeText(result.scenario))}</h1>
<dl class="facts">
${fact(t(lang, 'report.from'), `${say(dateOf(0))} (${say(t(lang, 'report.axis-day', {day: 0}))})`)}
${fact(t(lang, 'report.to'), `${say(dateOf(lastDay))} (${say(t(lang, 'report.axis-day', {day: lastDay}))})`)}
${fact(t(lang, 'report.language'), say(lang))}
${fact(
	t(lang, 'report.expectations'),
	`<span class="${failed.length === 0 ? 'held' : 'not-held'}">${say(
		t(lang, 'cli.simulate.expectations', {passed, failed: failed.length}),
	)}</span>`,
)}
</dl>
${legend(
	(['running', 'warning', 'stopped', 'unlicensed'] as const).map((state) => [
		t(lang, `state.${state}`),
		STATE_COLOR[state],
	]),
)}
${svg}
${legend(
	(
		[
			'active',
			'hardware-grace',
			'offline-grace',
			'pending',
			'expired',
			'invalid',
		] as const
	).map((status) => [t(lang, `status.${status}`), STATUS_COLOR[status]!]),
)}
<h2>${say(t(lang, 'report.banners'))}</h2>
${table(
	[
		t(lang, 'report.banner'),
		t(lang, 'report.when'),
		t(lang, 'report.day-counts'),
		t(lang, 'report.text'),
	],
	bannerRows,
)}
<h2>${say(t(lang, 'report.steps'))}</h2>
${table(
	[t(lang, 'report.day'), t(lang, 'report.date'), t(lang, 'report.step')],
	input.steps
		.filter((step) => step.day <= lastDay)
		.map((step) => [
			cell(String(step.day), 'num'),
			cell(dateOf(step.day)),
			cell(stepText(step, lang)),
		]),
)}
<h2>${say(t(lang, 'report.events'))}</h2>
${table(
	[
		t(lang, 'report.day'),
		t(lang, 'report.date'),
		t(lang, 'report.type'),
		t(lang, 'report.text'),
	],
	result.events.map((event) => [
		cell(String(event.day), 'num'),
		cell(dateOf(event.day)),
		cell(event.type),
		cell(event.detail),
	]),
)}
${
	failed.length === 0
		? ''
		: `<h2>${say(t(lang, 'report.failed'))}</h2>
<ul>${failed.map((failure) => `<li>${say(failure.message)}</li>`).join('')}</ul>`
}
</body>
</html>
`;
}

/** What a step does, with its hour when it has one (the day is in its own column). */
function stepText(step: Step, lang: Lang): string {
	const description = describeStep(step);
	const what = formatMessage(lang, description.what);
	return description.hours ? `+${description.hours}h  ${what}` : what;
}
