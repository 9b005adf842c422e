import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {
	BANNER_ORDER,
	type BannerId,
	LOG_CODES,
	type LogCode,
	type LogEntry,
	type LogParams,
} from '../source/engine/types.js';
import {
	bannerHasDays,
	bannerText,
	detectLang,
	format,
	formatLogEntry,
	formatLogMessage,
	formatRefusal,
	formatStep,
	LANGS,
	type Lang,
	type MessageId,
	messages,
	parseLang,
	placeholders,
	t,
} from '../source/i18n/index.js';

/** SPEC §2 "Banners", copied verbatim from /work/shared/SPEC.md. */
const EXPECTED_BANNERS: Record<BannerId, Record<Lang, string>> = {
	'subscription-expiring': {
		fr: 'Votre abonnement va bientôt expirer, tous les services seront interrompus dans {days} jour(s). Veuillez prolonger votre abonnement',
		en: 'Your subscription will expire soon, all services will be interrupted in {days} day(s). Please extend your subscription',
	},
	'license-problem': {
		fr: "MyQ ne fonctionne pas : Il y a un problème avec votre licence. Vérifiez les détails sur la page 'Réglages > Licence'.",
		en: "MyQ is not working: There is a problem with your license. Check the details on the 'Settings > License' page.",
	},
	'server-unreachable': {
		fr: "Le serveur MyQ ne peut pas se connecter au serveur de licences, l'abonnement ne peut pas être prolongé et tous les services s'arrêteront dans {days} jours. Vérifier la connexion internet et essayer de se connecter manuellement",
		en: 'The MyQ server cannot connect to the license server, the subscription cannot be extended and all services will stop in {days} days. Check the internet connection and try to connect manually',
	},
	'server-stopped': {
		fr: "Le serveur a cessé de fonctionner, car il ne peut pas atteindre le serveur de licences pour mettre à jour l'abonnement. Vérifiez la connexion internet et essayez de vous connecter manuellement..",
		en: 'The server has stopped working because it cannot reach the license server to update the subscription. Check the internet connection and try to connect manually.',
	},
	'hardware-changed': {
		fr: "La configuration matérielle du serveur a changé. Réactivez vos licences, sinon tous les services s'arrêteront dans {days} jour(s). Voir la page 'Réglages > Licence'.",
		en: "The server's hardware configuration has changed. Reactivate your licenses, or all services will stop in {days} day(s). See the 'Settings > License' page.",
	},
	'clock-tampered': {
		fr: "L'horloge du serveur a été reculée. Connectez-vous au serveur de licences pour confirmer l'heure.",
		en: 'The server clock was set back. Connect to the license server to confirm the time.',
	},
};

/**
 * The normative texts: shared/SPEC.md and the seed beside the checkout when they are there (as
 * in CI), else the copies committed under fixtures/seed (so this never depends on the layout).
 */
function source(shared: string, copy: string): string {
	const beside = fileURLToPath(
		new URL(`../../shared/${shared}`, import.meta.url),
	);
	return existsSync(beside)
		? beside
		: fileURLToPath(new URL(`../fixtures/seed/${copy}`, import.meta.url));
}
const SPEC_PATH = source('SPEC.md', 'SPEC.md');
const SEED_PATH = source(
	'seed/ajout-de-licences.fr.txt',
	'ajout-de-licences.fr.txt',
);

/** Reads the `| id | fr | en |` rows of the "### Banners" table of the SPEC. */
function parseSpecBanners(
	markdown: string,
): Map<string, {fr: string; en: string}> {
	const section =
		markdown.split(/^### Banners$/m)[1]?.split(/^#{2,3} /m)[0] ?? '';
	const rows = new Map<string, {fr: string; en: string}>();
	for (const line of section.split('\n')) {
		const match = /^\|\s*`([a-z-]+)`\s*\|(.*)\|(.*)\|\s*$/.exec(line);
		if (match) {
			rows.set(match[1] ?? '', {
				fr: (match[2] ?? '').trim(),
				en: (match[3] ?? '').trim(),
			});
		}
	}

	return rows;
}

describe('SPEC §2 banners', () => {
	for (const id of BANNER_ORDER) {
		for (const lang of LANGS) {
			it(`${id} (${lang}) is the SPEC text, byte for byte`, () => {
				expect(bannerText(id, lang)).toBe(EXPECTED_BANNERS[id][lang]);
			});
		}
	}

	it('every banner matches the table in SPEC.md', () => {
		const table = parseSpecBanners(readFileSync(SPEC_PATH, 'utf8'));
		// Guards against a parser that silently finds nothing.
		expect([...table.keys()].sort()).toEqual([...BANNER_ORDER].sort());
		for (const [id, texts] of table) {
			const bannerId = id as BannerId;
			expect(bannerText(bannerId, 'fr'), `${id} fr`).toBe(texts.fr);
			expect(bannerText(bannerId, 'en'), `${id} en`).toBe(texts.en);
			expect(EXPECTED_BANNERS[bannerId], `${id} hard-coded table`).toEqual(
				texts,
			);
		}
	});

	it('the French banners the seed quotes appear in it verbatim', () => {
		const seed = readFileSync(SEED_PATH, 'utf8');
		expect(seed).toContain(bannerText('subscription-expiring', 'fr', 10));
		expect(seed).toContain(bannerText('license-problem', 'fr'));
		expect(seed).toContain(bannerText('server-stopped', 'fr'));
		// The seed writes the count as X.
		expect(seed).toContain(
			EXPECTED_BANNERS['server-unreachable'].fr.replace('{days}', 'X'),
		);
	});

	it('replaces {days} with the number', () => {
		expect(bannerText('subscription-expiring', 'fr', 10)).toBe(
			'Votre abonnement va bientôt expirer, tous les services seront interrompus dans 10 jour(s). Veuillez prolonger votre abonnement',
		);
		expect(bannerText('subscription-expiring', 'en', 1)).toBe(
			'Your subscription will expire soon, all services will be interrupted in 1 day(s). Please extend your subscription',
		);
		expect(bannerText('server-unreachable', 'en', 13)).toContain(
			'all services will stop in 13 days.',
		);
		expect(bannerText('hardware-changed', 'fr', 7)).toContain(
			"s'arrêteront dans 7 jour(s).",
		);
		expect(bannerText('hardware-changed', 'en', 0)).toContain(
			'stop in 0 day(s).',
		);
	});

	it('leaves banners without a count unchanged when given days', () => {
		expect(bannerText('license-problem', 'en', 5)).toBe(
			EXPECTED_BANNERS['license-problem'].en,
		);
		expect(bannerText('clock-tampered', 'fr', 5)).toBe(
			EXPECTED_BANNERS['clock-tampered'].fr,
		);
	});

	it('tells which banners carry a count', () => {
		const counting = BANNER_ORDER.filter((id) => bannerHasDays(id));
		expect(counting.sort()).toEqual([
			'hardware-changed',
			'server-unreachable',
			'subscription-expiring',
		]);
	});
});

describe('SPEC §6 language detection', () => {
	it.each([
		[{}, 'en'],
		[{LANG: 'fr_FR.UTF-8'}, 'fr'],
		[{LANG: 'fr'}, 'fr'],
		[{LANG: 'FR_ca'}, 'fr'],
		[{LANG: 'en_US.UTF-8'}, 'en'],
		[{LANG: 'de_DE.UTF-8'}, 'en'],
		[{LANG: 'C'}, 'en'],
		[{LC_MESSAGES: 'fr_BE.UTF-8', LANG: 'en_US.UTF-8'}, 'fr'],
		[{LC_ALL: 'en_GB.UTF-8', LC_MESSAGES: 'fr_FR', LANG: 'fr_FR'}, 'en'],
		[{LC_ALL: 'fr_FR.UTF-8', LANG: 'en_US'}, 'fr'],
		// Empty values do not count: the next variable decides.
		[{LC_ALL: '', LC_MESSAGES: '', LANG: 'fr_FR.UTF-8'}, 'fr'],
		[{LC_ALL: '  ', LANG: 'fr_FR.UTF-8'}, 'fr'],
		[{LC_ALL: undefined, LC_MESSAGES: 'fr_CH'}, 'fr'],
		// The first non-empty one decides, even when it is not French.
		[{LC_ALL: 'C', LANG: 'fr_FR.UTF-8'}, 'en'],
		// 'french' starts with 'fr' too, and is a real locale alias on some systems.
		[{LANG: 'french'}, 'fr'],
	] as [Record<string, string | undefined>, Lang][])(
		'%j -> %s',
		(env, expected) => {
			expect(detectLang(env)).toBe(expected);
		},
	);

	it('parses --lang values', () => {
		expect(parseLang('fr')).toBe('fr');
		expect(parseLang(' EN ')).toBe('en');
		expect(parseLang('fr_FR.UTF-8')).toBe('fr');
		expect(parseLang('de')).toBeUndefined();
		expect(parseLang('')).toBeUndefined();
	});
});

describe('message catalog', () => {
	const ids = Object.keys(messages.en) as MessageId[];

	it('has the same ids in both languages', () => {
		expect(Object.keys(messages.fr).sort()).toEqual([...ids].sort());
	});

	it.each(ids)(
		'%s has the same placeholders in fr and en, and no empty text',
		(id) => {
			expect(messages.en[id].trim()).not.toBe('');
			expect(messages.fr[id].trim()).not.toBe('');
			expect(placeholders(messages.fr[id])).toEqual(
				placeholders(messages.en[id]),
			);
		},
	);

	it('holds the messages the product needs', () => {
		const required: MessageId[] = [
			'status.pending',
			'status.active',
			'status.hardware-grace',
			'status.offline-grace',
			'status.expired',
			'status.invalid',
			'state.unlicensed',
			'state.running',
			'state.warning',
			'state.stopped',
			'kind.perpetual',
			'kind.subscription',
			'kind.installation',
			'field.company',
			'field.person',
			'field.address',
			'field.country',
			'field.email',
			'field.phone',
			'key.malformed',
			'key.duplicate',
			'key.already-present',
			'activation.activated',
			'activation.offline',
			'manual.wrong-fingerprint',
			'manual.other-request',
			'manual.altered',
			'manual.outdated',
			'device.refused',
			'contact.succeeded',
			'contact.failed',
			'clock.tampered',
			'document.rejected',
		];
		for (const id of required) {
			expect(ids, id).toContain(id);
		}
	});

	it("uses MyQ's French vocabulary", () => {
		expect(t('fr', 'field.company')).toBe('Entreprise');
		expect(t('fr', 'field.person')).toBe('Personne');
		expect(t('fr', 'field.address')).toBe('Adresse');
		expect(t('fr', 'field.country')).toBe('Pays');
		expect(t('fr', 'field.email')).toBe('Courriel');
		expect(t('fr', 'field.phone')).toBe('Téléphone');
		expect(t('fr', 'ui.save')).toBe('Enregistrer');
		expect(t('fr', 'ui.activate')).toBe('Activer');
		expect(t('fr', 'ui.license')).toBe('Licence');
		expect(t('fr', 'ui.settings-license')).toBe('Réglages > Licence');
	});

	it('writes apostrophes as plain ASCII, like the seed', () => {
		for (const lang of LANGS) {
			for (const id of ids) {
				expect(messages[lang][id], `${lang} ${id}`).not.toMatch(
					/[\u2018\u2019]/,
				);
			}
		}
	});

	it('fills placeholders and names the key in key errors', () => {
		expect(t('en', 'key.malformed', {key: 'ABCDE-1'})).toContain('"ABCDE-1"');
		expect(t('fr', 'key.already-present', {key: 'ABCDE-12345'})).toContain(
			'« ABCDE-12345 »',
		);
		expect(t('en', 'activation.activated', {count: 3})).toBe(
			'Activated 3 license(s).',
		);
		expect(t('fr', 'activation.activated', {count: 3})).toBe(
			'3 licence(s) activée(s).',
		);
		expect(t('en', 'device.refused', {capacity: 16, count: 16})).toContain(
			'capacity 16 reached: 16 devices are activated',
		);
		expect(t('fr', 'device.refused', {capacity: 16, count: 16})).toContain(
			'capacité de 16 atteinte : 16 appareils sont activés',
		);
		expect(t('en', 'activation.offline')).toMatch(
			/manual activation.*export a request file/,
		);
	});

	it('leaves a placeholder visible when its value is missing', () => {
		expect(format('{count} of {capacity}', {count: 2})).toBe('2 of {capacity}');
		expect(t('en', 'device.refused')).toContain('{capacity}');
	});
});

/** One entry of each code, with the params the engine gives it (source/engine/step.ts). */
const SAMPLE_LOG: Record<LogCode, LogParams> = {
	started: {},
	'customer-saved': {company: 'Acme'},
	'key-added': {keyKind: 'installation', key: 'N1234'},
	'key-refused': {key: 'N1234', keyRefusal: 'bad-checksum', message: 'typo'},
	'license-activated': {id: 'N1234/1', kind: 'subscription', devices: 10},
	'activation-refused': {
		key: 'K1',
		refusal: 'unknown-key',
		message: 'The key K1 is not known.',
	},
	'activation-failed': {failure: 'network', message: 'ECONNREFUSED'},
	'contact-restored': {since: '2027-01-21T09:00:00.000Z'},
	'contact-refused': {
		refusal: 'revoked',
		code: 'revoked',
		message: 'The license was revoked.',
	},
	'contact-failed': {failure: 'timeout', message: 'no answer within 10 s'},
	'license-replaced': {},
	'license-extended': {id: 'N1234/1', date: '2028-01-04T09:00:00.000Z'},
	'license-renewal-on': {id: 'L5'},
	'license-renewal-off': {id: 'L5'},
	'license-expired': {id: 'L5', reason: 'not-renewed'},
	'license-revoked': {id: 'L5'},
	'hardware-changed': {days: 7},
	'hardware-restored': {},
	reactivated: {},
	'device-activated': {id: 'd1', count: 1, capacity: 16},
	'device-refused': {id: 'd17', capacity: 16, count: 16},
	'device-deactivated': {id: 'd1'},
	'clock-tampered': {amount: 3, unit: 'days'},
	'clock-confirmed': {},
	'clock-still-behind': {amount: 2, unit: 'hours'},
	'document-rejected': {
		source: 'stored-document',
		message: 'the signature does not match',
	},
	'manual-request-exported': {requestId: 'r-1'},
	'manual-response-refused': {message: 'another request'},
	'vendor-key-pinned': {key: 'MCowBQ'},
	'state-changed': {from: 'running', to: 'warning'},
	'state-stopped': {
		from: 'warning',
		to: 'stopped',
		stopReason: 'license-problem',
	},
};

describe('log entries are codes, said in fr or en by one formatter (STYLE 11)', () => {
	it.each(LOG_CODES)(
		'%s has a message in both catalogs with the same placeholders',
		(code) => {
			const id = `log.${code}` as MessageId;
			expect(messages.en[id], `en ${id}`).toBeDefined();
			expect(messages.fr[id], `fr ${id}`).toBeDefined();
			expect(placeholders(messages.fr[id])).toEqual(
				placeholders(messages.en[id]),
			);
		},
	);

	it.each(LOG_CODES)(
		'%s is filled in both languages: no placeholder left, no id shown raw',
		(code) => {
			const params = SAMPLE_LOG[code];
			for (const lang of LANGS) {
				const text = formatLogMessage(lang, code, params);
				expect(text, `${lang} ${code}`).not.toMatch(/\{\w+\}/);
				for (const name of ['kind', 'reason', 'from', 'to', 'stopReason']) {
					const value = params[name];
					if (typeof value === 'string') {
						expect(text, `${lang} ${code} ${name}`).not.toContain(value);
					}
				}
			}
		},
	);

	it('says states, statuses, kinds and reasons in French', () => {
		const fr = (code: LogCode) =>
			formatLogMessage('fr', code, SAMPLE_LOG[code]);
		expect(fr('state-changed')).toBe('En fonctionnement → Avertissement');
		expect(fr('state-stopped')).toBe(
			'Avertissement → Arrêté (problème de licence)',
		);
		expect(fr('started')).toBe('serveur MyQ démarré');
		expect(fr('key-added')).toBe(
			"Clé d'installation N1234 ajoutée, en attente d'activation",
		);
		expect(fr('license-activated')).toBe(
			'N1234/1 : Abonnement, 10 appareil(s)',
		);
		expect(fr('license-expired')).toBe('L5 expirée (non renouvelée)');
		expect(fr('contact-failed')).toBe(
			"le serveur de licences n'a pas pu être joint : pas de réponse dans le délai d'attente",
		);
		expect(fr('contact-refused')).toBe(
			"le serveur de licences a refusé : licence révoquée par l'éditeur (revoked)",
		);
		expect(fr('clock-tampered')).toBe("l'horloge a reculé de 3 jours");
		expect(fr('document-rejected')).toBe(
			'document enregistré rejeté : the signature does not match',
		);
	});

	it('keeps the English texts the engine wrote before codes', () => {
		const en = (code: LogCode) =>
			formatLogMessage('en', code, SAMPLE_LOG[code]);
		expect(en('started')).toBe('server started');
		expect(en('hardware-changed')).toBe(
			'the hardware changed: reactivate within 7 days',
		);
		expect(en('document-rejected')).toBe(
			'stored document rejected: the signature does not match',
		);
		expect(en('device-refused')).toBe(
			'device d17 refused: capacity is 16 and 16 devices are activated',
		);
	});

	it("says a refusal code or failure kind it does not know in the source's words", () => {
		for (const lang of LANGS) {
			expect(
				formatLogMessage(lang, 'contact-refused', {
					refusal: 'brand-new-code',
					code: 'brand-new-code',
					message: 'Something new.',
				}),
			).toContain('Something new. (brand-new-code)');
		}
	});

	it("says a key refused at Activate in French, a code it does not know in the server's words", () => {
		expect(formatRefusal('fr', 'key-bound-elsewhere', 'Bound elsewhere.')).toBe(
			'clé déjà liée à une autre installation',
		);
		expect(formatRefusal('fr', 'brand-new-code', 'Something new.')).toBe(
			'Something new.',
		);
	});

	it('shows a code it does not know with its values, rather than nothing', () => {
		expect(formatLogMessage('fr', 'from-a-newer-version', {id: 'L5'})).toBe(
			'log.from-a-newer-version L5',
		);
	});

	it('shows an entry stored before codes as it was, control characters made visible', () => {
		const old: LogEntry = {
			at: 0,
			type: 'started',
			detail: 'server started\u001b[2J',
		};
		for (const lang of LANGS) {
			expect(formatLogEntry(old, lang)).toBe('server startedU+001B[2J');
		}
	});

	it('makes control characters visible in values too', () => {
		expect(
			formatLogMessage('en', 'customer-saved', {company: 'Acme\u0007'}),
		).toBe('customer saved: AcmeU+0007');
	});
});

describe('scenario steps as the demo names them', () => {
	it('in the language of the dashboard', () => {
		const step = {
			day: 20,
			hours: 6,
			what: {id: 'step.network-offline'},
		};
		// Issue 13, point 5: what the step will do, in words.
		expect(formatStep(step, 'en')).toBe(
			'day 20 +6h: cut the network (offline)',
		);
		expect(formatStep(step, 'fr')).toBe(
			'jour 20 +6 h : couper le réseau (hors ligne)',
		);
		expect(
			formatStep(
				{
					day: 28,
					what: {id: 'step.vendor-extend', params: {key: 'INST/1', days: 365}},
				},
				'fr',
			),
		).toBe("jour 28 : l'éditeur prolonge INST/1 de 365 jours");
		expect(
			formatStep(
				{day: 53, what: {id: 'step.clock-back', params: {minutes: 61}}},
				'en',
			),
		).toBe('day 53: set the server clock back 61 min');
	});
});
