/**
 * Home: the License widget, as on MyQ's Home dashboard. Unlicensed, it offers **Enter license**
 * (R1: opens Settings > License). Otherwise it shows capacity and devices used (R6, R7), the
 * subscription's expiry or renewal (R9), the last contact with the license server (R12, R14)
 * and the hardware binding (R8). Wide screens add the customer and the latest events.
 *
 * The screen is a page of lines (issue 12, point 1): with three banners at 80×24 it scrolls
 * (PgDn, j/k) rather than leaving out the widget's last rows.
 */
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {countryName} from '../../engine/customer.js';
import {daysLeft} from '../../engine/evaluate.js';
import {safeText} from '../../engine/safe-text.js';
import {type Lang, t} from '../../i18n/index.js';
import {Blank, Decoration} from '../components/blank/index.js';
import {ButtonRowView} from '../components/buttons/index.js';
import {STATUSES} from '../components/license-table/index.js';
import {focusRanges, type Line} from '../components/page/index.js';
import type {DashboardView} from '../dashboard-source.js';
import {eventSentence} from '../event-label.js';
import {
	formatDate,
	formatDateTime,
	formatIsoDateTime,
	padTo,
	textWidth,
	truncate,
	wrapText,
} from '../format.js';
import {columnsOf, isWide} from '../layout.js';
import {STATE_TONE, type Theme, type Tone, toneColor} from '../theme.js';

export type WidgetRow = {label: string; value: string; tone: Tone | null};

/** The License widget's rows once something was activated (pure: tested without rendering). */
export function licenseWidgetRows(
	view: DashboardView,
	lang: Lang,
	timeZone?: string,
): WidgetRow[] {
	const {state, evaluation} = view.snapshot;
	const now = evaluation.now;
	const rows: WidgetRow[] = [];
	const {devices} = evaluation;
	rows.push({
		label: t(lang, 'ui.home.capacity'),
		value: t(lang, 'ui.home.capacity-value', {
			capacity: evaluation.capacity,
			activated: devices.activated,
			free: Math.max(0, evaluation.capacity - devices.activated),
		}),
		tone: devices.activated > devices.licensed ? 'warn' : null,
	});
	if (devices.activated > devices.licensed) {
		rows.push({
			label: '',
			value: t(lang, 'ui.home.unlicensed-devices', {
				count: devices.activated - devices.licensed,
			}),
			tone: 'warn',
		});
	}

	// R9: the subscription that ends first (among those that count, else among all), and whether
	// it renews by itself.
	const byExpiry = (
		a: {expiresAt: number | null},
		b: {expiresAt: number | null},
	) => (a.expiresAt ?? 0) - (b.expiresAt ?? 0);
	const subscriptions = evaluation.licenses
		.filter(
			(license) =>
				license.kind === 'subscription' && license.expiresAt !== null,
		)
		.sort(byExpiry);
	const counting = subscriptions.filter((license) => license.counts);
	const first = counting[0] ?? subscriptions[0];
	if (first && first.expiresAt !== null) {
		const date = formatDate(first.renewsAt ?? first.expiresAt, lang, timeZone);
		const left = daysLeft(first.expiresAt, now);
		let value =
			first.renewsAt !== null
				? t(lang, 'ui.renews-on', {date})
				: t(lang, 'ui.expires-on', {date});
		let tone: Tone | null = null;
		if (!first.counts) {
			// Past tense once the date is past ("Invalid · Expired on…"), said once when it is the status.
			const on = formatDate(first.expiresAt, lang, timeZone);
			const ended = t(lang, 'ui.expired-on', {date: on});
			value =
				first.expiresAt > now
					? `${t(lang, `status.${first.status}`)} · ${t(lang, 'ui.expires-on', {date: on})}`
					: first.status === 'expired'
						? ended
						: `${t(lang, `status.${first.status}`)} · ${ended}`;
			tone = 'error';
		} else if (first.status === 'offline-grace') {
			value = t(lang, 'ui.home.expired-offline', {date});
			tone = 'warn';
		} else if (first.renewsAt === null) {
			value += ` ${t(lang, 'ui.home.in-days', {days: left})}`;
			tone = left <= 10 ? 'warn' : null;
		}
		const others = (counting.length > 0 ? counting : subscriptions).length - 1;
		if (others > 0) value += ` ${t(lang, 'ui.home.more', {count: others})}`;
		rows.push({label: t(lang, 'ui.home.subscription'), value, tone});
	} else {
		rows.push({
			label: t(lang, 'ui.home.subscription'),
			value: t(lang, 'ui.home.no-subscription'),
			tone: null,
		});
	}

	// R8: the hardware binding.
	const {hardware} = evaluation;
	if (hardware.bound === null) {
		rows.push({label: t(lang, 'ui.home.hardware'), value: '—', tone: null});
	} else if (!hardware.changed) {
		rows.push({
			label: t(lang, 'ui.home.hardware'),
			value: t(lang, 'ui.home.hardware-bound', {
				fingerprint: truncate(hardware.bound, 16),
			}),
			tone: 'ok',
		});
	} else if (hardware.graceEndsAt !== null && now < hardware.graceEndsAt) {
		rows.push({
			label: t(lang, 'ui.home.hardware'),
			value: t(lang, 'ui.home.hardware-changed', {
				days: daysLeft(hardware.graceEndsAt, now),
				date: formatDateTime(hardware.graceEndsAt, lang, timeZone),
			}),
			tone: 'warn',
		});
	} else {
		rows.push({
			label: t(lang, 'ui.home.hardware'),
			value: t(lang, 'ui.home.hardware-invalid'),
			tone: 'error',
		});
	}

	// R12, R14: the license server.
	const server = state.server;
	rows.push({
		label: t(lang, 'ui.home.license-server'),
		value:
			server.lastSuccessAt === null
				? t(lang, 'ui.home.never-contacted')
				: t(lang, 'ui.home.last-contact', {
						date: formatDateTime(server.lastSuccessAt, lang, timeZone),
					}),
		tone: null,
	});
	if (server.unreachableSince !== null) {
		rows.push({
			label: '',
			value: t(lang, 'ui.home.unreachable-since', {
				date: formatDateTime(server.unreachableSince, lang, timeZone),
			}),
			tone: 'warn',
		});
	}

	const counts = STATUSES.map((status) => ({
		status,
		count: evaluation.licenses.filter((license) => license.status === status)
			.length,
	}))
		.filter((entry) => entry.count > 0)
		.map(
			(entry) => `${t(lang, `ui.status-short.${entry.status}`)} ${entry.count}`,
		);
	rows.push({
		label: t(lang, 'ui.licenses'),
		value: counts.join(' · ') || t(lang, 'ui.no-licenses'),
		tone: null,
	});

	if (evaluation.nextChangeAt !== null) {
		rows.push({
			label: t(lang, 'ui.home.next-change'),
			value: formatDateTime(evaluation.nextChangeAt, lang, timeZone),
			tone: null,
		});
	}
	return rows;
}

export type HomePageProps = {
	lang: Lang;
	width: number;
	view: DashboardView;
	isActive: boolean;
	theme: Theme;
};

/** How many of the newest events Home lists (the Events screen has them all). */
const RECENT_EVENTS = 8;

export function homeLines(props: HomePageProps): Line<'enter-license'>[] {
	const {lang, width, view} = props;
	if (!isWide(width)) {
		return [
			...widgetLines({...props, width}),
			{key: 'blank', node: <Blank />},
			...recentEventLines(props, width),
		];
	}
	// The widget takes what its rows need (40% to 60%), the customer and the events the rest,
	// so an event wraps as little as it can (issue 12, point 14).
	const left = Math.min(
		columnsOf(width, 0.6).left,
		Math.max(columnsOf(width, 0.4).left, widgetWidth(props)),
	);
	const right = width - 2 - left;
	const customer = view.snapshot.state.customer;
	const rightLines: Line<'enter-license'>[] = [
		{key: 'customer-title', node: <Text bold>{t(lang, 'ui.customer')}</Text>},
		...(customer
			? [
					// The stored customer is outside text: never raw (issue 10 point 7).
					`${safeText(customer.company)} · ${safeText(customer.person)}`,
					`${safeText(customer.address)} · ${safeText(countryName(customer.country, lang) ?? customer.country)}`,
					`${safeText(customer.email)}${customer.phone ? ` · ${safeText(customer.phone)}` : ''}`,
				].flatMap((text, index) =>
					wrapText(text, right).map((line, row) => ({
						key: `customer-${index}-${row}`,
						node: <Text>{line}</Text>,
					})),
				)
			: [
					{
						key: 'no-customer',
						node: (
							<Text dimColor>
								{truncate(t(lang, 'ui.home.no-customer'), right)}
							</Text>
						),
					},
				]),
		{key: 'blank-right', node: <Blank />},
		...recentEventLines(props, right),
	];
	const leftLines = widgetLines({...props, width: left});
	const rows = (lines: Line[]) =>
		lines.reduce((sum, line) => sum + (line.rows ?? 1), 0);
	const column = (lines: Line[], columnWidth: number) => (
		<Box width={columnWidth} flexDirection="column" flexShrink={0}>
			{lines.map((line) => (
				<Box key={line.key} height={line.rows ?? 1} flexShrink={0}>
					{line.node}
				</Box>
			))}
		</Box>
	);
	return [
		{
			key: 'columns',
			rows: Math.max(rows(leftLines), rows(rightLines)),
			ranges: focusRanges(leftLines),
			node: (
				<Box flexDirection="row">
					{column(leftLines, left)}
					<Box width={2} flexShrink={0} />
					{column(rightLines, right)}
				</Box>
			),
		},
	];
}

/** Columns the License widget needs for its rows unwrapped, border included. */
function widgetWidth(props: HomePageProps): number {
	const {lang, view, theme} = props;
	const {evaluation} = view.snapshot;
	const heading =
		textWidth(t(lang, 'ui.license')) +
		1 +
		textWidth(`● ${t(lang, `state.${evaluation.state}`)}`);
	if (evaluation.state === 'unlicensed')
		return (
			4 +
			Math.max(
				heading,
				textWidth(t(lang, 'ui.home.unlicensed')),
				textWidth(t(lang, 'ui.home.enter-license-hint')),
			)
		);
	const rows = licenseWidgetRows(view, lang, theme.timeZone);
	const label = Math.max(0, ...rows.map((row) => textWidth(row.label)));
	const value = Math.max(0, ...rows.map((row) => textWidth(row.value)));
	return 4 + Math.max(heading, label + 1 + value);
}

/** The License widget as lines: its rounded border in the tone of the state, all its rows. */
function widgetLines(props: HomePageProps): Line<'enter-license'>[] {
	const {lang, width, view, isActive, theme} = props;
	const {evaluation} = view.snapshot;
	const inner = Math.max(10, width - 4);
	const tone: Tone =
		evaluation.state === 'unlicensed' ? 'muted' : STATE_TONE[evaluation.state];
	const border = toneColor(theme, tone);
	const title = t(lang, 'ui.license');
	const stateLabel = `● ${t(lang, `state.${evaluation.state}`)}`;
	const framed = (
		key: string,
		node: ReactNode,
		used: number,
		focus?: 'enter-license',
	): Line<'enter-license'> => ({
		key,
		...(focus ? {focus} : {}),
		node: (
			<Text>
				<Decoration color={border}>│ </Decoration>
				{node}
				<Decoration>{' '.repeat(Math.max(0, inner - used))}</Decoration>
				<Decoration color={border}> │</Decoration>
			</Text>
		),
	});
	const lines: Line<'enter-license'>[] = [
		{
			key: 'top',
			node: (
				<Decoration color={border}>{`╭${'─'.repeat(inner + 2)}╮`}</Decoration>
			),
		},
		framed(
			'heading',
			<Text>
				<Text bold>{title}</Text>{' '}
				<Decoration>
					{' '.repeat(
						Math.max(0, inner - textWidth(title) - textWidth(stateLabel) - 1),
					)}
				</Decoration>
				<Text bold color={toneColor(theme, STATE_TONE[evaluation.state])}>
					{stateLabel}
				</Text>
			</Text>,
			Math.max(textWidth(title) + 1 + textWidth(stateLabel), inner),
		),
	];
	if (evaluation.state === 'unlicensed') {
		for (const [index, line] of wrapText(
			t(lang, 'ui.home.unlicensed'),
			inner,
		).entries())
			lines.push(
				framed(`unlicensed-${index}`, <Text>{line}</Text>, textWidth(line)),
			);
		lines.push(framed('widget-blank', <Blank />, 1));
		const label = t(lang, 'ui.enter-license');
		lines.push(
			framed(
				'enter-license',
				<ButtonRowView
					buttons={[{id: 'enter-license', label}]}
					focused={isActive ? 'enter-license' : null}
				/>,
				textWidth(label) + 4,
				'enter-license',
			),
		);
		for (const [index, line] of wrapText(
			t(lang, 'ui.home.enter-license-hint'),
			inner,
		).entries())
			lines.push(
				framed(`hint-${index}`, <Text dimColor>{line}</Text>, textWidth(line)),
			);
	} else {
		const rows = licenseWidgetRows(view, lang, theme.timeZone);
		const labelWidth = Math.max(0, ...rows.map((row) => textWidth(row.label)));
		const valueWidth = Math.max(4, inner - labelWidth - 1);
		rows.forEach((row, index) => {
			// A value longer than its room goes on under itself: every row is whole.
			wrapText(row.value, valueWidth).forEach((line, part) => {
				lines.push(
					framed(
						`row-${index}-${part}`,
						<Text>
							<Text dimColor>
								{padTo(part === 0 ? row.label : '', labelWidth)}
							</Text>{' '}
							<Text color={toneColor(theme, row.tone)}>{line}</Text>
						</Text>,
						labelWidth + 1 + textWidth(line),
					),
				);
			});
		});
	}
	lines.push({
		key: 'bottom',
		node: (
			<Decoration color={border}>{`╰${'─'.repeat(inner + 2)}╯`}</Decoration>
		),
	});
	return lines;
}

/** The newest events, each whole, newest first. */
function recentEventLines(
	props: HomePageProps,
	width: number,
): Line<'enter-license'>[] {
	const {lang, view, theme} = props;
	const log = view.snapshot.state.log;
	const shown = log.slice(-RECENT_EVENTS).reverse();
	const time = 17;
	const lines: Line<'enter-license'>[] = [
		{
			key: 'events-title',
			node: <Text bold>{t(lang, 'ui.home.recent-events')}</Text>,
		},
	];
	shown.forEach((entry, index) => {
		// Beside the widget, a key in its short form (`…-QB9AJ/1`, as the license table).
		const sentence = isWide(props.width)
			? eventSentence(entry, lang).replace(/(?:•{5}-){4}(?=[0-9A-Z]{5})/g, '…-')
			: eventSentence(entry, lang);
		wrapText(sentence, Math.max(8, width - time)).forEach((line, row) => {
			lines.push({
				key: `event-${index}-${row}`,
				node: (
					<Text>
						<Text dimColor>
							{padTo(
								row === 0 ? formatIsoDateTime(entry.at, theme.timeZone) : '',
								time - 1,
							)}{' '}
						</Text>
						{line}
					</Text>
				),
			});
		});
	});
	return lines;
}
