/**
 * Manual activation (R5) as the lines of one page (issue 12, point 9): the folder (its absolute
 * path shown), the menu, the request as a block of text to copy (and, in the demo, the simulated
 * portal's answer), the field to paste the response into. State and keys: `manual-state.ts`.
 */
import {Text} from 'ink';
import {type Lang, t} from '../../i18n/index.js';
import {documentBlock, readDocumentText} from '../../signing/document-text.js';
import {Blank} from '../components/blank/index.js';
import {ButtonRowView} from '../components/buttons/index.js';
import {ChoiceList} from '../components/choice-list/index.js';
import type {Line} from '../components/page/index.js';
import {LabelledField} from '../components/text-field/index.js';
import {padTo, textWidth, truncate, wrapText} from '../format.js';
import {type Theme, toneColor} from '../theme.js';
import {
	MANUAL_ITEMS,
	type ManualFocus,
	type ManualState,
	REQUEST_FILE,
	RESPONSE_FILE,
} from './manual-state.js';

export type ManualPageProps = {
	lang: Lang;
	width: number;
	state: ManualState;
	/** The folder as an absolute path (`~` and relative paths resolved). */
	folderPath: string;
	isDemo: boolean;
	isActive: boolean;
	theme: Theme;
};

const ITEM_LABEL = {
	write: 'ui.manual.write',
	show: 'ui.manual.show',
	read: 'ui.manual.read',
	paste: 'ui.manual.paste',
} as const;

export function manualLines(props: ManualPageProps): Line<ManualFocus>[] {
	const {lang, width, state, folderPath, isDemo, isActive, theme} = props;
	const focus = isActive ? state.focus : null;
	const lines: Line<ManualFocus>[] = [
		{key: 'title', node: <Text bold>{t(lang, 'ui.manual-activation')}</Text>},
		...paragraph(
			'intro',
			t(lang, isDemo ? 'ui.manual.demo-intro' : 'ui.manual.intro'),
			width,
		),
		{key: 'blank-1', node: <Blank />},
	];

	const label = t(lang, 'ui.manual.folder');
	const labelWidth = textWidth(label);
	const fieldWidth = Math.max(8, width - labelWidth - 3);
	const colors = {
		typing: toneColor(theme, 'info'),
		focused: toneColor(theme, 'accent'),
	};
	lines.push({
		key: 'folder',
		focus: 'folder',
		node: (
			<LabelledField
				label={label}
				labelWidth={labelWidth}
				state={state.folder}
				width={fieldWidth}
				isFocused={focus === 'folder'}
				isTyping={state.isTyping}
				colors={colors}
			/>
		),
	});
	if (folderPath !== state.folder.value.trim()) {
		// The folder as the files will be written: `~/x` and `x` resolved.
		for (const [index, line] of wrapText(
			`→ ${folderPath}`,
			fieldWidth,
		).entries())
			lines.push({
				key: `folder-path-${index}`,
				focus: 'folder',
				node: (
					<Text dimColor>
						{' '.repeat(labelWidth + 3)}
						{line}
					</Text>
				),
			});
	}
	lines.push({key: 'blank-2', node: <Blank />});
	lines.push({
		key: 'menu',
		focus: 'menu',
		rows: MANUAL_ITEMS.length,
		node: (
			<ChoiceList
				items={MANUAL_ITEMS.map((item) => ({
					value: item,
					label: t(lang, ITEM_LABEL[item], {
						request: REQUEST_FILE,
						response: RESPONSE_FILE,
					}),
				}))}
				isFocused={focus === 'menu'}
				width={width}
				highlighted={state.menu}
			/>
		),
	});

	if (state.isRequestShown && state.request !== null) {
		lines.push({key: 'blank-3', node: <Blank />});
		lines.push(
			...block(
				'request-text',
				t(lang, 'ui.manual.request-text'),
				cachedBlock('ACTIVATION REQUEST', state.request, width),
				width,
			),
		);
		if (state.portal !== null) {
			lines.push({key: 'blank-4', node: <Blank />});
			lines.push(
				...block(
					'portal-text',
					t(lang, 'ui.manual.portal-text'),
					cachedBlock('ACTIVATION RESPONSE', state.portal, width),
					width,
				),
			);
		}
	}

	if (state.isPasteOpen) {
		lines.push({key: 'blank-5', node: <Blank />});
		const pasteLabel = t(lang, 'ui.manual.response');
		const pasteWidth = Math.max(8, width - textWidth(pasteLabel) - 3);
		lines.push({
			key: 'paste',
			focus: 'paste',
			node: (
				<LabelledField
					label={pasteLabel}
					labelWidth={textWidth(pasteLabel)}
					state={state.paste}
					width={pasteWidth}
					isFocused={focus === 'paste'}
					isTyping={state.isTyping}
					placeholder={t(lang, 'ui.manual.paste-hint')}
					colors={colors}
				/>
			),
		});
		const read = readDocumentText(state.paste.value);
		const verdict = read.ok
			? t(lang, 'ui.manual.paste-whole', {count: read.text.length})
			: t(lang, `ui.manual.paste-${read.code}`);
		const tone = read.ok
			? 'ok'
			: read.code === 'unreadable'
				? 'error'
				: 'muted';
		for (const [index, line] of wrapText(verdict, width - 4).entries()) {
			lines.push({
				key: `paste-verdict-${index}`,
				focus: 'paste',
				node: (
					<Text color={toneColor(theme, tone)}>
						{'    '}
						{line}
					</Text>
				),
			});
		}
		lines.push({
			key: 'import',
			focus: 'import',
			node: (
				<Text>
					{'  '}
					<ButtonRowView
						buttons={[{id: 'import', label: t(lang, 'ui.manual.import')}]}
						focused={focus === 'import' ? 'import' : null}
					/>
				</Text>
			),
		});
	}
	return lines;
}

/** The blocks of the last documents shown (gzip once per document and width, not per frame). */
const blocks = new Map<string, string[]>();
function cachedBlock(
	kind: Parameters<typeof documentBlock>[0],
	text: string,
	width: number,
): string[] {
	const id = `${kind}|${width}|${text}`;
	let lines = blocks.get(id);
	if (!lines) {
		if (blocks.size > 8) blocks.clear();
		lines = documentBlock(kind, text, width);
		blocks.set(id, lines);
	}
	return lines;
}

function paragraph(
	key: string,
	text: string,
	width: number,
): Line<ManualFocus>[] {
	return wrapText(text, width).map((line, index) => ({
		key: `${key}-${index}`,
		node: <Text dimColor>{line}</Text>,
	}));
}

/** A text alone on the screen, to copy: its title, the block, nothing else to select. */
export function textBlockLines(
	lang: Lang,
	state: ManualState,
	which: 'request' | 'portal',
	width: number,
): Line[] {
	const text = which === 'request' ? state.request : state.portal;
	if (text === null) return [];
	return block(
		which === 'request' ? 'request-text' : 'portal-text',
		t(
			lang,
			which === 'request' ? 'ui.manual.request-text' : 'ui.manual.portal-text',
		),
		cachedBlock(
			which === 'request' ? 'ACTIVATION REQUEST' : 'ACTIVATION RESPONSE',
			text,
			width,
		),
		width,
	);
}

/** A block of text to copy: its title, then its lines at column 0 (nothing else to select). */
function block(
	focus: 'request-text' | 'portal-text',
	title: string,
	rows: string[],
	width: number,
): Line<ManualFocus>[] {
	return [
		...wrapText(title, width).map((line, index) => ({
			key: `${focus}-title-${index}`,
			focus,
			node: <Text bold>{line}</Text>,
		})),
		...rows.map((row, index) => ({
			key: `${focus}-${index}`,
			focus,
			node: (
				<Text>
					{padTo(truncate(row, width), Math.min(width, textWidth(row)))}
				</Text>
			),
		})),
	];
}
