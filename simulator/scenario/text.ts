/**
 * From text to data, with positions: JSON or YAML, read without ever crashing on hostile input
 * (1 MiB at most, nesting bounded before the recursive YAML composer sees it, aliases capped),
 * and `locate`, which finds the line a path into the data is written on.
 */
import {extname} from 'node:path';
import {
	CST,
	type Document,
	isMap,
	isScalar,
	isSeq,
	Lexer,
	LineCounter,
	parseDocument,
} from 'yaml';
import {formatLimit} from '../../source/adapters/bounded-read.js';
import {
	type Path,
	type RawIssue,
	ScenarioError,
	saidIssue,
	show,
	toIssues,
} from './issues.js';
import {jsonSyntaxIssue} from './json-syntax.js';
import {MAX_SCENARIO_BYTES} from './schema.js';

/** Scenarios nest 5 levels at most (expect[0].devices.capacity); 64 leaves room and stops abuse. */
const MAX_NESTING = 64;

/** The file is past SCENARIO_LIMITS.bytes: said with its limit, in fr and en. */
export function tooLarge(): RawIssue {
	return saidIssue([], 'scenario.limit.bytes', {
		limit: formatLimit(MAX_SCENARIO_BYTES),
	});
}

/** The data of a scenario's text, and where each part of it is written. */
export type ScenarioText = {
	data: unknown;
	/** The line of the field or list item a path leads to, or null. */
	locate: (path: Path) => number | null;
};

/**
 * Reads the text of a scenario as JSON or YAML (see index.ts for how the format is chosen).
 * Throws a ScenarioError for text that is too large, too deep, not JSON or YAML, or empty.
 */
export function readScenarioText(
	input: unknown,
	fileName: string | undefined,
): ScenarioText {
	const fail = (
		issues: RawIssue[],
		locate: (path: Path) => number | null = () => null,
	): never => {
		throw new ScenarioError(toIssues(issues, locate), fileName);
	};
	if (typeof input !== 'string')
		return fail([
			{
				path: [],
				message: `expected the text of a scenario, got ${show(input)}`,
			},
		]);
	const bytes = Buffer.byteLength(input, 'utf8');
	if (bytes > MAX_SCENARIO_BYTES) return fail([tooLarge()]);
	const text = input.startsWith('\uFEFF') ? input.slice(1) : input;

	const extension =
		fileName === undefined ? '' : extname(fileName).toLowerCase();
	const format =
		extension === '.json'
			? 'json'
			: extension === '.yaml' || extension === '.yml'
				? 'yaml'
				: 'either';

	let json: {value: unknown} | undefined;
	if (format === 'json' || (format === 'either' && /^\s*[[{]/.test(text))) {
		try {
			json = {value: JSON.parse(text)};
		} catch (error) {
			if (format === 'json') return fail([jsonSyntaxIssue(text, error)]);
		}
	}

	if (isNestedTooDeep(text)) {
		return fail([
			{
				path: [],
				message: `collections nest more than ${MAX_NESTING} levels deep; a scenario needs a handful (look for an unclosed [ or {)`,
			},
		]);
	}
	const counter = new LineCounter();
	// logLevel 'error': the parser's warnings would go to process warnings, not to the person.
	const document = parseDocument(text, {
		lineCounter: counter,
		prettyErrors: false,
		uniqueKeys: true,
		logLevel: 'error',
	});
	const locate = (path: Path) => locateLine(document, counter, path);
	const lineOf = (offset: number) => counter.linePos(offset).line;

	let data: unknown;
	if (json === undefined) {
		if (document.errors.length > 0) {
			return fail(
				document.errors.map((error) => {
					const position = counter.linePos(error.pos[0]);
					return {
						path: [],
						line: position.line,
						message: `YAML syntax: ${error.message} (column ${position.col})`,
					};
				}),
			);
		}
		try {
			data = document.toJS({maxAliasCount: 100});
		} catch (error) {
			// Unresolved aliases and alias bombs only show up here.
			return fail([
				{
					path: [],
					message: `YAML: ${error instanceof Error ? error.message : String(error)}`,
				},
			]);
		}
	} else {
		// JSON.parse keeps the last of duplicate keys silently; the YAML reading of the same text
		// (used for line numbers) catches them.
		const duplicates = document.errors.filter(
			(error) => error.code === 'DUPLICATE_KEY',
		);
		if (duplicates.length > 0) {
			return fail(
				duplicates.map((error) => ({
					path: [],
					line: lineOf(error.pos[0]),
					message: `${/^"(?:[^"\\]|\\.)*"/.exec(text.slice(error.pos[0], error.pos[0] + 200))?.[0] ?? 'a key'} appears twice in the same object; keep one`,
				})),
			);
		}
		data = json.value;
	}

	if (data === null || data === undefined) {
		return fail([
			{
				path: [],
				line: null,
				message:
					'the scenario is empty; it needs name, start, days, hardware, keys and steps',
			},
		]);
	}
	return {data, locate};
}

/**
 * The YAML composer recurses once per nesting level, and a stack overflow deep enough (1 MiB of
 * `[` or of `- - -`) can kill the process instead of raising an error. The lexer is iterative:
 * count flow collections and block indicators on one line before composing.
 */
function isNestedTooDeep(text: string): boolean {
	let flow = 0;
	let onLine = 0;
	for (const token of new Lexer().lex(text)) {
		switch (CST.tokenType(token)) {
			case 'flow-map-start':
			case 'flow-seq-start':
				flow++;
				break;
			case 'flow-map-end':
			case 'flow-seq-end':
				flow = Math.max(0, flow - 1);
				break;
			case 'seq-item-ind':
			case 'explicit-key-ind':
				onLine++;
				break;
			case 'newline':
				onLine = 0;
				break;
			default:
				break;
		}
		if (flow + onLine > MAX_NESTING) return true;
	}
	return false;
}

/** The line of the deepest node the path reaches: the key's line for a field, the item's for a list entry. */
function locateLine(
	document: Document,
	counter: LineCounter,
	path: Path,
): number | null {
	let node: unknown = document.contents;
	let offset = rangeStart(node);
	for (const segment of path) {
		if (isMap(node)) {
			const pair = node.items.find(
				(item) =>
					isScalar(item.key) && String(item.key.value) === String(segment),
			);
			if (pair === undefined) break;
			offset = rangeStart(pair.key) ?? offset;
			node = pair.value;
		} else if (isSeq(node) && typeof segment === 'number') {
			const item: unknown = node.items[segment];
			if (item === undefined || item === null) break;
			offset = rangeStart(item) ?? offset;
			node = item;
		} else {
			break;
		}
	}
	return offset === undefined ? null : counter.linePos(offset).line;
}

function rangeStart(node: unknown): number | undefined {
	if (typeof node !== 'object' || node === null || !('range' in node))
		return undefined;
	const range = (node as {range?: unknown}).range;
	return Array.isArray(range) && typeof range[0] === 'number'
		? range[0]
		: undefined;
}
