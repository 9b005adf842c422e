/**
 * Where and why text is not JSON, in our words. V8's messages vary between Node versions and
 * give a position for some errors only, so the offset is found by a small RFC 8259 reader.
 */
import type {RawIssue} from './issues.js';

export function jsonSyntaxIssue(text: string, error: unknown): RawIssue {
	const message = error instanceof Error ? error.message : String(error);
	// V8 gives a position for some errors only ("Unexpected token 'a', "..." is not valid JSON" has
	// none), and its wording varies between Node versions: find the offset ourselves.
	const offset = jsonErrorOffset(text);
	const reason = message
		.replace(/, .*is not valid JSON$/s, '')
		.replace(/\s*in JSON at position \d+.*$/s, '')
		.replace(/\s*\(line \d+ column \d+\)$/, '')
		// one issue per line: "Unexpected token '\n'" must not break the message
		.replace(/\p{Cc}/gu, (character) => JSON.stringify(character).slice(1, -1));
	if (offset === undefined)
		return {path: [], line: null, message: `JSON syntax: ${reason}`};
	const before = text.slice(0, offset);
	const line = before.split('\n').length;
	const column = offset - before.lastIndexOf('\n');
	return {path: [], line, message: `JSON syntax: ${reason} (column ${column})`};
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * The offset where text stops being JSON (RFC 8259), or undefined when it is JSON. A state
 * machine with an explicit stack, so deep nesting cannot overflow the call stack.
 */
function jsonErrorOffset(text: string): number | undefined {
	const stack: string[] = [];
	let index = 0;
	let expecting: 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'after' =
		'value';
	const skipSpace = () => {
		while (index < text.length && ' \t\n\r'.includes(text[index]!)) index++;
	};
	/** Moves past a string starting at `index`; false, with `index` at the fault, when it is not one. */
	const readString = (): boolean => {
		index++;
		while (index < text.length) {
			const character = text[index]!;
			if (character === '"') {
				index++;
				return true;
			}
			if (character === '\\') {
				JSON_ESCAPE.lastIndex = index;
				if (!JSON_ESCAPE.test(text)) return false;
				index = JSON_ESCAPE.lastIndex;
			} else if (character < ' ') {
				return false;
			} else {
				index++;
			}
		}
		return false;
	};
	for (;;) {
		skipSpace();
		if (index >= text.length)
			return expecting === 'after' && stack.length === 0
				? undefined
				: text.length;
		const character = text[index]!;
		if (expecting === 'after') {
			const top = stack.at(-1);
			if (top === undefined) return index;
			if (character === ',') {
				index++;
				expecting = top === '{' ? 'key' : 'value';
			} else if (
				(character === '}' && top === '{') ||
				(character === ']' && top === '[')
			) {
				stack.pop();
				index++;
			} else {
				return index;
			}
			continue;
		}
		if (expecting === 'key' || expecting === 'key-or-close') {
			if (expecting === 'key-or-close' && character === '}') {
				stack.pop();
				index++;
				expecting = 'after';
				continue;
			}
			if (character !== '"' || !readString()) return index;
			skipSpace();
			if (text[index] !== ':') return index;
			index++;
			expecting = 'value';
			continue;
		}
		if (expecting === 'value-or-close' && character === ']') {
			stack.pop();
			index++;
			expecting = 'after';
			continue;
		}
		if (character === '{' || character === '[') {
			stack.push(character);
			index++;
			expecting = character === '{' ? 'key-or-close' : 'value-or-close';
			continue;
		}
		if (character === '"') {
			if (!readString()) return index;
			expecting = 'after';
			continue;
		}
		const literal = ['true', 'false', 'null'].find((word) =>
			text.startsWith(word, index),
		);
		JSON_NUMBER.lastIndex = index;
		if (literal !== undefined) index += literal.length;
		else if (JSON_NUMBER.test(text)) index = JSON_NUMBER.lastIndex;
		else return index;
		expecting = 'after';
	}
}
