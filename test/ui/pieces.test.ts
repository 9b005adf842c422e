/**
 * Issue 12's pure pieces, without rendering: the page that scrolls, the text block of a
 * manual activation, the paste field, the status that goes with its cause, the fix of Ink's
 * incremental frames, what a contact lost.
 */
import {gzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import type {LicenseView} from '../../source/engine/evaluate.js';
import type {EngineState} from '../../source/engine/types.js';
import {contactOutcome} from '../../source/runtime/contact-news.js';
import type {Snapshot} from '../../source/runtime/runtime.js';
import {
	documentBlock,
	MAX_DOCUMENT_BYTES,
	readDocumentText,
} from '../../source/signing/document-text.js';
import {liveStatus} from '../../source/ui/app.js';
import {initialUi} from '../../source/ui/app-state.js';
import {pageGeometry, pageKey} from '../../source/ui/components/page/index.js';
import {statusLines} from '../../source/ui/components/status-line/index.js';
import {textField} from '../../source/ui/components/text-field/index.js';
import {withIncrementalFix} from '../../source/ui/incremental-fix.js';
import {char, press} from '../../source/ui/keypress.js';
import {
	initialManual,
	type ManualState,
	manualKey,
} from '../../source/ui/screens/manual-state.js';

const lines = (count: number, focus?: (index: number) => string | undefined) =>
	Array.from({length: count}, (_, index) => {
		const id = focus?.(index);
		return {key: `line-${index}`, node: null, ...(id ? {focus: id} : {})};
	});

describe('the page (issue 12, point 1)', () => {
	it('overflowing, it keeps a row for its position and follows the focus down and up', () => {
		const page = lines(30, (index) =>
			index % 5 === 0 ? `f${index}` : undefined,
		);
		const top = pageGeometry(page, 10, {offset: 0, follow: true}, 'f0');
		expect(top).toMatchObject({total: 30, shown: 9, offset: 0});
		expect(
			pageGeometry(page, 10, {offset: 0, follow: true}, 'f25').offset,
		).toBe(17);
		expect(
			pageGeometry(lines(5), 10, {offset: 3, follow: false}, null),
		).toMatchObject({
			shown: 10,
			offset: 0,
		});
	});

	it('PgDn scrolls a screen less a row and moves the focus into view; PgUp back', () => {
		const page = lines(30, (index) =>
			index % 5 === 0 ? `f${index}` : undefined,
		);
		const order = ['f0', 'f5', 'f10', 'f15', 'f20', 'f25'];
		const geometry = pageGeometry(page, 10, {offset: 0, follow: true}, 'f0');
		const down = pageKey(press('pagedown'), geometry, order, 'f0');
		expect(down).toEqual({scroll: {offset: 8, follow: false}, focus: 'f10'});
		const after = pageGeometry(page, 10, down!.scroll, 'f10');
		expect(pageKey(press('pageup'), after, order, 'f10')).toEqual({
			scroll: {offset: 0, follow: false},
			focus: 'f0',
		});
		// A page without controls (Home): the moves scroll it.
		expect(pageKey(char('G'), geometry, [], null)?.scroll.offset).toBe(21);
		expect(pageKey(char('j'), geometry, order, 'f0')).toBeNull();
	});
});

describe('manual activation as text (issue 12, point 9)', () => {
	const document = JSON.stringify({
		payload: {licenses: [1, 2]},
		signature: 'a'.repeat(88),
	});

	it('a block reads back the very document, whatever the line breaks, spaces and indentation a copy adds', () => {
		const block = documentBlock('ACTIVATION RESPONSE', document, 40);
		expect(block[0]).toBe('-----BEGIN MYQ ACTIVATION RESPONSE-----');
		expect(block.at(-1)).toBe('-----END MYQ ACTIVATION RESPONSE-----');
		expect(block.every((line) => line.length <= 40)).toBe(true);
		const copied = block.map((line) => `  ${line}   `).join('\r\n');
		expect(readDocumentText(copied)).toEqual({
			ok: true,
			text: document,
			kind: 'ACTIVATION RESPONSE',
		});
		// Its JSON pasted as is reads as the file it is (which ends with a line break).
		expect(readDocumentText(` ${document} `)).toEqual({
			ok: true,
			text: `${document}\n`,
			kind: null,
		});
	});

	it('says what is missing: nothing, the END line, or this is not a response', () => {
		const block = documentBlock('ACTIVATION RESPONSE', document);
		expect(readDocumentText('  ')).toEqual({ok: false, code: 'empty'});
		expect(readDocumentText(block.slice(0, -1).join('\n'))).toEqual({
			ok: false,
			code: 'incomplete',
		});
		expect(readDocumentText('{"payload": ')).toEqual({
			ok: false,
			code: 'incomplete',
		});
		expect(readDocumentText('hello')).toEqual({ok: false, code: 'unreadable'});
		expect(readDocumentText(`${block[0]}\n#!?\n${block.at(-1)}`)).toEqual({
			ok: false,
			code: 'unreadable',
		});
	});

	it('a block that would unpack to more than its bound is refused, never unpacked whole', () => {
		const bomb = gzipSync(Buffer.alloc(MAX_DOCUMENT_BYTES * 4, 0x20)).toString(
			'base64',
		);
		expect(
			readDocumentText(
				`-----BEGIN MYQ ACTIVATION RESPONSE-----\n${bomb}\n-----END MYQ ACTIVATION RESPONSE-----`,
			),
		).toEqual({ok: false, code: 'unreadable'});
	});

	it('the paste field: its line breaks come as Enter; the Enter after a whole response imports it', () => {
		const block = documentBlock('ACTIVATION RESPONSE', document);
		let state: ManualState = {
			...initialManual('/data'),
			focus: 'paste' as const,
			isPasteOpen: true,
			isTyping: true,
			paste: textField(),
		};
		const commands = [];
		for (const [index, line] of block.entries()) {
			let outcome = manualKey(state, char(line), null);
			state = outcome.state;
			outcome = manualKey(state, press('enter'), null);
			state = outcome.state;
			commands.push(...outcome.commands);
			if (index < block.length - 1) expect(outcome.commands).toEqual([]);
		}
		expect(commands).toEqual([{type: 'manual-import-text', text: document}]);
	});
});

const snapshot = (
	licenses: Partial<LicenseView>[],
	lastSuccessAt: number | null = null,
) =>
	({
		state: {server: {lastSuccessAt}} as unknown as EngineState,
		evaluation: {licenses},
	}) as unknown as Snapshot;

describe('messages go with their cause (issue 12, point 4)', () => {
	it('a form message follows the errors left, and goes with the last one', () => {
		const ui = initialUi(null, 'en');
		const status = {
			tone: 'error' as const,
			text: 'x',
			clearsWhen: 'form-valid' as const,
		};
		const withErrors = {
			...ui,
			settings: {...ui.settings, errors: {email: {message: 'bad'}}},
		};
		expect(liveStatus(status, withErrors, snapshot([]), 'en')?.text).toBe(
			'The customer form has 1 error(s): correct them, then save again.',
		);
		expect(liveStatus(status, ui, snapshot([]), 'en')).toBeNull();
	});

	it('an unreachable server message goes once a contact succeeds after it', () => {
		const ui = initialUi(null, 'en');
		const status = {
			tone: 'error' as const,
			text: 'x',
			clearsWhen: 'contact' as const,
			since: 100,
		};
		expect(liveStatus(status, ui, snapshot([], 100), 'en')).toBe(status);
		expect(liveStatus(status, ui, snapshot([], 200), 'en')).toBeNull();
		const never = {...status, since: null};
		expect(liveStatus(never, ui, snapshot([], 200), 'en')).toBeNull();
	});

	it('a message longer than its rows keeps its first rows and says i shows it whole', () => {
		const long = {tone: 'error' as const, text: 'word '.repeat(80)};
		const shown = statusLines(long, null, 40, 3, '… i shows the whole message');
		expect(shown.isCut).toBe(true);
		expect(shown.lines).toHaveLength(3);
		expect(shown.lines.at(-1)).toBe('… i shows the whole message');
		expect(
			statusLines({tone: 'ok', text: 'short'}, null, 40, 3, '').isCut,
		).toBe(false);
	});
});

describe('what a contact lost (issue 12, point 6)', () => {
	it('a license that counted and no longer does makes the contact a failure that says so', () => {
		const before = snapshot([
			{id: 'K1', counts: true, reason: null},
			{id: 'K2', counts: true, reason: null},
		]);
		const after = snapshot([
			{id: 'K1', counts: false, reason: 'revoked'},
			{id: 'K2', counts: true, reason: null},
		]);
		const connected = {
			ok: true as const,
			code: 'connected' as const,
			params: {},
		};
		expect(contactOutcome(connected, before, after)).toEqual({
			ok: false,
			code: 'licenses-revoked',
			params: {count: 1, ids: 'K1'},
		});
		expect(contactOutcome(connected, before, before)).toBe(connected);
	});
});

describe("Ink 6.8's incremental frames (issue 12, point 10)", () => {
	it('the cursor-up that opens an incremental frame gets its missing row; the rest passes as is', () => {
		const written: string[] = [];
		const stdout = {
			columns: 80,
			rows: 24,
			write: (text: string) => {
				written.push(text);
				return true;
			},
		};
		const fixed = withIncrementalFix(stdout as unknown as NodeJS.WriteStream);
		fixed.write('\u001B[22A\u001B[Eline\n');
		fixed.write('plain\n');
		fixed.write('\u001B[?2026h');
		expect(written).toEqual([
			'\u001B[23A\u001B[Eline\n',
			'plain\n',
			'\u001B[?2026h',
		]);
		expect(fixed.columns).toBe(80);
	});
});
