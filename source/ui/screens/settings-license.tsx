/**
 * Settings > License: the customer form (R2), the key field with format feedback (R3), Save,
 * Activate, Connect now, Manual activation (R4, R5, R14) and the license table. At 80 columns
 * it is one page that scrolls to keep the focused control in view; from 120 columns the table
 * (and the demo keys) get the right-hand column.
 */
import {Box, Text} from 'ink';
import {CUSTOMER_FIELDS, type CustomerField} from '../../engine/customer.js';
import {type Lang, type MessageId, t} from '../../i18n/index.js';
import {
	ButtonRowView,
	type ButtonSpec,
	buttonRows,
} from '../components/buttons/index.js';
import {
	countryListLines,
	countryMatches,
} from '../components/country-picker/index.js';
import {keyFeedback, keyFeedbackLines} from '../components/key-field/index.js';
import {licenseTableLines} from '../components/license-table/index.js';
import {TextFieldView} from '../components/text-field/index.js';
import {type Line, Viewport} from '../components/viewport/index.js';
import type {DashboardView} from '../dashboard-source.js';
import {padTo, textWidth, truncate, wrapLines} from '../format.js';
import {
	columnsOf,
	isWide,
	licenseTableHeight,
	settingsTopHeight,
} from '../layout.js';
import {type Theme, toneColor, useTheme} from '../theme.js';
import {demoKeyLines} from './demo-keys.js';
import type {ScreenProps} from './screen-props.js';
import type {
	ButtonId,
	FocusId,
	SettingsState,
	TextId,
} from './settings-license-state.js';

type Props = ScreenProps<SettingsState>;

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

const MANUAL_FILES = [
	{path: 'exportPath', button: 'export', label: 'ui.export-request'},
	{path: 'importPath', button: 'import', label: 'ui.import-response'},
] as const satisfies readonly {
	path: TextId;
	button: ButtonId;
	label: MessageId;
}[];

const COUNTRY_ROWS = 5;
const FEEDBACK_ROWS = 4;

export function SettingsLicenseScreen(props: Props) {
	const {lang, width, height, view, state, isActive} = props;
	const theme = useTheme();
	const focus: FocusId | null = isActive ? state.focus : null;
	const isEditing = isActive && state.isEditing;
	const {evaluation} = view.snapshot;
	const wide = isWide(width);
	const {left, right} = wide ? columnsOf(width) : {left: width, right: width};
	const options = {lang, state, focus, isEditing, theme, view};
	const tableLines: Line<FocusId>[] = [
		{
			key: 'licenses-title',
			focus: 'table',
			node: (
				<Text bold>
					{t(lang, 'ui.licenses')} ({evaluation.licenses.length})
				</Text>
			),
		},
		...licenseTableLines({
			licenses: evaluation.licenses,
			state: state.table,
			height: licenseTableHeight(width, height),
			width,
			lang,
			theme,
			isFocused: focus === 'table',
		}).map((line) => ({...line, focus: 'table' as const})),
	];

	if (!wide) {
		const lines = [
			...customerLines({...options, width}),
			blank('before-keys'),
			...keyLines({...options, width}),
			blank('before-table'),
			...tableLines,
		];
		return <Viewport lines={lines} height={height} focus={focus} />;
	}
	const topHeight = settingsTopHeight(height);
	return (
		<Box flexDirection="column" height={height}>
			<Box flexDirection="row" height={topHeight}>
				<Box width={left} flexDirection="column">
					<Viewport
						lines={customerLines({...options, width: left})}
						height={topHeight}
						focus={focus}
					/>
				</Box>
				<Box width={2} />
				<Box width={right} flexDirection="column">
					<Viewport
						lines={keyLines({...options, width: right})}
						height={topHeight}
						focus={focus}
					/>
				</Box>
			</Box>
			<Text> </Text>
			<Viewport
				lines={tableLines}
				height={height - topHeight - 1}
				focus={focus === 'table' ? focus : null}
			/>
		</Box>
	);
}

function blank(key: string): Line<FocusId> {
	return {key, node: <Text> </Text>};
}

type PageOptions = {
	lang: Lang;
	width: number;
	state: SettingsState;
	focus: FocusId | null;
	isEditing: boolean;
	theme: Theme;
	view: DashboardView;
};

/** Labels, their column width, and one text field row (marker, label, field). */
function fieldKit({lang, width, state, focus, isEditing, theme}: PageOptions) {
	const labels: Record<TextId, string> = {
		company: t(lang, 'field.company'),
		person: t(lang, 'field.person'),
		address: t(lang, 'field.address'),
		country: t(lang, 'field.country'),
		email: t(lang, 'field.email'),
		phone: t(lang, 'field.phone'),
		keys: t(lang, 'ui.keys'),
		exportPath: t(lang, 'ui.manual.request-file'),
		importPath: t(lang, 'ui.manual.response-file'),
	};
	const labelWidth = Math.max(
		...(Object.values(labels) as string[]).map(textWidth),
	);
	const fieldWidth = Math.max(8, width - labelWidth - 3);
	const indent = ' '.repeat(labelWidth + 3);

	const row = (id: TextId, placeholder?: string) => {
		const isFocused = focus === id;
		const marker = isFocused ? '›' : ' ';
		return (
			<Text>
				<Text
					color={
						isFocused
							? toneColor(theme, isEditing ? 'info' : 'muted')
							: undefined
					}
					bold={isFocused}
				>
					{marker} {padTo(labels[id], labelWidth)}
				</Text>{' '}
				<TextFieldView
					state={state.text[id]}
					width={fieldWidth}
					isFocused={isFocused && isEditing}
					{...(placeholder === undefined ? {} : {placeholder})}
				/>
			</Text>
		);
	};
	return {row, indent, fieldWidth};
}

/** R2: the customer form, one row per field, its error under it, the country list when open. */
function customerLines(options: PageOptions): Line<FocusId>[] {
	const {lang, width, state, focus, isEditing, theme} = options;
	const {row: fieldRow, indent, fieldWidth} = fieldKit(options);
	const lines: Line<FocusId>[] = [];
	lines.push({
		key: 'customer-title',
		node: <Text bold>{t(lang, 'ui.customer')}</Text>,
	});
	for (const field of CUSTOMER_FIELDS) {
		const hint =
			field === 'phone'
				? `${t(lang, FIELD_HINT.phone)}`
				: t(lang, FIELD_HINT[field]);
		lines.push({
			key: `field-${field}`,
			focus: field,
			node: fieldRow(field, hint),
		});
		const error = state.errors[field];
		if (error) {
			const text = error.messageId
				? t(lang, error.messageId, error.params)
				: error.message;
			wrapLines(`✗ ${text}`, width - indent.length, 2).forEach(
				(line, index) => {
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
				},
			);
		}
		if (
			field === 'country' &&
			focus === 'country' &&
			isEditing &&
			state.country.isOpen
		) {
			const query = state.text.country.value;
			for (const line of countryListLines({
				matches: countryMatches(query, lang),
				highlighted: state.country.highlighted,
				rows: COUNTRY_ROWS,
				width: fieldWidth,
				hint: t(lang, 'ui.country-list-hint'),
				noMatch: t(lang, 'ui.no-country-found', {query: truncate(query, 20)}),
				theme,
			})) {
				lines.push({
					key: line.key,
					focus: 'country',
					node: (
						<Text>
							{indent}
							{line.node}
						</Text>
					),
				});
			}
		}
	}

	return lines;
}

/** R3-R5: the key field with its feedback, the demo keys, the buttons, the manual activation panel. */
function keyLines(options: PageOptions): Line<FocusId>[] {
	const {lang, width, state, focus, isEditing, theme, view} = options;
	const {row: fieldRow, indent} = fieldKit(options);
	const lines: Line<FocusId>[] = [];
	lines.push({
		key: 'keys-title',
		node: <Text bold>{t(lang, 'ui.key-field')}</Text>,
	});
	lines.push({
		key: 'field-keys',
		focus: 'keys',
		node: fieldRow('keys', t(lang, 'ui.keys-hint')),
	});
	const known = new Set(
		view.snapshot.evaluation.licenses.map((license) => license.key),
	);
	for (const line of keyFeedbackLines(
		keyFeedback(state.text.keys.value, lang, known),
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
	buttonRows(buttons, width - 2).forEach((row, index) => {
		lines.push({
			key: `buttons-${index}`,
			focus: row.map((button) => button.id),
			node: (
				<Text>
					{'  '}
					<ButtonRowView
						buttons={row}
						focused={focus !== null && isEditing ? (focus as ButtonId) : null}
					/>
				</Text>
			),
		});
	});
	const focusedButton = MAIN_BUTTONS.find((button) => button.id === focus);
	lines.push({
		key: 'buttons-hint',
		focus: MAIN_BUTTONS.map((button) => button.id),
		node: (
			<Text dimColor>
				{truncate(
					focusedButton ? `  ${t(lang, focusedButton.hint)}` : ' ',
					width,
				)}
			</Text>
		),
	});

	if (state.isManualOpen) {
		lines.push({
			key: 'manual-title',
			focus: 'manual',
			node: <Text bold>{t(lang, 'ui.manual-activation')}</Text>,
		});
		// R5: a file's path, and the button that writes or reads it.
		for (const {path, button, label} of MANUAL_FILES) {
			lines.push({key: `field-${path}`, focus: path, node: fieldRow(path)});
			lines.push({
				key: `button-${button}`,
				focus: button,
				node: (
					<Text>
						{indent}
						<ButtonRowView
							buttons={[{id: button, label: t(lang, label)}]}
							focused={focus === button && isEditing ? button : null}
						/>
					</Text>
				),
			});
		}
		const hint = view.demo
			? t(lang, 'ui.manual.demo-hint')
			: t(lang, 'ui.manual.hint');
		wrapLines(hint, width - 2, 2).forEach((line, index) => {
			lines.push({
				key: `manual-hint-${index}`,
				focus: ['import', 'importPath'],
				node: <Text dimColor> {line}</Text>,
			});
		});
	}
	return lines;
}
