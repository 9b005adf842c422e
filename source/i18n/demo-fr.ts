/**
 * Les mots de la démo (issue 13), en français : mêmes identifiants que `demo-en.ts`, repris dans
 * le catalogue français (`fr.ts`). Apostrophes en ASCII, comme le reste du catalogue.
 */
import type {demoEn} from './demo-en.js';

export const demoFr: Record<keyof typeof demoEn, string> = {
	// Listes de choix (Ctrl+K, T, v, o)
	'ui.demo.pick.key':
		"Coller quelle clé de démo ? Une clé d'installation par serveur : o rouvre la démo pour une autre.",
	'ui.demo.pick.network':
		'Le réseau entre ce serveur et le serveur de licences (maintenant : {state}) :',
	'ui.demo.network-choice.online': 'en ligne : le serveur de licences répond',
	'ui.demo.network-choice.offline': 'hors ligne : aucune réponse',
	'ui.demo.network-choice.error': 'erreurs serveur : il répond 500',
	'ui.demo.network-choice.slow':
		"lent : la réponse arrive après l'abandon du client",
	'ui.demo.network-choice.garbage':
		'illisible : réponses illisibles ou mal signées',
	// Une licence en peu de mots, quand la ligne d'une liste n'a pas la place de la dire entière
	'ui.demo.license-short.subscription': '{devices} app., {days} jours',
	'ui.demo.license-short.subscription-renews':
		'{devices} app., {days} jours, renouv. auto',
	'ui.demo.license-short.perpetual': '{devices} app., perpétuelle',
	'ui.demo.pick.target': "L'éditeur agit sur quelle clé ou licence ?",
	'ui.demo.target.whole-key': 'la clé entière : tous ses abonnements',
	'ui.demo.target.elsewhere': 'pas sur ce serveur',
	'ui.demo.pick.action': "Que fait l'éditeur de {target} ?",
	'ui.demo.vendor-choice.extend': "La prolonger d'un nombre de jours…",
	'ui.demo.vendor-choice.cancel-renewal':
		'Annuler son renouvellement automatique',
	'ui.demo.vendor-choice.revoke': 'La révoquer : elle prend fin aussitôt',
	'ui.demo.pick.scenario':
		'Ouvrir quel scénario ? Il part du jour 0 ; ce qui a été fait ici est oublié.',
	'ui.demo.scenario-open': 'ouvert',
	'ui.demo.scenario-name.demo': 'bandeaux et arrêts',
	'ui.demo.scenario-title.demo':
		'La démo : chaque bandeau, chaque arrêt (clés SUB, MIX, MULTI)',
	'ui.demo.scenario-title.expiry': 'Formation : un abonnement expire',
	'ui.demo.scenario-title.outage':
		'Formation : le serveur de licences injoignable',
	'ui.demo.scenario-title.hardware-change': 'Formation : nouveau matériel',
	'ui.demo.scenario-title.manual-activation': 'Formation : activation manuelle',
	'ui.demo.scenario-title.clock-rollback': "Formation : l'horloge reculée",

	// Saisies (b, et la prolongation de l'éditeur)
	'ui.demo.prompt.clock':
		"Reculer l'horloge de (61m, 2h ; +1h l'avance ; 0 la remet à l'heure) :",
	'ui.demo.prompt.extend': 'Prolonger {target} de combien de jours ?',
	'ui.demo.prompt.clock-invalid':
		"Tapez des minutes (61), ou 61m, 2h, 1j ; +1h l'avance ; 0 la remet à l'heure.",
	'ui.demo.prompt.days-invalid':
		'Tapez un nombre entier de jours, de 1 à 3650.',
	'ui.demo.mode.clock': 'horloge',
	'ui.demo.mode.days': 'jours',

	// La barre de simulation
	'ui.demo.clock-behind': 'horloge −{minutes} min',
	'ui.demo.clock-ahead': 'horloge +{minutes} min',
	'ui.demo.next-step': 'c ▸ étape {done}/{total}, {step}',
	'ui.demo.next-step-late': 'c ▸ étape {done}/{total}, maintenant : {what}',
	'ui.demo.steps-done':
		'Scénario terminé ({total} étapes) · o en ouvre un autre',
	'ui.demo.no-steps': "Pas d'étapes · o ouvre un scénario de formation",
	'ui.demo.ahead': '{count} enregistrée(s) à venir',

	// Ce qu'a fait une commande (ligne d'état)
	'ui.demo.busy.replay': 'Rejeu depuis le jour 0…',
	'ui.demo.busy.time': 'Le temps avance…',
	'ui.demo.result.next-change':
		'Prochain changement, jour {day} ({date}) : {what}.',
	'ui.demo.result.no-change':
		"Rien de visible n'a changé jusqu'au prochain contact : jour {day} ({date}).",
	'ui.demo.result.nothing-ahead':
		"Rien ne change de soi-même : rien n'est activé. Activez une licence, ou avancez le temps avec h d w m.",
	'ui.demo.result.replayed':
		'Retour au jour {day} ({date}) : rejoué depuis le jour 0, {actions} action(s) enregistrée(s) refaite(s).',
	'ui.demo.result.ahead':
		'{count} action(s) suivante(s) enregistrée(s) : avancer les refait, une nouvelle action les oublie.',
	'ui.demo.result.no-earlier-change':
		"La chronologie ne marque aucun changement avant aujourd'hui.",
	'ui.demo.result.already-there': 'Déjà au jour {day}.',
	'ui.demo.result.past-end':
		'Le jour {day} est après la fin de la chronologie de ce scénario (jour {days}).',
	'ui.demo.result.network': 'Réseau : {what}.',
	'ui.demo.result.clock-back':
		"L'horloge du serveur a reculé de {minutes} min : {now}.",
	'ui.demo.result.clock-forward':
		"L'horloge du serveur a avancé de {minutes} min : {now}.",
	'ui.demo.result.clock-right': "L'horloge du serveur est déjà à l'heure.",
	'ui.demo.clock.behind': "elle retarde de {minutes} min sur l'heure vraie",
	'ui.demo.clock.ahead': "elle avance de {minutes} min sur l'heure vraie",
	'ui.demo.clock.right': "elle est de nouveau à l'heure",
	'ui.demo.result.vendor-extend':
		"L'éditeur a prolongé {target} de {days} jours sur son serveur : le prochain contact (Se connecter maintenant) l'apporte.",
	'ui.demo.result.vendor-cancel-renewal':
		"L'éditeur a annulé le renouvellement automatique de {target} : le prochain contact (Se connecter maintenant) l'apporte.",
	'ui.demo.result.vendor-revoke':
		"L'éditeur a révoqué {target} : le prochain contact (Se connecter maintenant) l'apporte.",
	'ui.demo.vendor-refused.not-a-subscription':
		"L'éditeur ne peut pas {action} {target} : elle est perpétuelle, sans durée.",
	'ui.demo.vendor-refused.revoked':
		"L'éditeur ne peut pas {action} {target} : elle a été révoquée.",
	'ui.demo.vendor-refused.not-activated':
		"L'éditeur ne peut pas {action} {target} : elle n'a jamais été activée, et sa durée part de la première activation.",
	'ui.demo.vendor-verb.extend': 'prolonger',
	'ui.demo.vendor-verb.cancel-renewal': 'annuler le renouvellement de',
	'ui.demo.vendor-verb.revoke': 'révoquer',
	'ui.demo.result.opened':
		"Ouvert : {title}, au jour 0. c avance pas à pas ; chaque note s'affiche dans la barre.",
	'ui.demo.result.unknown-scenario': "Il n'y a pas de scénario {id} à ouvrir.",

	// Ce qui a changé, pour `x`
	// Typographie française : une espace avant le point-virgule
	'ui.demo.change.separator': ' ; ',
	'ui.demo.change.state': '{from} → {to}',
	'ui.demo.change.banner-shows': "{banner} s'affiche",
	'ui.demo.change.banner-shows-days': "{banner} s'affiche ({days} jour(s))",
	'ui.demo.change.banner-goes': '{banner} disparaît',
	'ui.demo.change.banner-count': '{banner} : {days} jour(s)',
	'ui.demo.change.capacity': 'capacité {from} → {to}',
	'ui.demo.change.term': 'un abonnement a été renouvelé ou a changé de durée',
	'ui.demo.change.licenses': 'une licence a changé de statut',
	'ui.demo.banner.subscription-expiring': "le bandeau d'expiration",
	'ui.demo.banner.license-problem': 'le bandeau de problème de licence',
	'ui.demo.banner.server-unreachable': 'le bandeau serveur injoignable',
	'ui.demo.banner.server-stopped': 'le bandeau serveur arrêté',
	'ui.demo.banner.hardware-changed': 'le bandeau matériel',
	'ui.demo.banner.clock-tampered': "le bandeau d'horloge",

	// Aide et pied de page
	'ui.help.demo.previous':
		'retour au dernier changement marqué (rejoue depuis le jour 0)',
	'ui.help.demo.network-state':
		'réseau : en ligne, hors ligne, erreurs, lent, illisible',
	'ui.help.demo.clock': "reculer l'horloge du serveur (R15)",
	'ui.help.demo.vendor':
		"l'éditeur : prolonger, annuler le renouvellement, révoquer",
	'ui.help.demo.scenarios': 'ouvrir la démo ou un scénario de formation',
	'ui.help.demo.amount':
		"la durée : 61m, 2h, 1j ; +1h l'avance ; 0 la remet à l'heure",
	'ui.help.place.picker': 'un choix de la démo',
	'ui.help.place.prompt': 'une saisie de la démo',
	'ui.help.timeline-marks':
		"◆ l'état ou un bandeau a changé ce jour-là · ┊ aujourd'hui · grisé : enregistré, se reproduit",
	'ui.key-hint.clock': 'horloge',
	'ui.key-hint.vendor': 'éditeur',
	'ui.key-hint.scenarios': 'scénarios',
	'ui.key-hint.apply': 'appliquer',
};
