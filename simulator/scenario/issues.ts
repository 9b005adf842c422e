/**
 * What is wrong with a scenario, said so that a person can act on it: every issue names its
 * field and line (`scenario.yaml:14: steps[3].use: ...`). `RawIssue` is what the checks collect
 * (a path into the data); `toIssues` turns them into `ScenarioIssue`s, in file order.
 */
import {
	type MessageId,
	type MessageParams,
	t,
} from '../../source/i18n/index.js';
import type {Lang} from '../../source/i18n/lang.js';

export type ScenarioIssue = {
	/** The field, like `steps[3].use`; empty for the file as a whole. */
	path: string;
	line: number | null;
	/** In English. */
	message: string;
	/** The message as catalog data, for the issues said in the admin's language (the limits). */
	said?: Said;
};

/** A message of the catalogs (source/i18n) and its values. */
export type Said = {id: MessageId; params: MessageParams};

/**
 * Everything wrong with a scenario. Its message lists every issue as `FILE:LINE: path: message`.
 * @example
 * try {
 *   await loadScenario('customer.yaml');
 * } catch (error) {
 *   if (error instanceof ScenarioError) console.error(error.describe('fr'));
 * }
 */
export class ScenarioError extends Error {
	readonly issues: ScenarioIssue[];
	readonly fileName: string | undefined;

	constructor(issues: ScenarioIssue[], fileName?: string) {
		super(issues.map((issue) => formatIssue(issue, fileName)).join('\n'));
		this.name = 'ScenarioError';
		this.issues = issues;
		this.fileName = fileName;
	}

	/** The message in a language: the issues the catalogs have in it, the others in English. */
	describe(lang: Lang): string {
		return this.issues
			.map((issue) =>
				formatIssue(
					issue.said === undefined
						? issue
						: {...issue, message: t(lang, issue.said.id, issue.said.params)},
					this.fileName,
				),
			)
			.join('\n');
	}
}

export type Path = (string | number)[];
/** An issue as the checks find it: where in the data, and what is wrong. */
export type RawIssue = {
	path: Path;
	message: string;
	line?: number | null;
	said?: Said;
};

/** An issue said by the catalogs: its English text is the message, the data says it in French. */
export function saidIssue(
	path: Path,
	id: MessageId,
	params: MessageParams,
	line?: number | null,
): RawIssue {
	return {
		path,
		message: t('en', id, params),
		said: {id, params},
		...(line === undefined ? {} : {line}),
	};
}

export function toIssues(
	raw: RawIssue[],
	locate: (path: Path) => number | null,
): ScenarioIssue[] {
	const issues = raw.map(
		(issue): ScenarioIssue => ({
			path: formatPath(issue.path),
			line: issue.line === undefined ? locate(issue.path) : issue.line,
			message: issue.message,
			...(issue.said === undefined ? {} : {said: issue.said}),
		}),
	);
	// In file order, as a person reads them; issues about the whole file first. The sort is stable.
	return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** `['steps', 3, 'use']` → `steps[3].use`; odd keys are quoted: `keys["a b"]`. */
export function formatPath(path: readonly (string | number)[]): string {
	let text = '';
	for (const segment of path) {
		if (typeof segment === 'number') text += `[${segment}]`;
		else if (/^[A-Za-z_][\w/-]*$/.test(segment))
			text += text === '' ? segment : `.${segment}`;
		else text += `[${JSON.stringify(segment)}]`;
	}
	return text;
}

function formatIssue(
	issue: ScenarioIssue,
	fileName: string | undefined,
): string {
	const where =
		fileName === undefined
			? issue.line === null
				? ''
				: `line ${issue.line}: `
			: issue.line === null
				? `${fileName}: `
				: `${fileName}:${issue.line}: `;
	return `${where}${issue.path === '' ? '' : `${issue.path}: `}${issue.message}`;
}

/** A value as a message shows it: strings quoted (and cut), containers named. */
export function show(value: unknown): string {
	if (value === null) return 'nothing';
	if (value === undefined) return 'nothing';
	if (typeof value === 'string')
		return JSON.stringify(
			value.length > 60 ? `${value.slice(0, 57)}...` : value,
		);
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a mapping';
	return String(value);
}

export function listOf(names: readonly string[]): string {
	return names.length > 20
		? `${names.slice(0, 20).join(', ')}, ...`
		: names.join(', ');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
