import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {BANNER_ORDER, type BannerId} from '../source/engine/types.js';
import {
	bannerHasDays,
	bannerText,
	detectLang,
	format,
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
