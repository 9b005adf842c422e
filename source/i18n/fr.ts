import type {MessageId} from './en.js';

/**
 * French messages, in MyQ's French vocabulary (Entreprise, Personne, Adresse, Pays, Courriel,
 * Téléphone, Enregistrer, Activer, Licence, Réglages > Licence). Same keys and placeholders as
 * `en.ts`. Apostrophes are plain ASCII, as in the seed's banners.
 */
export const fr: Record<MessageId, string> = {
	'status.pending': 'En attente',
	'status.active': 'Active',
	'status.hardware-grace': 'Délai de grâce (matériel)',
	'status.offline-grace': 'Délai de grâce (hors ligne)',
	'status.expired': 'Expirée',
	'status.invalid': 'Invalide',

	'state.unlicensed': 'Sans licence',
	'state.running': 'En fonctionnement',
	'state.warning': 'Avertissement',
	'state.stopped': 'Arrêté',

	'kind.perpetual': 'Perpétuelle',
	'kind.subscription': 'Abonnement',
	'kind.installation': 'Installation',
	'key-kind.installation': "Clé d'installation",
	'key-kind.license': 'Clé de licence',

	'field.company': 'Entreprise',
	'field.person': 'Personne',
	'field.address': 'Adresse',
	'field.country': 'Pays',
	'field.email': 'Courriel',
	'field.phone': 'Téléphone',
	'field.company.hint': "Nom de l'entreprise",
	'field.person.hint':
		"Votre nom complet (par exemple, le nom de l'administrateur de MyQ)",
	'field.address.hint': "Adresse de l'entreprise",
	'field.country.hint': 'Sélectionnez le pays dans la liste déroulante',
	'field.email.hint': 'Votre adresse électronique',
	'field.phone.hint': 'Votre numéro de téléphone (facultatif)',
	'field.optional': 'facultatif',

	'customer.company.required':
		"Entreprise : ce champ est obligatoire. Saisissez le nom de l'entreprise.",
	'customer.person.required':
		'Personne : ce champ est obligatoire. Saisissez votre nom complet (prénom et nom).',
	'customer.person.invalid':
		"Personne : « {value} » n'est pas un nom complet. Saisissez un prénom et un nom, par exemple Jeanne Dupont.",
	'customer.address.required':
		"Adresse : ce champ est obligatoire. Saisissez l'adresse de l'entreprise.",
	'customer.country.required':
		'Pays : ce champ est obligatoire. Sélectionnez le pays dans la liste.',
	'customer.country.invalid':
		"Pays : « {value} » n'est pas un pays connu. Sélectionnez-le dans la liste (un nom, ou un code ISO comme FR).",
	'customer.email.required':
		'Courriel : ce champ est obligatoire. Saisissez votre adresse électronique.',
	'customer.email.invalid':
		"Courriel : « {value} » n'est pas une adresse valide. Format attendu : nom@exemple.com, sans espaces.",
	'customer.phone.invalid':
		"Téléphone : « {value} » n'est pas un numéro valide. Utilisez uniquement des chiffres, des espaces et + - ( ) . (au moins 3 chiffres), ou laissez le champ vide.",
	'customer.invalid':
		'Le formulaire client contient {count} erreur(s) : corrigez-les, puis enregistrez à nouveau.',
	'customer.saved': 'Client enregistré : {company}.',
	'customer.missing':
		"Remplissez le formulaire client (Entreprise, Personne, Adresse, Pays, Courriel) et enregistrez-le avant d'ajouter des clés.",

	'key.malformed':
		'La clé « {key} » est mal formée : une clé compte 25 symboles en cinq groupes (XXXXX-XXXXX-XXXXX-XXXXX-XXXXX). Comparez-la à la clé que vous avez reçue.',
	'key.bad-checksum':
		'La clé « {key} » ne passe pas le contrôle : un symbole est mal saisi ou deux sont inversés. Comparez-la à la clé que vous avez reçue.',
	'key.duplicate':
		'La clé « {key} » a été saisie plusieurs fois : elle est ajoutée une seule fois.',
	'key.already-present':
		"La clé « {key} » figure déjà dans le tableau des licences : elle n'a pas été ajoutée à nouveau.",
	'key.added': "Clé {key} ajoutée, en attente d'activation.",
	'key.added-count':
		"{count} clé(s) ajoutée(s), en attente d'activation. Cliquez sur Activer pour les activer.",
	'key.none':
		'Aucune clé saisie : saisissez une ou plusieurs clés, séparées par des espaces, des virgules ou des retours à la ligne.',
	'key.expected-license':
		"La clé « {key} » est une clé d'installation, mais une clé de licence est attendue ici.",
	'key.expected-installation':
		"La clé « {key} » est une clé de licence, mais une clé d'installation est attendue ici.",

	'activation.activated': '{count} licence(s) activée(s).',
	'activation.nothing':
		"Rien à activer : ajoutez d'abord une clé, puis cliquez sur Activer.",
	'activation.offline':
		"Hors ligne : le serveur de licences est injoignable, les clés restent en attente. Utilisez l'activation manuelle : exportez un fichier de demande, faites-le traiter sur le portail de licences MyQ, puis importez le fichier de réponse.",
	'activation.failed':
		"Échec de l'activation : {reason}. Les clés restent en attente : réessayez, ou utilisez l'activation manuelle.",
	'activation.refused':
		'La clé « {key} » a été refusée par le serveur de licences : {reason}',
	'activation.reactivated':
		'Licences réactivées sur le matériel de ce serveur.',

	'manual.request-exported':
		"Demande d'activation enregistrée dans {path}. Faites-la traiter sur le portail de licences MyQ, puis importez le fichier de réponse.",
	'manual.no-request':
		"Aucune demande d'activation n'attend de réponse : exportez d'abord un fichier de demande.",
	'manual.wrong-fingerprint':
		"Ce fichier de réponse a été établi pour un autre serveur (empreinte {fingerprint}, ce serveur est {expected}). Rien n'a été modifié : exportez une nouvelle demande depuis ce serveur.",
	'manual.other-request':
		"Ce fichier de réponse répond à une autre demande ({requestId}, la demande en attente est {expected}). Rien n'a été modifié : importez la réponse à la dernière demande, ou exportez-en une nouvelle.",
	'manual.altered':
		"Ce fichier de réponse a été modifié ou endommagé : sa signature ne correspond pas. Rien n'a été modifié : récupérez à nouveau le fichier sur le portail.",
	'manual.outdated':
		"Ce fichier de réponse est périmé : une activation plus récente est déjà en place. Rien n'a été modifié.",
	'manual.unreadable':
		"{path} n'est pas un fichier de réponse d'activation ({reason}). Rien n'a été modifié.",

	'device.activated': 'Appareil {id} activé ({count} sur {capacity}).',
	'device.refused':
		"Appareil refusé : capacité de {capacity} atteinte : {count} appareils sont activés. Ajoutez une licence pour activer davantage d'appareils.",
	'device.deactivated': 'Appareil {id} désactivé.',
	'device.unlicensed':
		'{count} appareil(s) sans licence : la capacité est tombée à {capacity}. Ils retrouvent leur licence lorsque la capacité revient.',
	'device.relicensed': '{count} appareil(s) de nouveau sous licence.',

	'contact.succeeded':
		'Connexion au serveur de licences réussie : les licences sont à jour.',
	'contact.failed':
		'Impossible de se connecter au serveur de licences : {reason}. Vérifiez la connexion internet et essayez Se connecter maintenant.',
	'contact.refused': 'Le serveur de licences a refusé : {reason}',

	'clock.tampered':
		"L'horloge du serveur a reculé de {from} à {to} : les abonnements ne comptent plus tant qu'une connexion au serveur de licences n'a pas confirmé l'heure.",
	'clock.confirmed': "Le serveur de licences a confirmé l'heure.",

	'hardware.changed':
		"L'empreinte matérielle a changé ({fingerprint}) : réactivez les licences dans les {days} jour(s).",
	'hardware.restored':
		"Le matériel d'origine est de retour : les licences sont de nouveau valides.",

	'document.rejected':
		"Un document de licence a été rejeté : {reason}. Rien n'a été supprimé : activez à nouveau, ou contactez le support MyQ.",

	'ui.home': 'Accueil',
	'ui.settings-license': 'Réglages > Licence',
	'ui.license': 'Licence',
	'ui.licenses': 'Licences',
	'ui.customer': 'Client',
	'ui.events': 'Événements',
	'ui.enter-license': 'Saisir la licence',
	'ui.key-field': "Saisir la clé d'installation",
	'ui.save': 'Enregistrer',
	'ui.activate': 'Activer',
	'ui.connect-now': 'Se connecter maintenant',
	'ui.manual-activation': 'Activation manuelle',
	'ui.export-request': 'Exporter le fichier de demande',
	'ui.import-response': 'Importer le fichier de réponse',
	'ui.column.key': 'Clé',
	'ui.column.kind': 'Type',
	'ui.column.devices': 'Appareils',
	'ui.column.status': 'Statut',
	'ui.column.expires': 'Expiration',
	'ui.column.renews': 'Renouvellement',
	'ui.capacity':
		"Capacité : {capacity} appareil(s) d'impression, {count} activé(s)",
	'ui.expires-on': 'Expire le {date}',
	'ui.renews-on': 'Renouvellement automatique le {date}',
	'ui.never': 'Jamais',
	'ui.no-licenses': 'Aucune licence pour le moment.',
	'ui.search-country': 'Tapez pour rechercher un pays',
	'ui.no-country-found': 'Aucun pays ne correspond à « {query} ».',
};
