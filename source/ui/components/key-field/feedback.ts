/**
 * R3: format feedback as the admin types keys (several, separated by spaces, commas or new
 * lines). Each key gets a verdict before Save: accepted, still being typed, or what is wrong.
 */
import {keyRefusalParams} from '../../../engine/key-refusals.js';
import {KEY_ALPHABET, normalizeKey} from '../../../engine/keys.js';
import {planKeys} from '../../../engine/save.js';
import {initialState} from '../../../engine/step.js';
import type {EngineState} from '../../../engine/types.js';
import {type Lang, t} from '../../../i18n/index.js';
import {truncate} from '../../format.js';

export type KeyVerdict = 'ok' | 'typing' | 'error';

export type KeyFeedback = {input: string; verdict: KeyVerdict; text: string};

const KEY_LENGTH = 25;

/** No key in the table yet, no installation key: only the text's own keys count. */
const EMPTY_STATE: EngineState = initialState('', 0);

/**
 * The verdicts of Save itself (engine/save.ts `planKeys`) on the keys of `state`, said as the
 * admin types: a key typed twice (in any form) or already in the table, and a second
 * installation key, are marked as Save will refuse them (issue 12, point 13).
 */
export function keyFeedback(
	text: string,
	lang: Lang,
	state: EngineState = EMPTY_STATE,
): readonly KeyFeedback[] {
	// The same state, text and language as the last key: the same verdicts (issue 16: planKeys
	// looks at every license of the state, 1,000 of them, at every key).
	const last = lastFeedback.get(state);
	if (last && last.text === text && last.lang === lang) return last.feedback;
	const feedback = feedbackOf(text, lang, state);
	lastFeedback.set(state, {text, lang, feedback});
	return feedback;
}

const lastFeedback = new WeakMap<
	EngineState,
	{text: string; lang: Lang; feedback: readonly KeyFeedback[]}
>();

function feedbackOf(
	text: string,
	lang: Lang,
	state: EngineState,
): KeyFeedback[] {
	return planKeys(state, text).map((verdict) => {
		const {input} = verdict;
		const quoted = truncate(input.trim(), 31);
		if (verdict.ok) {
			return {
				input,
				verdict: 'ok',
				text: t(lang, 'ui.key.ok', {
					key: verdict.key,
					kind: t(lang, `key-kind.${verdict.kind}`),
				}),
			};
		}
		if (verdict.code === 'duplicate' && verdict.key !== undefined) {
			return {
				input,
				verdict: 'error',
				text: t(
					lang,
					verdict.isRepeated ? 'ui.key.repeated' : 'ui.key.present',
					{
						key: verdict.key,
					},
				),
			};
		}
		if (verdict.code === 'second-installation' && verdict.key !== undefined) {
			return {
				input,
				verdict: 'error',
				text: t(lang, 'ui.key.second-installation', {
					key: verdict.key,
					installation: verdict.installationKey ?? '',
				}),
			};
		}
		if (verdict.code === 'too-many-pending' && verdict.key !== undefined) {
			// Issue 10 point 6: no more keys wait than one activation sends, and Save says so.
			return {
				input,
				verdict: 'error',
				text: t(lang, 'key.too-many-pending', {
					key: verdict.key,
					...keyRefusalParams(verdict.code),
				}),
			};
		}
		const symbols = [...normalizeKey(input)];
		switch (verdict.code) {
			case 'symbol': {
				const bad =
					symbols.find((symbol) => !KEY_ALPHABET.includes(symbol)) ?? '?';
				return {
					input,
					verdict: 'error',
					text: t(lang, 'ui.key.symbol', {input: quoted, symbol: bad}),
				};
			}
			case 'length':
				return symbols.length < KEY_LENGTH
					? {
							input,
							verdict: 'typing',
							text: t(lang, 'ui.key.short', {
								input: quoted,
								count: symbols.length,
							}),
						}
					: {
							input,
							verdict: 'error',
							text: t(lang, 'ui.key.long', {
								input: quoted,
								count: symbols.length,
							}),
						};
			case 'kind':
				return {
					input,
					verdict: 'error',
					text: t(lang, 'ui.key.kind', {input: quoted}),
				};
			case 'checksum':
				return {
					input,
					verdict: 'error',
					text: t(lang, 'ui.key.checksum', {input: quoted}),
				};
			default:
				return {input, verdict: 'error', text: verdict.message};
		}
	});
}
