/**
 * Zod's issues in our words: `check` validates a part of the scenario and adds messages a
 * person can act on ("expected a whole number, got \"3\"; write it without quotes").
 */
import * as z from 'zod';
import {type Path, type RawIssue, show} from './issues.js';

const EXPECTED: Record<string, string> = {
	string: 'a string',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	object: 'a mapping',
	record: 'a mapping',
	array: 'a list',
};

/** Per-parse error map: schema-level `error` options still win over it (zod's precedence). */
const explain: z.core.$ZodErrorMap = (issue) => {
	switch (issue.code) {
		case 'invalid_type': {
			const expected = EXPECTED[issue.expected] ?? issue.expected;
			if (issue.input === undefined) return `is required (${expected})`;
			let hint = '';
			if (
				issue.expected === 'string' &&
				['number', 'boolean'].includes(typeof issue.input)
			)
				hint = '; put it in quotes';
			if (
				(issue.expected === 'number' || issue.expected === 'int') &&
				typeof issue.input === 'string'
			)
				hint = '; write it without quotes';
			return `expected ${expected}, got ${show(issue.input)}${hint}`;
		}
		case 'too_small': {
			if (issue.origin === 'string') return 'must not be empty';
			if (issue.origin === 'array')
				return Number(issue.minimum) <= 1
					? 'must not be empty'
					: `must have at least ${issue.minimum} items`;
			return `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}, got ${show(issue.input)}`;
		}
		case 'too_big': {
			if (issue.origin === 'array')
				return `must have at most ${issue.maximum} items`;
			if (issue.origin === 'string')
				return `must be at most ${issue.maximum} characters`;
			return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}, got ${show(issue.input)}`;
		}
		case 'invalid_value':
			return issue.values.length === 1
				? `must be ${issue.values.map(String).join('')}, got ${show(issue.input)}`
				: `${show(issue.input)} is not one of ${issue.values.map(String).join(', ')}`;
		default:
			return undefined;
	}
};

/**
 * Validates `value` against `schema`, adding our messages under `path`. `what` names the object
 * for unknown-field messages ("a \"hardware\" step takes day, at, do, use").
 */
export function check<S extends z.ZodType>(
	schema: S,
	value: unknown,
	path: Path,
	issues: RawIssue[],
	what?: string,
): z.output<S> | undefined {
	const result = schema.safeParse(value, {error: explain});
	if (result.success) return result.data;
	for (const issue of result.error.issues) {
		const at = [
			...path,
			...issue.path.map((segment) =>
				typeof segment === 'symbol' ? String(segment) : segment,
			),
		];
		if (issue.code === 'unrecognized_keys') {
			const fields = fieldsAt(schema, issue.path);
			const hint =
				fields === undefined
					? ''
					: issue.path.length === 0 && what !== undefined
						? `; ${what} takes ${fields.join(', ')}`
						: `; expected one of ${fields.join(', ')}`;
			for (const key of issue.keys)
				issues.push({path: [...at, key], message: `unknown field${hint}`});
		} else {
			issues.push({path: at, message: issue.message});
		}
	}
	return undefined;
}

/** The fields of the object schema that `path` leads to inside `schema`, for unknown-field hints. */
function fieldsAt(
	schema: z.core.$ZodType,
	path: readonly PropertyKey[],
): string[] | undefined {
	let current: z.core.$ZodType | undefined = schema;
	for (let index = 0; current !== undefined; index++) {
		while (current instanceof z.ZodOptional || current instanceof z.ZodDefault)
			current = current.unwrap();
		const segment = path[index];
		if (segment === undefined)
			return current instanceof z.ZodObject
				? Object.keys(current.shape)
				: undefined;
		if (current instanceof z.ZodObject && typeof segment === 'string')
			current = current.shape[segment];
		else if (current instanceof z.ZodArray && typeof segment === 'number')
			current = current.element;
		else return undefined;
	}
	return undefined;
}
