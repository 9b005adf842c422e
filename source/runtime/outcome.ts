/**
 * What a command did, as data (STYLE 11): a code, its parameters, and further sentences when a
 * command has several things to say. `renderOutcome` (i18n/outcome.ts) turns it into French or
 * English for the CLI, the dashboard and the simulator; nothing here is a sentence.
 */
import type {FieldError} from '../engine/customer.js';
import type {KeyRefusalReason} from '../engine/save.js';
import type {CustomerForm} from '../engine/types.js';
import type {MessageId} from '../i18n/en.js';
import type {Failure, FailureReason} from '../ports/index.js';

/** Every code has its text, `outcome.<code>`, in both catalogs (checked by the compiler). */
export type OutcomeCode = OutcomeSuffix<MessageId>;
type OutcomeSuffix<Id> = Id extends `outcome.${infer Code}` ? Code : never;

/** A parameter is a value, or a message of its own rendered in the same language. */
export type OutcomeParam = string | number | OutcomeMessage;

export type OutcomeMessage =
	| {code: OutcomeCode; params: Record<string, OutcomeParam>}
	/**
	 * A refusal the license server named with its own code (`rate-limited`, `revoked`): the code
	 * is the server's, for scripts; `text` is ours, for people.
	 */
	| {code: string; text: OutcomeCode; params: Record<string, OutcomeParam>};

/**
 * What a command did, as data (`{code, params}`; STYLE 11): said in a language by the i18n
 * formatter.
 * @example
 * const outcome: Outcome = await runtime.activate();
 * if (!outcome.ok) console.error(outcome.code);
 */
export type Outcome = Succeeded | Failed;

export type Succeeded = OutcomeMessage & {
	ok: true;
	/** Further sentences, said after the first (keys refused, a key pinned). */
	details?: OutcomeMessage[];
};

export type Failed = OutcomeMessage & {ok: false; details?: OutcomeMessage[]};

export type SaveOutcome =
	| (OutcomeMessage & {
			ok: true;
			details?: OutcomeMessage[];
			accepted: string[];
			refused: KeyRefusalReason[];
	  })
	| (OutcomeMessage & {
			ok: false;
			code: 'invalid-form';
			details?: OutcomeMessage[];
			errors: FieldError[];
			form: CustomerForm;
	  });

/** An outcome saying `code` with `params`. */
export function outcome(
	ok: boolean,
	code: OutcomeCode,
	params: Record<string, OutcomeParam> = {},
	details?: OutcomeMessage[],
): Outcome {
	return ok ? succeeded(code, params, details) : failed(code, params, details);
}

export function succeeded(
	code: OutcomeCode,
	params: Record<string, OutcomeParam> = {},
	details?: OutcomeMessage[],
): Succeeded {
	return details && details.length > 0
		? {ok: true, code, params, details}
		: {ok: true, code, params};
}

/** The license server refused, with its code and reason (SPEC §4: a successful contact). */
export function serverRefusal(
	text: OutcomeCode,
	code: string,
	reason: string,
): Failed {
	return {ok: false, code, text, params: {code, reason}};
}

export function failed(
	code: OutcomeCode,
	params: Record<string, OutcomeParam> = {},
	details?: OutcomeMessage[],
): Failed {
	return details && details.length > 0
		? {ok: false, code, params, details}
		: {ok: false, code, params};
}

/**
 * Why a license-server call failed, said inside a sentence in the admin's language: its reason
 * as message data when the source gives one (the HTTP client does), else its message as a clause.
 */
export function failureReason(failure: {
	message: string;
	reason?: FailureReason;
}): OutcomeParam {
	return failure.reason ?? clause(failure.message);
}

/** A failure's message as a clause inside a sentence: without its closing full stop. */
export function clause(text: string): string {
	// "…(simulated outage).)" too: a full stop before closing brackets goes, or the sentence
	// around it reads "outage).))." (issue 12, point 3).
	return text.trim().replace(/[.。]+([)\]]*)$/, '$1');
}

const WRONG_URL_ANSWER = {
	'not-found': 'wrong-url-not-found',
	'web-page': 'wrong-url-web-page',
	redirect: 'wrong-url-redirect',
} as const satisfies Record<string, OutcomeCode>;

/**
 * A failed contact as the admin reads it (R14, SPEC §4): no answer, an answer that cannot be
 * trusted, or an address that is no license server at all, which says the URL looks wrong.
 */
export function failureOutcome(
	failure: Exclude<Failure, {kind: 'rejected'}>,
): Failed {
	if (failure.kind === 'wrong-url') {
		return failed('wrong-url', {
			url: failure.url,
			answer: {
				code: WRONG_URL_ANSWER[failure.answer],
				params: {status: failure.status},
			},
		});
	}
	return failed(failure.kind, {reason: failureReason(failure)});
}
