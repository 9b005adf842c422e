/**
 * Home: the License widget, as on MyQ's Home dashboard. Unlicensed, it offers **Enter license**
 * (R1: opens Settings > License). Otherwise it shows capacity and devices used (R6, R7), the
 * subscription's expiry or renewal (R9), the last contact with the license server (R12, R14)
 * and the hardware binding (R8). Wide screens add the customer and the latest events.
 */
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {countryName} from '../../engine/customer.js';
import {daysLeft} from '../../engine/evaluate.js';
import {safeText} from '../../engine/safe-text.js';
import {formatLogEntry, type Lang, t} from '../../i18n/index.js';
import {ButtonRowView} from '../components/buttons/index.js';
import {STATUSES} from '../components/license-table/index.js';
import type {DashboardView} from '../dashboard-source.js';
import {eventLabel} from '../event-label.js';
import {
	formatDate,
	formatDateTime,
	formatIsoDateTime,
	keyedByText,
	maskKeysIn,
	padTo,
	textWidth,
	truncate,
	wrapLines,
} from '../format.js';
import {columnsOf, isWide} from '../layout.js';
import {STATE_TONE, type Tone, toneColor, useTheme} from '../theme.js';
import type {ScreenProps} from './screen-props.js';

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

export function HomeScreen(props: ScreenProps) {
	const {lang, width, height, view} = props;
	const wide = isWide(width);
	const {left, right} = wide ? columnsOf(width, 0.6) : {left: width, right: 0};
	const widgetHeight = Math.min(height, licenseWidgetHeight(view, lang, left));
	const widget = (
		<LicenseWidget {...props} width={left} height={widgetHeight} />
	);
	if (!wide) {
		const room = height - widgetHeight - 1;
		return (
			<Box flexDirection="column" height={height} overflowY="hidden">
				{widget}
				{room >= 3 ? (
					<RecentEvents lang={lang} width={width} rows={room} view={view} />
				) : null}
			</Box>
		);
	}
	const customer = view.snapshot.state.customer;
	return (
		<Box flexDirection="row" height={height} overflowY="hidden">
			<Box width={left} flexDirection="column">
				{widget}
			</Box>
			<Box width={2} />
			<Box width={right} flexDirection="column">
				<Text bold>{t(lang, 'ui.customer')}</Text>
				{customer ? (
					<>
						{/* The stored customer is outside text: never raw (issue 10 point 7). */}
						<Text>
							{truncate(
								`${safeText(customer.company)} · ${safeText(customer.person)}`,
								right,
							)}
						</Text>
						<Text>
							{truncate(
								`${safeText(customer.address)} · ${safeText(countryName(customer.country, lang) ?? customer.country)}`,
								right,
							)}
						</Text>
						<Text>
							{truncate(
								`${safeText(customer.email)}${customer.phone ? ` · ${safeText(customer.phone)}` : ''}`,
								right,
							)}
						</Text>
					</>
				) : (
					<Text dimColor>
						{truncate(t(lang, 'ui.home.no-customer'), right)}
					</Text>
				)}
				<Text> </Text>
				<RecentEvents
					lang={lang}
					width={right}
					rows={Math.max(1, height - 6)}
					view={view}
				/>
			</Box>
		</Box>
	);
}

/** Rows the widget takes, its border included. */
function licenseWidgetHeight(
	view: DashboardView,
	lang: Lang,
	width: number,
): number {
	if (view.snapshot.evaluation.state === 'unlicensed') {
		return (
			2 +
			1 +
			wrapLines(t(lang, 'ui.home.unlicensed'), width - 4, 3).length +
			1 +
			1 +
			wrapLines(t(lang, 'ui.home.enter-license-hint'), width - 4, 2).length
		);
	}
	return 2 + 1 + licenseWidgetRows(view, lang).length;
}

/** The widget in `height` rows: the rows that do not fit are left out, the least important last. */
function LicenseWidget({lang, width, height, view, isActive}: ScreenProps) {
	const theme = useTheme();
	const {evaluation} = view.snapshot;
	const inner = width - 4;
	const title = t(lang, 'ui.license');
	const stateLabel = `● ${t(lang, `state.${evaluation.state}`)}`;
	const heading = (
		<Text>
			<Text bold>{title}</Text>
			{' '.repeat(
				Math.max(1, inner - textWidth(title) - textWidth(stateLabel)),
			)}
			<Text bold color={toneColor(theme, STATE_TONE[evaluation.state])}>
				{stateLabel}
			</Text>
		</Text>
	);
	if (evaluation.state === 'unlicensed') {
		return (
			<WidgetFrame width={width} tone="muted" heading={heading}>
				{wrapLines(t(lang, 'ui.home.unlicensed'), inner, 3).map((line) => (
					<Text key={line}>{line}</Text>
				))}
				<Text> </Text>
				<ButtonRowView
					buttons={[{id: 'enter-license', label: t(lang, 'ui.enter-license')}]}
					focused={isActive ? 'enter-license' : null}
				/>
				{wrapLines(t(lang, 'ui.home.enter-license-hint'), inner, 2).map(
					(line) => (
						<Text key={line} dimColor>
							{line}
						</Text>
					),
				)}
			</WidgetFrame>
		);
	}
	const rows = licenseWidgetRows(view, lang, theme.timeZone).slice(
		0,
		Math.max(0, height - 3),
	);
	const labelWidth = Math.max(0, ...rows.map((row) => textWidth(row.label)));
	return (
		<WidgetFrame
			width={width}
			tone={STATE_TONE[evaluation.state]}
			heading={heading}
		>
			{keyedByText(rows, (row) => `${row.label}|${row.value}`).map(
				({key, item: row}) => (
					<Text key={key} wrap="truncate">
						<Text dimColor>{padTo(row.label, labelWidth)}</Text>{' '}
						<Text color={toneColor(theme, row.tone)}>
							{truncate(row.value, inner - labelWidth - 1)}
						</Text>
					</Text>
				),
			)}
		</WidgetFrame>
	);
}

/** The widget's rounded border, in the tone of the state, with its heading row. */
function WidgetFrame({
	width,
	tone,
	heading,
	children,
}: {
	width: number;
	tone: Tone;
	heading: ReactNode;
	children: ReactNode;
}) {
	const theme = useTheme();
	return (
		<Box
			flexDirection="column"
			borderStyle="round"
			paddingX={1}
			width={width}
			borderColor={toneColor(theme, tone)}
		>
			{heading}
			{children}
		</Box>
	);
}

/** The newest events (the Events screen has them all). */
function RecentEvents({
	lang,
	width,
	rows,
	view,
}: {
	lang: Lang;
	width: number;
	rows: number;
	view: DashboardView;
}) {
	const theme = useTheme();
	const log = view.snapshot.state.log;
	const shown = log.slice(-Math.max(0, rows - 1)).reverse();
	return (
		<Box flexDirection="column">
			<Text bold>{t(lang, 'ui.home.recent-events')}</Text>
			{keyedByText(
				shown,
				(entry) => `${entry.at}|${entry.type}|${formatLogEntry(entry, 'en')}`,
			).map(({key, item: entry}) => (
				<Text key={key} wrap="truncate">
					<Text dimColor>{formatIsoDateTime(entry.at, theme.timeZone)} </Text>
					{truncate(
						t(lang, 'ui.label', {
							label: eventLabel(entry.type, lang),
							value: maskKeysIn(formatLogEntry(entry, lang)),
						}),
						Math.max(0, width - 17),
					)}
				</Text>
			))}
		</Box>
	);
}
