/**
 * Runtime outcomes are data until the edge (STYLE 11): every code has its text in French and
 * English, and the one renderer fills nested messages and further sentences.
 */
import {describe, expect, it} from 'vitest';
import {LANGS, messages} from '../source/i18n/index.js';
import {renderOutcome} from '../source/i18n/outcome.js';
import {clause, failed, serverRefusal} from '../source/runtime/outcome.js';

describe('runtime outcomes in both languages', () => {
	it('every outcome.* text exists in fr and en', () => {
		const ids = Object.keys(messages.en).filter((id) =>
			id.startsWith('outcome.'),
		);
		expect(ids.length).toBeGreaterThan(30);
		for (const lang of LANGS) {
			for (const id of ids) {
				expect(
					messages[lang][id as keyof typeof messages.en],
					`${lang} ${id}`,
				).toBeTruthy();
			}
		}
	});

	it('offline-message-without-doubled-full-stop: a failure message inside parentheses loses its own', () => {
		const offline = failed('offline', {
			cause: {
				code: 'cause-unreachable',
				params: {
					reason: clause(
						'The license server at http://x cannot be reached: fetch failed.',
					),
				},
			},
		});
		const text = renderOutcome('en', offline);
		expect(text).toBe(
			'Activation failed: the license server could not be reached (The license server at http://x cannot be reached: fetch failed). The keys stay pending. Without network, use manual activation: export a request file, take it to the vendor portal, and import the response.',
		);
		expect(text).not.toMatch(/\.\)\./);
		expect(renderOutcome('fr', offline)).toMatch(
			/^Échec de l'activation : le serveur de licences est injoignable \(.*fetch failed\)\. Les clés restent en attente\./,
		);
	});

	it('a refusal the license server names keeps its code, and is said with our text', () => {
		const refusal = serverRefusal(
			'activation-refused',
			'rate-limited',
			'Try again later.',
		);
		expect(refusal.code).toBe('rate-limited');
		expect(renderOutcome('en', refusal)).toBe(
			'The license server refused the activation: Try again later.',
		);
		expect(renderOutcome('fr', refusal)).toBe(
			"Le serveur de licences a refusé l'activation : Try again later.",
		);
	});

	it('further sentences follow the first', () => {
		expect(
			renderOutcome('en', {
				ok: true,
				code: 'customer-saved',
				params: {},
				details: [{code: 'keys-added', params: {count: 2}}],
			}),
		).toBe('Customer saved. 2 key(s) added, pending activation.');
	});
});
