/**
 * Settings > License: the customer form (R2), the key field with format feedback (R3), Save,
 * Activate, Connect now, Manual activation (R4, R5, R14) and the license table, as the lines of
 * one page (issue 12, point 1): at 80×24 it scrolls, with PgUp/PgDn and by following the focus,
 * and says how much is below; from 120 columns the form and the keys sit side by side above the
 * table. Every message is whole: errors and key verdicts wrap, nothing is cut.
 */
import {Box, Text} from 'ink';
import {CUSTOMER_FIELDS, type CustomerField} from '../../engine/customer.js';
import type {LicenseView} from '../../engine/evaluate.js';
import {installationKeyOf} from '../../engine/save.js';
import {type Lang, type MessageId, t} from '../../i18n/index.js';
import {Blank} from '../components/blank/index.js';
import {
	ButtonRowView,
	type ButtonSpec,
	buttonRows,
} from '../components/buttons/index.js';
import {
	CountryList,
	countryListRows,
	countryMatches,
} from '../components/country-picker/index.js';
import {
	FilterLine,
	isFiltering,
	matchingRows,
} from '../components/filter/index.js';
import {keyFeedback, keyFeedbackLines} from '../components/key-field/index.js';
import {
	licenseRows,
	licenseSearchText,
	licenseTableLines,
	whyText,
} from '../components/license-table/index.js';
import {focusRanges, type Line, type Range} from '../components/page/index.js';
import {LabelledField} from '../components/text-field/index.js';
import type {DashboardView} from '../dashboard-source.js';
import {textWidth, truncate, wrapText} from '../format.js';
import {columnsOf, isWide} from '../layout.js';
import {type Theme, toneColor} from '../theme.js';
import {demoKeyLines} from './demo-keys.js';
import type {
	ButtonId,
	FocusId,
	SettingsState,
	TextId,
} from './settings-license-state.js';

const FIELD_HINT: Record<CustomerField, MessageId> = {
	company: 'field.company.hint',
	person: 'field.person.hint',
	address: 'field.address.hint',
	country: 'field.country.hint',
	email: 'field.email.hint',
	phone: 'field.phone.hint',
};

const MAIN_BUTTONS: readonly {
	id: ButtonId;
	label: MessageId;
	hint: MessageId;
}[] = [
	{id: 'save', label: 'ui.save', hint: 'ui.hint.save'},
	{id: 'activate', label: 'ui.activate', hint: 'ui.hint.activate'},
	{id: 'connect', label: 'ui.connect-now', hint: 'ui.hint.connect'},
	{id: 'manual', label: 'ui.manual-activation', hint: 'ui.hint.manual'},
];

const FEEDBACK_ROWS = 4;

export type SettingsPageProps = {
	lang: Lang;
	width: number;
	/** Rows of the page on screen (the license table fits in them). */
	height: number;
	view: DashboardView;
	state: SettingsState;
	/** False while an overlay has the keys: nothing shows as focused. */
	isActive: boolean;
	theme: Theme;
};

/**
 * The last answer of shownLicenses per list of licenses: each key asks it twice with the same
 * list, query and language (issue 16: 1,000 licenses, keystroke to frame).
 */
const lastShown = new WeakMap<
	readonly LicenseView[],
	{query: string; lang: Lang; shown: readonly LicenseView[]}
>();

/** The licenses the table shows: those its filter keeps. */
export function shownLicenses(
	licenses: readonly LicenseView[],
	state: SettingsState,
	lang: Lang,
): readonly LicenseView[] {
	const query = state.tableFilter.text.value;
	const last = lastShown.get(licenses);
	if (last && last.query === query && last.lang === lang) return last.shown;
	const texts = licenses.map((license) => licenseSearchText(license, lang));
	const shown = matchingRows(texts, state.tableFilter).map(
		(index) => licenses[index]!,
	);
	lastShown.set(licenses, {query, lang, shown});
	return shown;
}

/**
 * Rows the license table gets: all its licenses when they fit, else what the page leaves once
 * its title, header, position and detail lines are counted, so the table, when focused, shows
 * whole with at least one row.
 */
export function settingsTableHeight(
	props: Pick<SettingsPageProps, 'height' | 'state' | 'width' | 'lang'>,
	licenses: readonly LicenseView[],
): number {
	const filter = isFiltering(props.state.tableFilter) ? 1 : 0;
	// Title, header, position, the page's own position row, and two rows of detail.
	const room = props.height - 6 - filter;
	const rows = licenseRows(
		licenses,
		props.width,
		props.lang,
		props.state.isFullKeys,
	);
	return Math.max(1, Math.min(Math.max(1, rows), room));
}

export function settingsLines(props: SettingsPageProps): Line<FocusId>[] {
	const {width, lang, view, state, isActive} = props;
	const licenses = shownLicenses(
		view.snapshot.evaluation.licenses,
		state,
		lang,
	);
	const focus: FocusId | null = isActive ? state.focus : null;
	const table = tableLines(props, licenses, focus);
	if (!isWide(width)) {
		return [
			...customerLines({...props, width}, focus),
			blank('before-keys'),
			...keyLines({...props, width}, focus),
			blank('before-table'),
			...table,
		];
	}
	const {left, right} = columnsOf(width);
	const leftLines = customerLines({...props, width: left}, focus);
	const rightLines = keyLines({...props, width: right}, focus);
	return [
		sideBySide(leftLines, left, rightLines, right),
		blank('before-table'),
		...table,
	];
}

/** Two columns of lines as one block; the focus ranges of both stay known to the page. */
function sideBySide(
	left: Line<FocusId>[],
	leftWidth: number,
	right: Line<FocusId>[],
	rightWidth: number,
): Line<FocusId> {
	const rowsOf = (lines: Line[]) =>
		lines.reduce((sum, line) => sum + (line.rows ?? 1), 0);
	const ranges: Record<string, Range> = {
		...focusRanges(left),
		...focusRanges(right),
	};
	const column = (lines: Line<FocusId>[], width: number) => (
		<Box width={width} flexDirection="column" flexShrink={0}>
			{lines.map((line) => (
				<Box key={line.key} height={line.rows ?? 1} flexShrink={0}>
					{line.node}
				</Box>
			))}
		</Box>
	);
	return {
		key: 'columns',
		rows: Math.max(rowsOf(left), rowsOf(right)),
		ranges,
		node: (
			<Box flexDirection="row">
				{column(left, leftWidth)}
				<Box width={2} flexShrink={0} />
				{column(right, rightWidth)}
			</Box>
		),
	};
}

function blank(key: string): Line<FocusId> {
	return {key, node: <Blank />};
}

/** Labels, their column width, and one text field row (marker, label, field). */
function fieldKit(props: SettingsPageProps, focus: FocusId | null) {
	const {lang, width, state, theme} = props;
	const labels: Record<TextId, string> = {
		company: t(lang, 'field.company'),
		person: t(lang, 'field.person'),
		address: t(lang, 'field.address'),
		country: t(lang, 'field.country'),
		email: t(lang, 'field.email'),
		phone: t(lang, 'field.phone'),
		keys: t(lang, 'ui.keys'),
	};
	const labelWidth = Math.max(
		...(Object.values(labels) as string[]).map(textWidth),
	);
	const fieldWidth = Math.max(8, width - labelWidth - 3);
	const indent = ' '.repeat(labelWidth + 3);

	const colors = {
		typing: toneColor(theme, 'info'),
		focused: toneColor(theme, 'accent'),
	};
	const row = (id: TextId, placeholder?: string) => (
		<LabelledField
			label={labels[id]}
			labelWidth={labelWidth}
			state={state.text[id]}
			width={fieldWidth}
			isFocused={focus === id}
			isTyping={state.isTyping && !state.country.isListFocused}
			colors={colors}
			{...(placeholder === undefined ? {} : {placeholder})}
		/>
	);
	return {row, indent, fieldWidth};
}

/** R2: the customer form, one row per field, its error under it, the country list when open. */
function customerLines(
	props: SettingsPageProps,
	focus: FocusId | null,
): Line<FocusId>[] {
	const {lang, width, state, theme} = props;
	const {row: fieldRow, indent, fieldWidth} = fieldKit(props, focus);
	const lines: Line<FocusId>[] = [
		{key: 'customer-title', node: <Text bold>{t(lang, 'ui.customer')}</Text>},
	];
	if (state.conflict) {
		// Point 5: the stored customer changed while this form was being edited.
		const notice = t(lang, 'ui.form.conflict', {
			company: state.conflict.company,
		});
		for (const [index, line] of wrapText(notice, width - 2).entries()) {
			lines.push({
				key: `conflict-${index}`,
				focus: ['reload', 'keep'],
				node: (
					<Text color={toneColor(theme, 'warn')} bold={index === 0}>
						{index === 0 ? '▲ ' : '  '}
						{line}
					</Text>
				),
			});
		}
		lines.push({
			key: 'conflict-buttons',
			focus: ['reload', 'keep'],
			node: (
				<Text>
					{'  '}
					<ButtonRowView
						buttons={[
							{id: 'reload', label: t(lang, 'ui.form.reload')},
							{id: 'keep', label: t(lang, 'ui.form.keep')},
						]}
						focused={focus === 'reload' || focus === 'keep' ? focus : null}
					/>
				</Text>
			),
		});
	}
	for (const field of CUSTOMER_FIELDS) {
		lines.push({
			key: `field-${field}`,
			focus: field,
			node: fieldRow(field, t(lang, FIELD_HINT[field])),
		});
		const error = state.errors[field];
		if (error) {
			const text = error.messageId
				? t(lang, error.messageId, error.params)
				: error.message;
			for (const [index, line] of wrapText(
				`✗ ${text}`,
				width - indent.length,
			).entries()) {
				lines.push({
					key: `error-${field}-${index}`,
					focus: field,
					node: (
						<Text color={toneColor(theme, 'error')}>
							{indent}
							{line}
						</Text>
					),
				});
			}
		}
		if (field === 'country' && focus === 'country' && state.country.isOpen) {
			const query = state.text.country.value;
			const matches = countryMatches(query, lang);
			lines.push({
				key: 'country-list',
				focus: 'country',
				rows: countryListRows(matches.length),
				node: (
					<Box>
						<Text>{indent}</Text>
						<CountryList
							matches={matches}
							highlighted={state.country.highlighted}
							isFocused={state.country.isListFocused}
							width={fieldWidth}
							noMatch={t(lang, 'ui.no-country-found', {
								query: truncate(query, 20),
							})}
							theme={theme}
						/>
					</Box>
				),
			});
			if (matches.length > 0) {
				lines.push({
					key: 'country-hint',
					focus: 'country',
					node: (
						<Text dimColor>
							{indent}
							{truncate(
								t(
									lang,
									state.country.isListFocused
										? 'ui.country-list-hint-in'
										: 'ui.country-list-hint',
								),
								fieldWidth,
							)}
						</Text>
					),
				});
			}
		}
	}
	return lines;
}

/** R3-R5: the key field with its feedback, the demo keys, the buttons. */
function keyLines(
	props: SettingsPageProps,
	focus: FocusId | null,
): Line<FocusId>[] {
	const {lang, width, state, theme, view} = props;
	const {row: fieldRow, indent} = fieldKit(props, focus);
	const lines: Line<FocusId>[] = [
		{
			key: 'keys-title',
			node: (
				<Text bold>
					{t(
						lang,
						// SPEC §3: one installation key an installation; once it has it, more keys
						// are license keys (a second installation key is refused).
						installationKeyOf(view.snapshot.state) === null
							? 'ui.key-field'
							: 'ui.key-field.more',
					)}
				</Text>
			),
		},
		{
			key: 'field-keys',
			focus: 'keys',
			node: fieldRow('keys', t(lang, 'ui.keys-hint')),
		},
	];
	for (const line of keyFeedbackLines(
		keyFeedback(state.text.keys.value, lang, view.snapshot.state),
		{
			width: width - indent.length,
			rows: FEEDBACK_ROWS,
			theme,
			more: (count) => t(lang, 'ui.key.more', {count}),
		},
	)) {
		lines.push({
			key: line.key,
			focus: 'keys',
			node: (
				<Text>
					{indent}
					{line.node}
				</Text>
			),
		});
	}
	lines.push(...demoKeyLines(view.demoKeys, lang, width, theme));

	const buttons: ButtonSpec<ButtonId>[] = MAIN_BUTTONS.map((button) => ({
		id: button.id,
		label: t(lang, button.label),
	}));
	const focusedButton = MAIN_BUTTONS.find((button) => button.id === focus);
	buttonRows(buttons, width - 2).forEach((row, index) => {
		lines.push({
			key: `buttons-${index}`,
			focus: row.map((button) => button.id),
			node: (
				<Text>
					{'  '}
					<ButtonRowView
						buttons={row}
						focused={focusedButton ? focusedButton.id : null}
					/>
				</Text>
			),
		});
	});
	// The focused button's hint, whole; a blank row when none is focused, so nothing jumps.
	const hint = focusedButton ? t(lang, focusedButton.hint) : '';
	wrapText(hint, width - 3).forEach((line, index) => {
		lines.push({
			key: `buttons-hint-${index}`,
			focus: focusedButton ? focusedButton.id : undefined,
			node: line === '' ? <Blank /> : <Text dimColor>{`  ${line}`}</Text>,
		} as Line<FocusId>);
	});
	return lines;
}

/** How many of a list of licenses do not count (their why is not empty), kept per list. */
function problemCount(licenses: readonly LicenseView[], lang: Lang): number {
	const last = problemCounts.get(licenses);
	if (last && last.lang === lang) return last.count;
	const count = licenses.filter(
		(license) => whyText(license, lang) !== '',
	).length;
	problemCounts.set(licenses, {lang, count});
	return count;
}

const problemCounts = new WeakMap<
	readonly LicenseView[],
	{lang: Lang; count: number}
>();

/** The license table: its title, its filter, its rows and why one does not count. */
function tableLines(
	props: SettingsPageProps,
	licenses: readonly LicenseView[],
	focus: FocusId | null,
): Line<FocusId>[] {
	const {lang, width, state, theme, view} = props;
	const all = view.snapshot.evaluation.licenses.length;
	const isFocused = focus === 'table';
	const problems = problemCount(licenses, lang);
	const lines: Line<FocusId>[] = [
		{
			key: 'licenses-title',
			focus: 'table',
			node: (
				<Text>
					<Text bold>
						{t(lang, 'ui.licenses')} ({all})
					</Text>
					<Text dimColor>
						{truncate(
							isFocused
								? `  ${t(lang, 'ui.table.keys-hint')}`
								: problems > 0
									? `  ${t(lang, 'ui.table.problems', {count: problems})}`
									: '',
							Math.max(0, width - 14),
						)}
					</Text>
				</Text>
			),
		},
	];
	if (isFiltering(state.tableFilter)) {
		lines.push({
			key: 'licenses-filter',
			focus: 'table',
			node: (
				<FilterLine
					state={state.tableFilter}
					width={width}
					lang={lang}
					count={licenses.length}
					total={all}
				/>
			),
		});
	}
	lines.push(
		...licenseTableLines({
			licenses,
			state: state.table,
			height: settingsTableHeight(props, licenses),
			width,
			lang,
			theme,
			isFocused,
			isFullKeys: state.isFullKeys,
		}).map((line) => ({...line, focus: 'table' as const})),
	);
	return lines;
}
