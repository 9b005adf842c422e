/**
 * R3: format feedback as the admin types keys (several, separated by spaces, commas or new
 * lines). Each key gets a verdict before Save: accepted, still being typed, or what is wrong.
 */
import {
	KEY_ALPHABET,
	normalizeKey,
	parseKey,
	splitKeyList,
} from '../../../engine/keys.js';
import {type Lang, t} from '../../../i18n/index.js';
import {truncate} from '../../format.js';

export type KeyVerdict = 'ok' | 'typing' | 'error';

export type KeyFeedback = {input: string; verdict: KeyVerdict; text: string};

const KEY_LENGTH = 25;

export function keyFeedback(
	text: string,
	lang: Lang,
	known: ReadonlySet<string> = new Set(),
): KeyFeedback[] {
	const typed = new Set<string>();
	return splitKeyList(text).map((input) => {
		const quoted = truncate(input.trim(), 31);
		const parsed = parseKey(input);
		if (parsed.ok) {
			// As Save will: a key typed twice (in any form) is refused the second time.
			if (typed.has(parsed.value.key)) {
				return {
					input,
					verdict: 'error',
					text: t(lang, 'ui.key.repeated', {key: parsed.value.key}),
				};
			}
			typed.add(parsed.value.key);
			if (known.has(parsed.value.key)) {
				return {
					input,
					verdict: 'error',
					text: t(lang, 'ui.key.present', {key: parsed.value.key}),
				};
			}
			return {
				input,
				verdict: 'ok',
				text: t(lang, 'ui.key.ok', {
					key: parsed.value.key,
					kind: t(lang, `key-kind.${parsed.value.kind}`),
				}),
			};
		}
		const symbols = [...normalizeKey(input)];
		switch (parsed.error.code) {
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
				return {input, verdict: 'error', text: parsed.error.message};
		}
	});
}
