import type {BannerId} from '../engine/types.js';
import type {Lang} from './lang.js';

/**
 * SPEC §2 "Banners", byte for byte. The French texts are the seed's verbatim, its punctuation
 * included (the space before ':' and the double period of `server-stopped`), so the screens match
 * the documentation customers read. Do not "fix" them.
 */
export const bannerTemplates: Record<Lang, Record<BannerId, string>> = {
	fr: {
		'subscription-expiring':
			'Votre abonnement va bientôt expirer, tous les services seront interrompus dans {days} jour(s). Veuillez prolonger votre abonnement',
		'license-problem':
			"MyQ ne fonctionne pas : Il y a un problème avec votre licence. Vérifiez les détails sur la page 'Réglages > Licence'.",
		'server-unreachable':
			"Le serveur MyQ ne peut pas se connecter au serveur de licences, l'abonnement ne peut pas être prolongé et tous les services s'arrêteront dans {days} jours. Vérifier la connexion internet et essayer de se connecter manuellement",
		'server-stopped':
			"Le serveur a cessé de fonctionner, car il ne peut pas atteindre le serveur de licences pour mettre à jour l'abonnement. Vérifiez la connexion internet et essayez de vous connecter manuellement..",
		'hardware-changed':
			"La configuration matérielle du serveur a changé. Réactivez vos licences, sinon tous les services s'arrêteront dans {days} jour(s). Voir la page 'Réglages > Licence'.",
		'clock-tampered':
			"L'horloge du serveur a été reculée. Connectez-vous au serveur de licences pour confirmer l'heure.",
	},
	en: {
		'subscription-expiring':
			'Your subscription will expire soon, all services will be interrupted in {days} day(s). Please extend your subscription',
		'license-problem':
			"MyQ is not working: There is a problem with your license. Check the details on the 'Settings > License' page.",
		'server-unreachable':
			'The MyQ server cannot connect to the license server, the subscription cannot be extended and all services will stop in {days} days. Check the internet connection and try to connect manually',
		'server-stopped':
			'The server has stopped working because it cannot reach the license server to update the subscription. Check the internet connection and try to connect manually.',
		'hardware-changed':
			"The server's hardware configuration has changed. Reactivate your licenses, or all services will stop in {days} day(s). See the 'Settings > License' page.",
		'clock-tampered':
			'The server clock was set back. Connect to the license server to confirm the time.',
	},
};

/** True for the banners whose text carries a `{days}` count. */
export function bannerHasDays(id: BannerId): boolean {
	return bannerTemplates.en[id].includes('{days}');
}

/**
 * The text of a banner in a language, `{days}` replaced. When a counting banner is asked for
 * without `days`, the template is returned untouched: a visible `{days}` is easier to trace
 * than a made-up number.
 * @example
 * bannerText('subscription-expiring', 'en', 10);
 * // 'Your subscription will expire soon, all services will be interrupted in 10 day(s). Please extend your subscription'
 */
export function bannerText(id: BannerId, lang: Lang, days?: number): string {
	const template = bannerTemplates[lang][id];
	return days === undefined
		? template
		: template.replaceAll('{days}', String(days));
}
