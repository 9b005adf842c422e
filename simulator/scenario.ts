/**
 * The simulator's scenario file (SPEC §5 "Scenario file"): YAML or JSON, one schema. Parsing
 * checks everything a scenario can get wrong before anything runs, and reports every issue at
 * once, each naming its field and line (`scenario.yaml:14: steps[3].use: ...`), so that
 * `simulate` can exit 2 with a message a person can act on (SPEC §5 exit codes).
 *
 * Decisions (SPEC §5 leaves them open):
 * - Format: `.json` files must be strict JSON; `.yaml`/`.yml` files are YAML 1.2 (core schema, so
 *   `start: 2027-01-04T09:00:00Z` stays a string and `country: NO` is Norway). Text without a
 *   file name is JSON when it parses as JSON, YAML otherwise. Files over 1 MiB are refused.
 * - Durations (`at`, `clock.shift`) are strings: an optional sign, then whole numbers with units
 *   d, h, m, s, largest first (`+6h`, `-3d`, `90m`, `1d12h`). A bare number is refused, since it
 *   would be unclear whether it counts hours or milliseconds.
 * - `start` needs `Z` or an offset: a local time would replay differently on every machine.
 * - `customer` may be left out (a scenario that never registers needs none); its fields are only
 *   checked to be strings here, their validity is R2's business at run time.
 * - Aliases in `keys` are letters, digits, `-` and `_`, starting with a letter, since `/` names
 *   an installation's n-th license (`INST/2`).
 * - A `vendor` step names a whole key (`INST`, `L10`) or one license of an installation
 *   (`INST/1`); `days` is required for `extend` and refused for the other actions.
 * - `import-response` asks the vendor portal for the response to the pending manual request
 *   (R5) and imports it. Its `tamper` option exercises the refusal paths of R5: `flip-byte`
 *   alters one byte of the file, `other-request` imports a response made for another request,
 *   `other-fingerprint` one made for another fingerprint. All three must be refused.
 * - Expectations: `banners` is the exact list in display order, so a list out of that order, with
 *   a repeated id, or with a stop banner beside another one can never match and is refused.
 *   `days` is keyed by the banners that count days (hardware-changed, server-unreachable,
 *   subscription-expiring). `licenses` is keyed by license alias (`L10`), an installation's
 *   license (`INST/1`), or an installation alias for its pending row. `events` are kebab-case
 *   event types; which ones exist is the runner's business. An expectation must assert something.
 * - Steps are sorted by day, then `at`, then file order; expectations by day, then file order.
 */
import {readFile, stat} from 'node:fs/promises';
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
import {z} from 'zod';
import {
	BANNER_ORDER,
	type BannerId,
	type CustomerForm,
	DAY,
	HOUR,
	type LicenseStatus,
	type OperationalState,
} from '../source/engine/types.js';
import type {NetworkState as SimulatedNetworkState} from './network.js';

export type NetworkState = SimulatedNetworkState;

export type LicenseSpec = {
	kind: 'perpetual' | 'subscription';
	devices: number;
	termDays?: number;
	autoRenew?: boolean;
};

/** One entry of the vendor catalog, minted at start (the shape `vendor mint` takes). */
export type CatalogEntry =
	| {type: 'installation'; licenses: LicenseSpec[]}
	| ({type: 'license'} & LicenseSpec);

export type TamperKind = 'flip-byte' | 'other-request' | 'other-fingerprint';
export type VendorAction = 'extend' | 'cancel-renewal' | 'revoke';

export type Step = {
	day: number;
	/** Milliseconds after the day's instant (`at: "+6h"`); absent means at the instant itself. */
	at?: number;
	/** Where the step is written, for messages about it at run time. */
	line: number;
} & (
	| {do: 'register'; customer?: Partial<CustomerForm>}
	| {do: 'add-key'; key?: string; literal?: string}
	| {do: 'activate'}
	| {do: 'activate-manual'}
	| {do: 'import-response'; tamper?: TamperKind}
	| {do: 'hardware'; use: string}
	| {do: 'vendor'; action: VendorAction; key: string; days?: number}
	| {do: 'devices'; activate?: number; deactivate?: number}
	| {do: 'restart'}
	| {do: 'clock'; shift: number}
	| {do: 'network'; state: NetworkState}
	| {do: 'connect'}
);

export type StepKind = Step['do'];

export type Expectation = {
	day: number;
	line: number;
	state?: OperationalState;
	operational?: boolean;
	/** The exact list of banner ids shown, in display order. */
	banners?: BannerId[];
	days?: Record<string, number>;
	capacity?: number;
	devices?: {activated?: number; licensed?: number; capacity?: number};
	/** License alias (`L10`, `INST/1`, or `INST` for a pending installation row) → status. */
	licenses?: Record<string, LicenseStatus>;
	/** Event types that must have happened on that day. */
	events?: string[];
};

export type Scenario = {
	name: string;
	/** Epoch ms of day 0. */
	start: number;
	/** The timeline covers day 0..days. */
	days: number;
	lang: 'fr' | 'en';
	customer: CustomerForm;
	/** Named fingerprints; the first is used at start. */
	hardware: string[];
	keys: Record<string, CatalogEntry>;
	/** Sorted by day, then `at`, then file order. */
	steps: Step[];
	/** Sorted by day, then file order. */
	expect: Expectation[];
	/** R14: hours between scheduled contacts; absent means the engine's default. */
	contactIntervalHours?: number;
};

export type ScenarioIssue = {
	/** The field, like `steps[3].use`; empty for the file as a whole. */
	path: string;
	line: number | null;
	message: string;
};

/** Everything wrong with a scenario. Its message lists every issue as `FILE:LINE: path: message`. */
export class ScenarioError extends Error {
	readonly issues: ScenarioIssue[];
	readonly fileName: string | undefined;

	constructor(issues: ScenarioIssue[], fileName?: string) {
		super(issues.map((issue) => formatIssue(issue, fileName)).join('\n'));
		this.name = 'ScenarioError';
		this.issues = issues;
		this.fileName = fileName;
	}
}

export type ParseScenarioOptions = {
	/** Names the file in messages and decides the format by extension. @default none: the format is read from the content */
	fileName?: string;
};

/** SPEC §5: a scenario file may be at most 1 MiB. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;
/** A hundred years of timeline is more than any replay needs, and bounds the runner's work. */
export const MAX_SCENARIO_DAYS = 36_500;

// Limits of the vendor's mint and extend (source/license-server/schemas.ts), so every valid catalog mints.
const MAX_DEVICES = 1_000_000;
const MAX_TERM_DAYS = 36_500;
const MAX_LICENSES = 100;

/** Scenarios nest 5 levels at most (expect[0].devices.capacity); 64 leaves room and stops abuse. */
const MAX_NESTING = 64;

const MINUTE = 60_000;

// `satisfies Record<Union, true>` keeps these lists in step with the types they mirror.
const NETWORK_STATES = Object.keys({
	online: true,
	offline: true,
	error: true,
	slow: true,
	garbage: true,
} satisfies Record<NetworkState, true>) as [NetworkState, ...NetworkState[]];

const LICENSE_STATUSES = Object.keys({
	pending: true,
	active: true,
	'hardware-grace': true,
	'offline-grace': true,
	expired: true,
	invalid: true,
} satisfies Record<LicenseStatus, true>) as [LicenseStatus, ...LicenseStatus[]];

const OPERATIONAL_STATES = Object.keys({
	unlicensed: true,
	running: true,
	warning: true,
	stopped: true,
} satisfies Record<OperationalState, true>) as [
	OperationalState,
	...OperationalState[],
];

/** The banners whose text carries `{days}` (SPEC §2 "Banners"). */
const COUNTING_BANNERS: readonly BannerId[] = [
	'hardware-changed',
	'server-unreachable',
	'subscription-expiring',
];
/** The banners that say why MyQ stopped: when one shows, it shows alone. */
const STOP_BANNERS: readonly BannerId[] = ['license-problem', 'server-stopped'];

const ALIAS_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
const EVENT_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const DURATION_PATTERN =
	/^([+-])?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

type Path = (string | number)[];
type RawIssue = {path: Path; message: string; line?: number | null};

// ---------------------------------------------------------------------------------------------
// Durations

/**
 * Reads a duration: an optional sign, then whole numbers with units d, h, m, s, largest first
 * (`+6h`, `-3d`, `90m`, `-61m`, `1d12h`). Returns milliseconds; throws a ScenarioError otherwise.
 */
export function parseDuration(text: string): number {
	const result = readDuration(text);
	if (typeof result === 'string')
		throw new ScenarioError([{path: '', line: null, message: result}]);
	return result;
}

/** The duration in ms, or why the text is not one. */
function readDuration(text: unknown): number | string {
	const help =
		'write it like +6h, -3d, 90m or 1d12h (whole numbers; units d, h, m, s, largest first)';
	if (typeof text !== 'string')
		return `expected a duration, got ${show(text)}; ${help}`;
	const match = DURATION_PATTERN.exec(text.trim());
	if (match === null || match.slice(2).every((part) => part === undefined)) {
		return `${show(text)} is not a duration; ${help}`;
	}
	const [, sign, days, hours, minutes, seconds] = match;
	const amount = (part: string | undefined, unit: number) =>
		part === undefined ? 0 : Number(part) * unit;
	const magnitude =
		amount(days, DAY) +
		amount(hours, HOUR) +
		amount(minutes, MINUTE) +
		amount(seconds, 1000);
	if (!Number.isSafeInteger(magnitude))
		return `${show(text)} is too long a duration`;
	return sign === '-' ? -magnitude : magnitude;
}

/** `90000000` → `+1d1h`: durations as the file writes them, for messages. */
function showDuration(ms: number): string {
	let rest = Math.abs(ms);
	let text = '';
	for (const [unit, size] of [
		['d', DAY],
		['h', HOUR],
		['m', MINUTE],
		['s', 1000],
	] as const) {
		const count = Math.floor(rest / size);
		if (count > 0) text += `${count}${unit}`;
		rest -= count * size;
	}
	return `${ms < 0 ? '-' : '+'}${text || '0h'}`;
}

const durationSchema = z.unknown().transform((value, context) => {
	const result = readDuration(value);
	if (typeof result === 'string') {
		context.addIssue({code: 'custom', message: result});
		return z.NEVER;
	}
	return result;
});

/** A step's `at`: later within the same day, never before its instant nor into the next day. */
const atSchema = z.unknown().transform((value, context) => {
	const result = readDuration(value);
	if (typeof result === 'string') {
		context.addIssue({code: 'custom', message: result});
		return z.NEVER;
	}
	if (result < 0 || result >= DAY) {
		context.addIssue({
			code: 'custom',
			message: `${show(value)} is not within the day: at runs from +0h to under +24h after the day's instant; use a later day for ${showDuration(result)}`,
		});
		return z.NEVER;
	}
	return result;
});

// ---------------------------------------------------------------------------------------------
// Schemas: shapes and ranges. References between parts (aliases, hardware names, the timeline)
// are checked by hand below, on the raw values, so that one bad part does not hide the others.

/** z.int(), saying "whole number" also when the field is missing (zod reports `number` then). */
function wholeNumber() {
	return z.int({
		error: (issue) =>
			issue.input === undefined ? 'is required (a whole number)' : undefined,
	});
}

const nameSchema = z.string().trim().min(1);

const startSchema = z.unknown().transform((value, context) => {
	if (value === undefined) {
		context.addIssue({
			code: 'custom',
			message:
				'is required (an ISO date-time like 2027-01-04T09:00:00Z: day 0)',
		});
		return z.NEVER;
	}
	const isIso = z.iso.datetime({offset: true}).safeParse(value).success;
	const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
	if (!isIso || !Number.isFinite(time)) {
		context.addIssue({
			code: 'custom',
			message: `${show(value)} is not an ISO date-time; write it like 2027-01-04T09:00:00Z (with Z or an offset such as +01:00)`,
		});
		return z.NEVER;
	}
	return time;
});

const customerSchema = z.strictObject({
	company: z.string().optional(),
	person: z.string().optional(),
	address: z.string().optional(),
	country: z.string().optional(),
	email: z.string().optional(),
	phone: z.string().optional(),
});

const hardwareSchema = z.array(z.string().trim().min(1)).min(1, {
	error: 'must name at least one fingerprint (the first is used at start)',
});

const licenseSpecShape = {
	kind: z.enum(['perpetual', 'subscription']),
	devices: wholeNumber().min(1).max(MAX_DEVICES),
	termDays: wholeNumber().min(1).max(MAX_TERM_DAYS).optional(),
	autoRenew: z.boolean().optional(),
};

const installationEntrySchema = z.strictObject({
	type: z.literal('installation'),
	licenses: z
		.array(z.strictObject(licenseSpecShape))
		.min(1, {
			error: 'an installation key carries at least one license: list them here',
		})
		.max(MAX_LICENSES),
});

const licenseEntrySchema = z.strictObject({
	type: z.literal('license'),
	...licenseSpecShape,
});

const stepShape = {day: wholeNumber().min(0), at: atSchema.optional()};

const STEP_SCHEMAS = {
	register: z.strictObject({
		...stepShape,
		do: z.literal('register'),
		customer: customerSchema.optional(),
	}),
	'add-key': z.strictObject({
		...stepShape,
		do: z.literal('add-key'),
		key: z.string().optional(),
		literal: z.string().optional(),
	}),
	activate: z.strictObject({...stepShape, do: z.literal('activate')}),
	'activate-manual': z.strictObject({
		...stepShape,
		do: z.literal('activate-manual'),
	}),
	'import-response': z.strictObject({
		...stepShape,
		do: z.literal('import-response'),
		tamper: z
			.enum(['flip-byte', 'other-request', 'other-fingerprint'])
			.optional(),
	}),
	hardware: z.strictObject({
		...stepShape,
		do: z.literal('hardware'),
		use: z.string(),
	}),
	vendor: z.strictObject({
		...stepShape,
		do: z.literal('vendor'),
		action: z.enum(['extend', 'cancel-renewal', 'revoke']),
		key: z.string(),
		days: wholeNumber().min(1).max(MAX_TERM_DAYS).optional(),
	}),
	devices: z.strictObject({
		...stepShape,
		do: z.literal('devices'),
		activate: wholeNumber().min(1).max(MAX_DEVICES).optional(),
		deactivate: wholeNumber().min(1).max(MAX_DEVICES).optional(),
	}),
	restart: z.strictObject({...stepShape, do: z.literal('restart')}),
	clock: z.strictObject({
		...stepShape,
		do: z.literal('clock'),
		shift: durationSchema,
	}),
	network: z.strictObject({
		...stepShape,
		do: z.literal('network'),
		state: z.enum(NETWORK_STATES),
	}),
	connect: z.strictObject({...stepShape, do: z.literal('connect')}),
} satisfies Record<StepKind, z.ZodType>;

const STEP_KINDS = Object.keys(STEP_SCHEMAS) as StepKind[];

const count = wholeNumber().min(0).max(MAX_DEVICES);

const expectationSchema = z.strictObject({
	day: wholeNumber().min(0),
	state: z.enum(OPERATIONAL_STATES).optional(),
	operational: z.boolean().optional(),
	banners: z.array(z.enum(BANNER_ORDER)).optional(),
	days: z
		.record(z.string(), wholeNumber().min(0).max(MAX_TERM_DAYS))
		.optional(),
	capacity: count.optional(),
	devices: z
		.strictObject({
			activated: count.optional(),
			licensed: count.optional(),
			capacity: count.optional(),
		})
		.optional(),
	licenses: z.record(z.string(), z.enum(LICENSE_STATUSES)).optional(),
	events: z
		.array(
			z.string().regex(EVENT_PATTERN, {
				error: (issue) =>
					`${show(issue.input)} is not an event type; they are kebab-case, like license-activated`,
			}),
		)
		.optional(),
});

const TOP_FIELDS = [
	'name',
	'start',
	'days',
	'lang',
	'customer',
	'hardware',
	'keys',
	'steps',
	'expect',
	'contactIntervalHours',
];

// ---------------------------------------------------------------------------------------------
// Zod issues in our words

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
function check<S extends z.ZodType>(
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

// ---------------------------------------------------------------------------------------------
// Parsing

/** Parses and validates a scenario. Throws a ScenarioError, and nothing else, for any input. */
export function parseScenario(
	text: string,
	options: ParseScenarioOptions = {},
): Scenario {
	const {fileName} = options;
	try {
		return parseText(text, fileName);
	} catch (error) {
		if (error instanceof ScenarioError) throw error;
		// Last resort: a parser failure we did not foresee is still bad input, not a crash.
		const reason = error instanceof Error ? error.message : String(error);
		throw new ScenarioError(
			[{path: '', line: null, message: `cannot read the scenario: ${reason}`}],
			fileName,
		);
	}
}

/** Reads and parses a scenario file; a file that cannot be read is a ScenarioError too. */
export async function loadScenario(file: string): Promise<Scenario> {
	let text: string;
	try {
		const info = await stat(file);
		if (!info.isFile()) throw new Error('not a file');
		if (info.size > MAX_SCENARIO_BYTES) {
			throw new ScenarioError(
				[{path: '', line: null, message: tooLarge(info.size)}],
				file,
			);
		}
		text = await readFile(file, 'utf8');
	} catch (error) {
		if (error instanceof ScenarioError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		const reason =
			code === 'ENOENT'
				? 'no such file; check the path'
				: code === 'EACCES'
					? 'permission denied'
					: error instanceof Error
						? error.message
						: String(error);
		throw new ScenarioError(
			[
				{
					path: '',
					line: null,
					message: `cannot read the scenario file: ${reason}`,
				},
			],
			file,
		);
	}
	return parseScenario(text, {fileName: file});
}

function tooLarge(bytes: number): string {
	return `the file is ${bytes} bytes; a scenario may be at most 1 MiB (${MAX_SCENARIO_BYTES} bytes)`;
}

function parseText(input: unknown, fileName: string | undefined): Scenario {
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
	if (bytes > MAX_SCENARIO_BYTES)
		return fail([{path: [], message: tooLarge(bytes)}]);
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
	const issues: RawIssue[] = [];
	const scenario = buildScenario(data, issues, locate);
	if (issues.length > 0 || scenario === undefined) return fail(issues, locate);
	return scenario;
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

function jsonSyntaxIssue(text: string, error: unknown): RawIssue {
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

type Context = {
	days: number | undefined;
	hardware: string[] | undefined;
	/** Every alias written in `keys`, valid entry or not (so a bad entry is reported once). */
	aliases: Set<string> | undefined;
	/** The valid entries. */
	catalog: Map<string, CatalogEntry>;
};

function buildScenario(
	data: unknown,
	issues: RawIssue[],
	locate: (path: Path) => number | null,
): Scenario | undefined {
	if (!isRecord(data)) {
		issues.push({
			path: [],
			message: `expected a mapping with name, start, days, hardware, keys and steps, got ${show(data)}`,
		});
		return undefined;
	}
	for (const key of Object.keys(data)) {
		if (!TOP_FIELDS.includes(key))
			issues.push({
				path: [key],
				message: `unknown field; a scenario takes ${TOP_FIELDS.join(', ')}`,
			});
	}

	const name = check(nameSchema, data.name, ['name'], issues);
	const start = check(startSchema, data.start, ['start'], issues);
	const days = check(
		wholeNumber().min(0).max(MAX_SCENARIO_DAYS),
		data.days,
		['days'],
		issues,
	);
	const lang = check(
		z.enum(['fr', 'en']).default('en'),
		data.lang,
		['lang'],
		issues,
	);
	const customer = check(
		customerSchema.default({}),
		data.customer,
		['customer'],
		issues,
		'the customer',
	);
	const hardware = check(hardwareSchema, data.hardware, ['hardware'], issues);
	checkUniqueHardware(data.hardware, issues);
	const contactIntervalHours = check(
		z
			.number()
			.positive()
			.max(24 * 366)
			.optional(),
		data.contactIntervalHours,
		['contactIntervalHours'],
		issues,
	);

	const {aliases, catalog} = parseCatalog(data.keys, issues);
	const context: Context = {days, hardware, aliases, catalog};
	const steps = parseSteps(data.steps, context, issues, locate);
	const expect = parseExpectations(data.expect, context, issues, locate);

	if (
		name === undefined ||
		start === undefined ||
		days === undefined ||
		lang === undefined ||
		customer === undefined ||
		hardware === undefined ||
		steps === undefined ||
		expect === undefined
	) {
		return undefined;
	}
	return {
		name,
		start,
		days,
		lang,
		customer,
		hardware,
		keys: Object.fromEntries(catalog),
		// Array.prototype.sort is stable: file order breaks the ties (SPEC §5).
		steps: steps.sort((a, b) => a.day - b.day || (a.at ?? 0) - (b.at ?? 0)),
		expect: expect.sort((a, b) => a.day - b.day),
		...(contactIntervalHours === undefined ? {} : {contactIntervalHours}),
	};
}

function checkUniqueHardware(raw: unknown, issues: RawIssue[]): void {
	if (!Array.isArray(raw)) return;
	const seen = new Set<string>();
	raw.forEach((name, index) => {
		if (typeof name !== 'string') return;
		const trimmed = name.trim();
		if (seen.has(trimmed))
			issues.push({
				path: ['hardware', index],
				message: `${show(trimmed)} is listed twice; each fingerprint name must be unique`,
			});
		seen.add(trimmed);
	});
}

function parseCatalog(
	raw: unknown,
	issues: RawIssue[],
): {aliases: Set<string> | undefined; catalog: Map<string, CatalogEntry>} {
	const catalog = new Map<string, CatalogEntry>();
	if (!isRecord(raw)) {
		issues.push({
			path: ['keys'],
			message:
				raw === undefined
					? 'is required (a mapping of alias to key, like L10: {type: license, kind: perpetual, devices: 10}); use {} for none'
					: `expected a mapping of alias to key, got ${show(raw)}`,
		});
		return {aliases: undefined, catalog};
	}
	const aliases = new Set<string>();
	for (const [alias, entry] of Object.entries(raw)) {
		const path = ['keys', alias];
		aliases.add(alias);
		if (!ALIAS_PATTERN.test(alias)) {
			issues.push({
				path,
				message: `${show(alias)} is not a valid alias; use letters, digits, - and _, starting with a letter (like INST or L10)`,
			});
		}
		const parsed = parseCatalogEntry(entry, path, issues);
		if (parsed !== undefined) catalog.set(alias, parsed);
	}
	return {aliases, catalog};
}

function parseCatalogEntry(
	raw: unknown,
	path: Path,
	issues: RawIssue[],
): CatalogEntry | undefined {
	if (!isRecord(raw)) {
		issues.push({
			path,
			message: `expected a mapping like {type: license, kind: perpetual, devices: 10}, got ${show(raw)}`,
		});
		return undefined;
	}
	const before = issues.length;
	let entry: CatalogEntry | undefined;
	if (raw.type === 'installation') {
		entry = check(
			installationEntrySchema,
			raw,
			path,
			issues,
			'an installation key',
		);
		if (Array.isArray(raw.licenses)) {
			raw.licenses.forEach((license, index) => {
				checkTerm(license, [...path, 'licenses', index], issues);
			});
		}
	} else if (raw.type === 'license') {
		entry = check(licenseEntrySchema, raw, path, issues, 'a license key');
		checkTerm(raw, path, issues);
	} else {
		issues.push({
			path: [...path, 'type'],
			message:
				raw.type === undefined
					? 'is required: installation or license'
					: `${show(raw.type)} is not one of installation, license`,
		});
	}
	return issues.length === before ? entry : undefined;
}

/** A subscription needs its term; a perpetual license has neither term nor renewal. */
function checkTerm(raw: unknown, path: Path, issues: RawIssue[]): void {
	if (!isRecord(raw)) return;
	if (raw.kind === 'subscription' && raw.termDays === undefined) {
		issues.push({
			path: [...path, 'termDays'],
			message:
				'is required for a subscription (the length of one term in days, at least 1)',
		});
	}
	if (raw.kind === 'perpetual') {
		if (Object.hasOwn(raw, 'termDays'))
			issues.push({
				path: [...path, 'termDays'],
				message: 'a perpetual license has no term; remove termDays',
			});
		if (Object.hasOwn(raw, 'autoRenew'))
			issues.push({
				path: [...path, 'autoRenew'],
				message: 'a perpetual license does not renew; remove autoRenew',
			});
	}
}

function parseSteps(
	raw: unknown,
	context: Context,
	issues: RawIssue[],
	locate: (path: Path) => number | null,
): Step[] | undefined {
	if (!Array.isArray(raw)) {
		issues.push({
			path: ['steps'],
			message:
				raw === undefined
					? 'is required (a list of steps like {day: 0, do: register}); use [] for none'
					: `expected a list of steps, got ${show(raw)}`,
		});
		return undefined;
	}
	const steps: Step[] = [];
	raw.forEach((item, index) => {
		const path = ['steps', index];
		const step = parseStep(item, path, context, issues);
		if (step !== undefined) steps.push({...step, line: locate(path) ?? 0});
	});
	return steps;
}

type StepBody = z.output<(typeof STEP_SCHEMAS)[StepKind]>;

function parseStep(
	raw: unknown,
	path: Path,
	context: Context,
	issues: RawIssue[],
): StepBody | undefined {
	if (!isRecord(raw)) {
		issues.push({
			path,
			message: `expected a step like {day: 0, do: activate}, got ${show(raw)}`,
		});
		return undefined;
	}
	const kind = raw.do;
	if (!isStepKind(kind)) {
		issues.push({
			path: [...path, 'do'],
			message:
				kind === undefined
					? `is required: what the step does, one of ${STEP_KINDS.join(', ')}`
					: `${show(kind)} is not a step; use one of ${STEP_KINDS.join(', ')}`,
		});
		checkDay(raw.day, [...path, 'day'], context, issues);
		return undefined;
	}
	const before = issues.length;
	const step = check(STEP_SCHEMAS[kind], raw, path, issues, `a "${kind}" step`);
	checkDay(raw.day, [...path, 'day'], context, issues);
	checkStepReferences(kind, raw, path, context, issues);
	return issues.length === before ? step : undefined;
}

function isStepKind(value: unknown): value is StepKind {
	return typeof value === 'string' && Object.hasOwn(STEP_SCHEMAS, value);
}

/** The timeline covers day 0..days; zod has checked the shape. */
function checkDay(
	raw: unknown,
	path: Path,
	context: Context,
	issues: RawIssue[],
): void {
	if (
		context.days === undefined ||
		!Number.isInteger(raw) ||
		(raw as number) < 0
	)
		return;
	if ((raw as number) > context.days) {
		issues.push({
			path,
			message: `must be within the timeline, day 0 to ${context.days} (the scenario's days), got ${raw}`,
		});
	}
}

function checkStepReferences(
	kind: StepKind,
	raw: Record<string, unknown>,
	path: Path,
	context: Context,
	issues: RawIssue[],
): void {
	switch (kind) {
		case 'add-key': {
			const hasKey = raw.key !== undefined;
			const hasLiteral = raw.literal !== undefined;
			if (hasKey && hasLiteral)
				issues.push({
					path,
					message:
						'give either key (an alias from keys) or literal (raw text), not both',
				});
			if (!hasKey && !hasLiteral)
				issues.push({
					path,
					message:
						'needs key (an alias from keys) or literal (the raw text typed into the key field)',
				});
			if (typeof raw.key === 'string')
				checkAlias(raw.key, [...path, 'key'], context, issues);
			return;
		}
		case 'vendor': {
			if (typeof raw.key === 'string')
				checkVendorKey(raw.key, [...path, 'key'], context, issues);
			if (raw.action === 'extend' && raw.days === undefined) {
				issues.push({
					path: [...path, 'days'],
					message: 'is required for extend (how many days to add to expiresAt)',
				});
			}
			if (
				raw.action !== 'extend' &&
				raw.days !== undefined &&
				typeof raw.action === 'string'
			) {
				issues.push({
					path: [...path, 'days'],
					message: `only applies to action extend, not ${raw.action}; remove it`,
				});
			}
			return;
		}
		case 'devices': {
			const given = ['activate', 'deactivate'].filter(
				(field) => raw[field] !== undefined,
			);
			if (given.length !== 1) {
				issues.push({
					path,
					message:
						given.length === 0
							? 'needs activate: N or deactivate: N (how many printing devices)'
							: 'give either activate or deactivate, not both; use two steps',
				});
			}
			return;
		}
		case 'hardware': {
			if (
				typeof raw.use === 'string' &&
				context.hardware !== undefined &&
				!context.hardware.includes(raw.use)
			) {
				issues.push({
					path: [...path, 'use'],
					message: `${show(raw.use)} is not one of hardware [${listOf(context.hardware)}]`,
				});
			}
			return;
		}
		default:
			return;
	}
}

/** A plain alias of `keys` (add-key). */
function checkAlias(
	alias: string,
	path: Path,
	context: Context,
	issues: RawIssue[],
): void {
	if (context.aliases === undefined || context.aliases.has(alias)) return;
	issues.push({
		path,
		message: `${show(alias)} is not one of keys [${listOf([...context.aliases])}]`,
	});
}

/** An alias, or `ALIAS/n` for the n-th license of an installation key (vendor). */
function checkVendorKey(
	name: string,
	path: Path,
	context: Context,
	issues: RawIssue[],
): void {
	const slash = /^(.*)\/(\d+)$/.exec(name);
	if (slash === null) {
		checkAlias(name, path, context, issues);
		return;
	}
	const [, alias = '', number = ''] = slash;
	if (context.aliases === undefined) return;
	if (!context.aliases.has(alias)) {
		issues.push({
			path,
			message: `${show(name)}: ${show(alias)} is not one of keys [${listOf([...context.aliases])}]`,
		});
		return;
	}
	const entry = context.catalog.get(alias);
	if (entry === undefined) return; // the entry itself is invalid, and reported
	if (entry.type === 'license') {
		issues.push({
			path,
			message: `${show(name)}: ${alias} is a license key with a single license; name it ${alias}`,
		});
		return;
	}
	const n = Number(number);
	if (n < 1 || n > entry.licenses.length) {
		issues.push({
			path,
			message: `${show(name)}: ${alias} carries ${entry.licenses.length} license(s); use ${installationRange(alias, entry.licenses.length)}`,
		});
	}
}

function installationRange(alias: string, licenses: number): string {
	return licenses === 1 ? `${alias}/1` : `${alias}/1 to ${alias}/${licenses}`;
}

function parseExpectations(
	raw: unknown,
	context: Context,
	issues: RawIssue[],
	locate: (path: Path) => number | null,
): Expectation[] | undefined {
	if (raw === undefined) return [];
	if (!Array.isArray(raw)) {
		issues.push({
			path: ['expect'],
			message: `expected a list of expectations like {day: 10, state: running}, got ${show(raw)}`,
		});
		return undefined;
	}
	const expectations: Expectation[] = [];
	raw.forEach((item, index) => {
		const path = ['expect', index];
		if (!isRecord(item)) {
			issues.push({
				path,
				message: `expected an expectation like {day: 10, state: running}, got ${show(item)}`,
			});
			return;
		}
		const before = issues.length;
		const expectation = check(
			expectationSchema,
			item,
			path,
			issues,
			'an expectation',
		);
		checkDay(item.day, [...path, 'day'], context, issues);
		if (Object.keys(item).every((key) => key === 'day')) {
			issues.push({
				path,
				message:
					'asserts nothing; add state, operational, banners, days, capacity, devices, licenses or events',
			});
		}
		checkBanners(item.banners, [...path, 'banners'], issues);
		checkDayCounts(item.days, [...path, 'days'], issues);
		checkLicenseNames(item.licenses, [...path, 'licenses'], context, issues);
		if (expectation !== undefined && issues.length === before)
			expectations.push({...expectation, line: locate(path) ?? 0});
	});
	return expectations;
}

/** The list must be one the engine can show: display order, no repeats, a stop banner alone. */
function checkBanners(raw: unknown, path: Path, issues: RawIssue[]): void {
	if (
		!Array.isArray(raw) ||
		!raw.every((id): id is BannerId =>
			(BANNER_ORDER as readonly unknown[]).includes(id),
		)
	)
		return;
	const repeated = raw.find((id, index) => raw.indexOf(id) !== index);
	if (repeated !== undefined) {
		issues.push({
			path,
			message: `lists ${repeated} twice; a banner shows at most once`,
		});
		return;
	}
	const sorted = [...raw].sort(
		(a, b) => BANNER_ORDER.indexOf(a) - BANNER_ORDER.indexOf(b),
	);
	if (sorted.some((id, index) => id !== raw[index])) {
		issues.push({
			path,
			message: `banners show in the order ${BANNER_ORDER.join(', ')}; write [${sorted.join(', ')}]`,
		});
	}
	const stop = raw.find((id) => STOP_BANNERS.includes(id));
	if (stop !== undefined && raw.length > 1) {
		issues.push({
			path,
			message: `when MyQ is stopped only the banner that says why shows; ${stop} cannot appear with ${raw.filter((id) => id !== stop).join(', ')}`,
		});
	}
}

function checkDayCounts(raw: unknown, path: Path, issues: RawIssue[]): void {
	if (!isRecord(raw)) return;
	for (const id of Object.keys(raw)) {
		if (COUNTING_BANNERS.includes(id as BannerId)) continue;
		const counting = COUNTING_BANNERS.join(', ');
		issues.push({
			path: [...path, id],
			message: (BANNER_ORDER as readonly string[]).includes(id)
				? `${id} shows no day count; only ${counting} do`
				: `${show(id)} is not a banner id; use one of ${counting}`,
		});
	}
}

/** License names: `L10`, `INST/1`, or `INST` for an installation key's pending row. */
function checkLicenseNames(
	raw: unknown,
	path: Path,
	context: Context,
	issues: RawIssue[],
): void {
	if (!isRecord(raw) || context.aliases === undefined) return;
	for (const name of Object.keys(raw)) {
		const slash = /^(.*)\/(\d+)$/.exec(name);
		const alias = slash === null ? name : (slash[1] ?? '');
		const entry = context.catalog.get(alias);
		if (!context.aliases.has(alias)) {
			issues.push({
				path: [...path, name],
				message: `${show(name)} is not a license of the catalog; use one of ${listOf(licenseNames(context))}`,
			});
			continue;
		}
		if (entry === undefined || slash === null) continue;
		const n = Number(slash[2]);
		if (entry.type === 'license') {
			issues.push({
				path: [...path, name],
				message: `${show(name)}: ${alias} is a license key with a single license; name it ${alias}`,
			});
		} else if (n < 1 || n > entry.licenses.length) {
			issues.push({
				path: [...path, name],
				message: `${show(name)}: ${alias} carries ${entry.licenses.length} license(s); use ${installationRange(alias, entry.licenses.length)}`,
			});
		}
	}
}

function licenseNames(context: Context): string[] {
	const names: string[] = [];
	for (const [alias, entry] of context.catalog) {
		names.push(alias);
		if (entry.type === 'installation')
			names.push(...entry.licenses.map((_, index) => `${alias}/${index + 1}`));
	}
	return names;
}

// ---------------------------------------------------------------------------------------------
// Paths, lines, messages

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

function toIssues(
	raw: RawIssue[],
	locate: (path: Path) => number | null,
): ScenarioIssue[] {
	const issues = raw.map((issue) => ({
		path: formatPath(issue.path),
		line: issue.line === undefined ? locate(issue.path) : issue.line,
		message: issue.message,
	}));
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
function show(value: unknown): string {
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

function listOf(names: readonly string[]): string {
	return names.length > 20
		? `${names.slice(0, 20).join(', ')}, ...`
		: names.join(', ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
