import {demoFr} from './demo-fr.js';
import type {MessageId} from './en.js';

/**
 * French messages, in MyQ's French vocabulary (Entreprise, Personne, Adresse, Pays, Courriel,
 * Téléphone, Enregistrer, Activer, Licence, Réglages > Licence). Same keys and placeholders as
 * `en.ts`. Apostrophes are plain ASCII, as in the seed's banners. A catalog is data, one line a
 * message: its length is the product's vocabulary, not a second job.
 */
export const fr: Record<MessageId, string> = {
	...demoFr,
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

	'cli.help.main': `myq-license : le sous-système de licences d'un serveur d'impression MyQ

Utilisation
  $ myq-license [--store URL] [--server URL]       ouvre le tableau de bord sur ce serveur
  $ myq-license demo [--scenario FICHIER]          ouvre le tableau de bord sur le simulateur
  $ myq-license <commande> [options]

Commandes pour les administrateurs et les scripts (chacune a son --help, avec des exemples)
  status [--json]           licences, capacité, bannières et appareils
  register                  enregistre le formulaire client (R2)
  add-key CLÉ...            ajoute des clés d'installation ou de licence, en attente d'activation (R3)
  activate                  active en ligne les clés en attente ; --manual --out FICHIER pour l'activation manuelle (R4, R5)
  import FICHIER            importe un fichier de réponse du portail de l'éditeur (R5)
  connect                   contacte le serveur de licences maintenant (R14)
  trust [CLÉ]               faire confiance à la clé publique de l'éditeur (R16) : celle donnée, ou celle du serveur
  devices [activate|deactivate] [NOM]   appareils d'impression (R7)
  simulate FICHIER...       rejoue des fichiers de scénario ; --report FICHIER.html, --explain JOUR
  export-scenario           l'historique de cette installation en fichier de scénario, pour le support

Côté éditeur
  vendor serve              lance le serveur de licences de référence
  vendor mint               crée une clé dans le catalogue
  vendor offline-activate   transforme un fichier de demande d'activation en fichier de réponse

Exemples
  $ myq-license status --json
  $ myq-license --store sqlite:///var/lib/myq/license.sqlite status --lang fr
  $ myq-license demo`,
	'cli.help.global': `Options globales (avant ou après la commande)
  --store URL       le stockage : une URL Keyv (par défaut : un fichier SQLite dans votre dossier de données)
  --server URL      le serveur de licences (par défaut : $MYQ_LICENSE_SERVER ou http://127.0.0.1:4070)
  --vendor-key CLÉ  la clé publique de l'éditeur à qui faire confiance (par défaut : $MYQ_VENDOR_KEY, sinon le fichier de confiance : voir trust --help)
  --json            affiche un document JSON, pour les scripts
  --lang fr|en      langue (par défaut : selon LC_ALL, LC_MESSAGES, LANG)
  --help, --version

Codes de sortie : 0 fait, 1 échec (par exemple le serveur de licences est injoignable), 2 entrée incorrecte.`,
	'cli.help.status': `Utilisation
  $ myq-license status [--json]

Affiche l'état de fonctionnement, les bannières, la capacité, les licences et les appareils.
Lit seulement le stockage : ne contacte pas le serveur de licences (connect le fait).

Exemples
  $ myq-license status
  $ myq-license status --json | jq .capacity
  $ myq-license --store sqlite:///var/lib/myq/license.sqlite status --lang fr`,
	'cli.help.register': `Utilisation
  $ myq-license register --company NOM --person "NOM COMPLET" --address ADRESSE --country PAYS --email COURRIEL [--phone TÉLÉPHONE]

Enregistre le formulaire client (R2). Tous les champs sauf le téléphone sont obligatoires ; le
pays est un code ISO ou un nom (FR, France, Allemagne). Chaque champ incorrect a son propre message.

Exemples
  $ myq-license register --company Acme --person "Jeanne Roux" --address "1 Rue X, Paris" --country FR --email it@acme.test
  $ myq-license register --company Acme --person "Jeanne Roux" --address "1 Main St" --country "États-Unis" --email it@acme.test --phone "+1 555 0100"`,
	'cli.help.add-key': `Utilisation
  $ myq-license add-key CLÉ [CLÉ...]

Ajoute au tableau des licences, en attente, des clés d'installation (elles commencent par N) et
des clés de licence (elles commencent par K) (R3). Les clés peuvent être séparées par des
espaces, des virgules ou des retours à la ligne ; une clé mal formée ou en double est refusée,
nommée, et les autres sont quand même ajoutées. Enregistrez d'abord le client.

Exemples
  $ myq-license add-key NABCD-EFGHJ-KMNPQ-RSTVW-XYZ01
  $ myq-license add-key "K1234-56789-ABCDE-FGHJK-MNPQR, K9876-54321-ZYXWV-TSRQP-NMKJH"
  $ myq-license add-key - < cles.txt     (lit les clés sur l'entrée standard)`,
	'cli.help.activate': `Utilisation
  $ myq-license activate
  $ myq-license activate --manual --out FICHIER

En ligne (R4) : active les clés en attente auprès du serveur de licences : une clé d'installation
est remplacée par les licences qu'elle porte, les clés de licence deviennent actives. Réactive
aussi les licences sur un nouveau matériel (R8).
Manuelle (R5, sans réseau sur ce serveur) : écrit un fichier de demande d'activation. Portez-le au
portail de l'éditeur (myq-license vendor offline-activate), puis importez la réponse avec
myq-license import.

Options
  --manual          activation manuelle : écrit un fichier de demande d'activation
  --out, -o FICHIER où l'écrire

Exemples
  $ myq-license activate --server https://licensing.example.com
  $ myq-license activate --manual --out demande.json`,
	'cli.help.import': `Utilisation
  $ myq-license import FICHIER

Importe le fichier de réponse fait par le portail de l'éditeur pour la demande d'activation de ce
serveur (R5). Une réponse faite pour un autre serveur, pour une autre demande, ou modifiée d'un
seul octet est refusée et ne change rien.

Exemples
  $ myq-license import reponse.json
  $ myq-license import reponse.json --vendor-key "$(cat vendor.pub)"`,
	'cli.help.connect': `Utilisation
  $ myq-license connect

Contacte le serveur de licences maintenant (« essayer de se connecter manuellement », R14) :
envoie l'empreinte matérielle et reçoit le document signé à jour (renouvellements,
prolongations, annulations). Sort avec 1 quand le serveur est injoignable ; les licences restent
comme elles étaient.

Exemples
  $ myq-license connect
  $ myq-license connect --server https://licensing.example.com --json`,
	'cli.help.trust': `Utilisation
  $ myq-license trust CLÉ [--replace]
  $ myq-license trust [--server URL] [--replace]

Enregistre la clé publique de l'éditeur à laquelle ce serveur fait confiance (R16) dans le
fichier de confiance de votre dossier de configuration (comme known_hosts de ssh ;
$MYQ_CONFIG_DIR, sinon $XDG_CONFIG_HOME/myq-license ou ~/.config/myq-license). Chaque document
de licence est vérifié avec elle ; elle n'est jamais prise dans le stockage qu'elle protège.
Avec CLÉ : la clé publiée par l'éditeur (vendor serve l'affiche). Sans : la clé que présente le
serveur de licences, de confiance dès la première utilisation ; ne la choisissez que si vous
faites confiance au chemin réseau jusqu'à ce serveur. --vendor-key et MYQ_VENDOR_KEY, s'ils
sont donnés, passent avant le fichier. Un fichier de confiance qui contient une autre clé n'est
pas modifié sans --replace. status indique quelle clé est de confiance, et comment.

Options
  --replace         remplacer la clé du fichier de confiance (l'éditeur a changé de clé)

Exemples
  $ myq-license trust 3wWp0Q4ZcM1n8Yb0vN7dJq2s5kX9a6eL1tR4uV8yB2c=
  $ myq-license trust --server https://licensing.example.com
  $ MYQ_CONFIG_DIR=/etc/myq myq-license trust "$(cat vendor.pub)" --replace`,
	'cli.help.devices': `Utilisation
  $ myq-license devices                     liste les appareils d'impression
  $ myq-license devices activate [NOM]      en active un (refusé au-delà de la capacité, R7)
  $ myq-license devices deactivate [NOM]    en désactive un (le plus récent quand aucun nom n'est donné)

Exemples
  $ myq-license devices activate imprimante-accueil
  $ myq-license devices --json`,
	'cli.help.simulate': `Utilisation
  $ myq-license simulate FICHIER [--json] [--lang fr|en] [--until N] [--report FICHIER.html] [--explain JOUR]
  $ myq-license simulate DOSSIER|FICHIER... [--json] [--jobs N]

Rejoue un fichier de scénario (YAML ou JSON ; voir fixtures/scenarios/) sur le vrai moteur, avec
une horloge, un réseau, un serveur de licences et un matériel simulés. Sans --json : les jours
où quelque chose a changé, une bande de toute la chronologie (une case par jour) et les
événements. Avec --json : un document JSON (SPEC §5). Les blocs expect du scénario décident du
code de sortie. La langue est celle de --lang, sinon de la locale, sinon du champ lang du scénario.

Plusieurs fichiers, ou un dossier (ses fichiers .yaml, .yml et .json, pas ses sous-dossiers) :
chacun est rejoué et un résultat par fichier est affiché avec son code de sortie (--json :
{"results": [{file, exitCode, result | error}]}). --jobs N en rejoue N à la fois dans des
threads ; les résultats sont les mêmes.

Options
  --until N          s'arrête après le jour N
  --report FICHIER.html  écrit aussi une page pour un ticket de support : la chronologie en
                     image (état, bandeaux avec leurs décomptes de jours, une ligne par licence,
                     étapes et événements), autonome, imprimable en A4 paysage
  --explain JOUR     pour ce jour, chaque bandeau et statut de licence avec la règle (R-id) et
                     les faits qui l'ont produit, tirés de l'évaluation du moteur (--json : en données)
  --jobs N           avec plusieurs fichiers : combien en rejouer à la fois (1 par défaut)

Exemples
  $ myq-license simulate fixtures/scenarios/subscription-not-renewed.yaml
  $ myq-license simulate fixtures/scenarios/offline-grace-lapses.yaml --json | jq '.days[-1].banners'
  $ myq-license simulate mon-client.yaml --report ticket-4711.html --lang fr
  $ myq-license simulate mon-client.yaml --explain 42
  $ myq-license simulate exports/ --json --jobs 2

Codes de sortie : 0 toutes les attentes sont tenues, 1 une a échoué, 2 le scénario est invalide
(avec plusieurs fichiers : le plus élevé des leurs).`,
	'cli.help.export-scenario': `Utilisation
  $ myq-license export-scenario [--store URL] [-o FICHIER] [--keep-personal-data] [--json]

Écrit un fichier de scénario (SPEC §5) à partir de l'historique enregistré de l'installation : le
client, les clés et les licences accordées par les documents signés, les activations, les
contacts réussis ou non (en étapes réseau), le matériel vu, l'horloge reculée, les redémarrages
et les appareils. Rejoué avec simulate, il passe par les états que l'installation a enregistrés
(ses blocs expect) et finit dans l'état où elle est maintenant. Les données personnelles
(entreprise, personne, adresse, courriel, téléphone) et les clés sont remplacées par des valeurs
neutres : le client peut envoyer le fichier au support. Ce que l'historique ne montre que par son
effet (un changement de l'éditeur) est écrit comme cet effet, avec un commentaire qui le dit.
Le stockage est seulement lu ; aucune clé d'éditeur n'est nécessaire.

Options
  -o, --out FICHIER       écrit le fichier là (par défaut : la sortie standard)
  --keep-personal-data    garde les données du client, et les clés en commentaires
  --json                  la forme JSON du même schéma (ses notes sur stderr)

Exemples
  $ myq-license export-scenario -o client.yaml
  $ myq-license export-scenario --store sqlite:///var/lib/myq/license.sqlite -o ticket-4711.yaml
  $ myq-license simulate client.yaml --report client.html`,
	'cli.help.vendor': `Utilisation
  $ myq-license vendor serve [--port 4070] [--host 127.0.0.1] [--store URL] [--token T] [--log text|json]
  $ myq-license vendor mint --server URL --token T --type license|installation ...
  $ myq-license vendor offline-activate DEMANDE -o RÉPONSE [--server URL | --store URL]
  $ myq-license vendor extend CLÉ --days N --server URL --token T
  $ myq-license vendor cancel-renewal CLÉ --server URL --token T
  $ myq-license vendor revoke CLÉ --server URL --token T

Le côté éditeur (SPEC §4) : le serveur de licences de référence et ses opérations
d'administration. Chaque commande a sa propre aide : myq-license vendor COMMANDE --help.

  serve              lance le serveur de licences de référence
  mint               crée une clé dans le catalogue
  offline-activate   le portail de l'éditeur : transforme une demande d'activation en réponse signée
  extend             ajoute des jours à une clé d'abonnement
  cancel-renewal     arrête le renouvellement automatique d'une clé d'abonnement
  revoke             révoque une clé : ses licences ne comptent plus dès le contact suivant

Exemples
  $ myq-license vendor serve --port 4070 --token s3cret
  $ myq-license vendor mint --help
  $ myq-license vendor offline-activate demande.json -o reponse.json --server http://127.0.0.1:4070`,
	'cli.help.vendor.serve': `Utilisation
  $ myq-license vendor serve [--port 4070] [--host 127.0.0.1] [--store URL] [--token T] [--log text|json]

Lance le serveur de licences de référence et affiche où il écoute et sa clé publique (les
clients lui font confiance avec myq-license trust CLÉ, ou --vendor-key). Sa base de données est
un fichier SQLite (par défaut sqlite://./vendor.sqlite) ou PostgreSQL
(--store postgres://UTILISATEUR@HÔTE:PORT/BASE) : plusieurs serveurs sur une même base
PostgreSQL agissent comme un seul et signent avec l'unique paire de clés qu'elle garde. Il
journalise une ligne par requête (--log json pour un collecteur de journaux) et répond à
GET /v1/health avec l'état de la base. SIGINT ou SIGTERM l'arrêtent proprement, après les
requêtes en cours. Sans --token, les routes d'administration (mint, extend, cancel-renewal,
revoke) sont désactivées.
Code de sortie 2 pour une URL de stockage inconnue, 1 si la base ne s'ouvre pas.

Options
  --port N          le port (4070 par défaut ; 0 en choisit un libre)
  --host HÔTE       l'adresse d'écoute (127.0.0.1 par défaut)
  --store URL       sa base : sqlite://CHEMIN, memory: ou postgres://UTILISATEUR@HÔTE:PORT/BASE
  --token T         le jeton des routes d'administration
  --log text|json   le format du journal des requêtes (text par défaut)

Exemples
  $ myq-license vendor serve --port 4070 --token s3cret
  $ myq-license vendor serve --store postgres://license@db.example.com:5432/license --log json`,
	'cli.help.vendor.mint': `Utilisation
  $ myq-license vendor mint --server URL --token T --type license --kind perpetual|subscription --devices N [--term-days N] [--auto-renew]
  $ myq-license vendor mint --server URL --token T --type installation --license TYPE:PÉRIPHÉRIQUES[:DURÉE_JOURS][:auto] [--license ...]

Crée une clé dans le catalogue du serveur de licences de --server et l'affiche sur sa dernière
ligne (--json : la réponse du serveur). Une clé de licence porte une licence ; une clé
d'installation en porte une ou plusieurs, un --license chacune : TYPE:PÉRIPHÉRIQUES, et pour un
abonnement sa durée en jours et ":auto" pour le renouvellement automatique.

Options
  --type license|installation   le type de clé
  --kind perpetual|subscription la licence d'une clé de licence
  --devices N                   le nombre de périphériques d'impression qu'elle couvre
  --term-days N                 la durée d'un abonnement, en jours
  --auto-renew                  l'abonnement se renouvelle automatiquement
  --license SPEC                une licence d'une clé d'installation (à répéter)

Exemples
  $ myq-license vendor mint --server http://127.0.0.1:4070 --token s3cret --type license --kind subscription --devices 5 --term-days 365 --auto-renew
  $ myq-license vendor mint --server http://127.0.0.1:4070 --token s3cret --type installation --license subscription:10:365 --license perpetual:1`,
	'cli.help.vendor.offline-activate': `Utilisation
  $ myq-license vendor offline-activate DEMANDE -o RÉPONSE [--server URL | --store URL]

Le portail de l'éditeur de l'activation manuelle (R5) : transforme une demande d'activation (le
fichier écrit par un serveur MyQ, ou le bloc de texte affiché par son tableau de bord) en
fichier de réponse signé, par un serveur en marche (--server) ou directement sur son stockage
(--store, sqlite://./vendor.sqlite par défaut). Sur le serveur MyQ : myq-license import RÉPONSE.

Options
  --out, -o FICHIER où écrire la réponse

Exemples
  $ myq-license vendor offline-activate demande.json -o reponse.json --server http://127.0.0.1:4070
  $ myq-license vendor offline-activate demande.txt -o reponse.json --store sqlite:///srv/vendor.sqlite`,
	'cli.help.vendor.extend': `Utilisation
  $ myq-license vendor extend CLÉ --days N --server URL --token T

Ajoute N jours aux abonnements que porte une clé (CLÉ/N : sa N-ième licence seulement). Le
serveur MyQ voit la nouvelle date à son prochain contact avec le serveur de licences (ou
myq-license connect).

Options
  --days N          les jours à ajouter (un nombre entier, au moins 1)

Exemples
  $ myq-license vendor extend KXXXX-XXXXX-XXXXX-XXXXX-XXXXX --days 30 --server http://127.0.0.1:4070 --token s3cret`,
	'cli.help.vendor.cancel-renewal': `Utilisation
  $ myq-license vendor cancel-renewal CLÉ --server URL --token T

Arrête le renouvellement automatique des abonnements que porte une clé : ils expirent à leur
date. Le serveur MyQ le voit à son prochain contact avec le serveur de licences.

Exemples
  $ myq-license vendor cancel-renewal KXXXX-XXXXX-XXXXX-XXXXX-XXXXX --server http://127.0.0.1:4070 --token s3cret`,
	'cli.help.vendor.revoke': `Utilisation
  $ myq-license vendor revoke CLÉ --server URL --token T

Révoque une clé : ses licences sont invalides dès le prochain contact du serveur MyQ avec le
serveur de licences (son statut et son tableau de bord disent « révoquée par l'éditeur »).

Exemples
  $ myq-license vendor revoke KXXXX-XXXXX-XXXXX-XXXXX-XXXXX --server http://127.0.0.1:4070 --token s3cret`,
	'cli.help.dashboard': `Utilisation
  $ myq-license [--store URL] [--server URL] [--vendor-key CLÉ] [--lang fr|en]
  $ myq-license demo [--scenario FICHIER] [--lang fr|en]

Le tableau de bord plein écran : Accueil, Réglages > Licence, Appareils, Événements. Appuyez
sur ? pour voir les touches. Sans commande, il fonctionne sur le moteur de ce serveur ; « demo »
le lance sur le simulateur (horloge simulée, serveur de licences simulé, matériel
interchangeable), avec des clés de démonstration à essayer.
NO_COLOR=1 dessine sans couleur. q ou Ctrl+C quitte et rend le terminal.

Options
  --scenario FICHIER  demo : le scénario à charger (par défaut : fixtures/demo.yaml)

Exemples
  $ myq-license --store sqlite:///var/lib/myq/license.sqlite --server https://licensing.example.com
  $ myq-license demo --lang fr
  $ myq-license demo --scenario fixtures/scenarios/offline-grace-lapses.yaml`,
	'cli.status.state': 'État : {state}',
	'cli.status.not-operational': '{state} (MyQ ne fonctionne pas)',
	'cli.status.capacity':
		"Capacité : {capacity} appareils d'impression ; {activated} activés, {licensed} sous licence",
	'cli.status.no-licenses':
		'Aucune licence pour le moment : ajoutez une clé (myq-license add-key CLÉ) et activez-la.',
	'cli.status.licenses': 'Licences :',
	'cli.status.license': '{key}  {kind}  {devices} appareils  {status}',
	'cli.status.renews': 'se renouvelle le {date}',
	'cli.status.expires': 'expire le {date}',
	'cli.status.server-reachable': 'joignable',
	'cli.status.server-unreachable': 'injoignable depuis le {since}',
	'cli.status.server':
		'Serveur de licences : {reachability} ; dernier contact : {last}',
	'cli.status.never': 'jamais',
	'cli.status.vendor-key.flag':
		"Clé de l'éditeur : {key}, de confiance par --vendor-key",
	'cli.status.vendor-key.env':
		"Clé de l'éditeur : {key}, de confiance par MYQ_VENDOR_KEY",
	'cli.status.vendor-key.given':
		"Clé de l'éditeur : {key}, de confiance dans {file} (donnée par l'administrateur le {date})",
	'cli.status.vendor-key.first-use':
		"Clé de l'éditeur : {key}, de confiance dans {file} à la première utilisation : l'administrateur a choisi la clé que présentait {server} le {date}",
	'cli.status.vendor-key.none':
		"Clé de l'éditeur : aucune n'est de confiance, donc aucune licence ne peut être vérifiée (myq-license trust CLÉ, ou --vendor-key)",
	'cli.add-key.added': 'ajoutée : {key} (en attente)',
	'cli.add-key.refused': 'refusée : {reason}',
	'cli.add-key.next':
		'Ensuite : myq-license activate (ou activate --manual --out demande.json sans réseau)',
	'cli.register.invalid':
		"Le formulaire client n'est pas valide ; rien n'a été enregistré :",
	'cli.register.saved':
		'Client enregistré : {company}. Ensuite : myq-license add-key CLÉ',
	'cli.devices.summary':
		'{activated} activés, {licensed} sous licence, capacité {capacity}',
	'cli.devices.unlicensed': '(sans licence : au-delà de la capacité)',
	'cli.simulate.start': 'début {start}, {days} jours, {lang}',
	'cli.simulate.column.day': 'jour',
	'cli.simulate.column.date': 'date',
	'cli.simulate.column.state': 'état',
	'cli.simulate.column.capacity': 'capacité',
	'cli.simulate.column.devices': 'périph.',
	'cli.simulate.column.banners': 'bannières',
	'cli.simulate.column.licenses': 'licences',
	'cli.simulate.timeline': 'chronologie',
	'cli.simulate.events': 'événements',
	'cli.simulate.event-day': 'jour {day}',
	'cli.simulate.expectations': 'attentes : {passed} tenues, {failed} échouées',
	'cli.error.no-key':
		'Aucune clé donnée. Utilisation : myq-license add-key CLÉ [CLÉ...]',
	'cli.error.manual-needs-out':
		"activate --manual a besoin de --out FICHIER : où écrire la demande d'activation.",
	'cli.error.out-needs-manual':
		"--out sert à l'activation manuelle : ajoutez --manual, ou retirez --out pour activer en ligne.",
	'cli.error.devices-usage':
		'Utilisation : myq-license devices [activate|deactivate] [NOM]',
	'cli.error.import-usage':
		'Utilisation : myq-license import FICHIER (un fichier de réponse).',
	'cli.error.response-too-big':
		"{file} dépasse {limit}, la taille maximale d'un fichier de réponse d'activation : il n'a pas été lu. Vérifiez le nom du fichier.",
	'cli.error.request-too-big':
		"{file} dépasse {limit}, la taille maximale d'un fichier de demande d'activation (le serveur de licences refuse les plus gros) : il n'a pas été lu. Vérifiez le nom du fichier.",
	'cli.error.keys-too-big':
		"Les clés lues sur l'entrée standard dépassent {limit}, le maximum qu'add-key lit en une fois : donnez moins de clés à la fois.",
	'cli.error.cannot-read': 'Impossible de lire {file} : {reason}',
	'cli.error.simulate-usage':
		'Utilisation : myq-license simulate FICHIER... (des fichiers de scénario, ou un dossier).',
	'cli.error.one-scenario':
		'{flag} prend un seul fichier de scénario ; {count} ont été donnés.',
	'cli.error.explain':
		"--explain {day} n'est pas un numéro de jour (0 ou plus).",
	'cli.error.explain-past-end':
		'--explain {day} : le scénario se termine au jour {days}.',
	'cli.error.jobs':
		"--jobs {jobs} n'est pas un nombre de threads (de 1 à {max}).",
	'cli.error.no-scenarios':
		'{dir} ne contient aucun fichier de scénario (.yaml, .yml ou .json).',
	'cli.error.export-usage':
		"Utilisation : myq-license export-scenario [-o FICHIER] [--keep-personal-data] (pas d'autre argument).",
	'cli.error.cannot-write': "Impossible d'écrire {file} : {reason}",
	'cli.export.empty-store':
		'Rien à exporter : le stockage ne contient encore aucune installation (vérifiez --store).',
	'cli.export.unreadable-store':
		"Rien à exporter : l'état enregistré est illisible (lancez myq-license status pour savoir pourquoi).",
	'cli.export.no-history':
		"Rien à exporter : l'installation n'a pas encore d'historique (écrite par une version qui n'en gardait pas ; il commence au prochain événement).",
	'cli.export.written': 'Scénario écrit dans {file} ({days} jours).',
	'cli.simulate.report-written': 'Rapport écrit dans {file}.',
	'cli.simulate.batch-held': 'ok       {file} : {passed} attente(s) tenue(s)',
	'cli.simulate.batch-failed':
		'ÉCHEC    {file} : {failed} attente(s) non tenue(s), {passed} tenue(s)',
	'cli.simulate.batch-invalid': 'INVALIDE {file} : {message}',
	'cli.simulate.batch-error': 'ÉCHEC    {file} : {message}',
	'cli.simulate.batch-summary':
		'{files} fichier(s) : {held} tenu(s), {failed} en échec, {invalid} invalide(s)',
	'cli.error.until': "--until {until} n'est pas un numéro de jour (0 ou plus).",
	// vendor (commands/vendor.ts)
	'cli.vendor.which':
		'Quelle commande vendor ? serve, mint, offline-activate, extend, cancel-renewal ou revoke (voir myq-license vendor --help).',
	'cli.vendor.unknown':
		'Commande vendor inconnue « {action} » : utilisez serve, mint, offline-activate, extend, cancel-renewal ou revoke.',
	'cli.vendor.port':
		"--port {port} n'est pas un numéro de port (0 à 65535 ; 0 en choisit un libre).",
	'cli.vendor.listening': "Serveur de licences à l'écoute sur {url}",
	'cli.vendor.public-key': "Clé publique de l'éditeur : {key}",
	'cli.vendor.no-token':
		"Pas de --token : les routes d'administration (mint, extend, cancel-renewal, revoke) sont désactivées.",
	'cli.vendor.stopped': 'Serveur de licences arrêté.',
	'cli.vendor.server-required':
		"--server URL est obligatoire : le serveur de licences à contacter (vendor serve l'affiche).",
	'cli.vendor.token-required':
		"--token est obligatoire pour les opérations d'administration : le jeton avec lequel vendor serve a été lancé.",
	'cli.vendor.license-kind':
		'--license « {spec} » : le type doit être perpetual ou subscription (TYPE:PÉRIPHÉRIQUES[:DURÉE_JOURS][:auto]).',
	'cli.vendor.license-devices':
		"--license « {spec} » : PÉRIPHÉRIQUES doit être un nombre entier d'au moins 1.",
	'cli.vendor.license-perpetual':
		"--license « {spec} » : une licence perpétuelle n'a ni durée ni renouvellement.",
	'cli.vendor.license-term':
		'--license « {spec} » : un abonnement a besoin de sa durée en jours, comme subscription:{devices}:365.',
	'cli.vendor.installation-licenses':
		"Une clé d'installation porte des licences : donnez un --license TYPE:PÉRIPHÉRIQUES[:DURÉE_JOURS][:auto] par licence.",
	'cli.vendor.type': '--type doit être license ou installation.',
	'cli.vendor.type-not':
		'--type doit être license ou installation, pas « {type} ».',
	'cli.vendor.license-key-flags':
		'Une clé de licence a besoin de --kind perpetual|subscription et de --devices N (et de --term-days N pour un abonnement).',
	'cli.vendor.unreachable':
		"Le serveur de licences {server} n'a pas pu être joint ({reason}). vendor serve est-il lancé ?",
	'cli.vendor.answer-too-big':
		"La réponse du serveur de licences dépasse {limit}, le maximum que lit cette commande : elle n'a pas été lue.",
	'cli.vendor.refused':
		'Le serveur de licences a refusé ({status} {code}) : {message}',
	'cli.vendor.minted-license': 'Clé de licence créée :',
	'cli.vendor.minted-installation': "Clé d'installation créée :",
	'cli.vendor.admin-usage':
		'Utilisation : myq-license vendor {action} CLÉ --server URL --token T',
	'cli.vendor.extend-usage':
		'Utilisation : myq-license vendor extend CLÉ --days N --server URL --token T',
	'cli.vendor.extend-days':
		"vendor extend a besoin de --days N, un nombre entier de jours d'au moins 1.",
	'cli.vendor.done-extend':
		'Prolongation de {days} jour(s) enregistrée : {key}.',
	'cli.vendor.done-cancel-renewal':
		'Renouvellement automatique annulé : {key}.',
	'cli.vendor.done-revoke': 'Révocation enregistrée : {key}.',
	'cli.vendor.offline-usage':
		'Utilisation : myq-license vendor offline-activate DEMANDE -o RÉPONSE [--server URL | --store URL]',
	'cli.vendor.request-refused': 'La demande a été refusée ({code}) : {message}',
	'cli.vendor.response-written':
		'Réponse écrite dans {file}. Sur le serveur MyQ : myq-license import {file}',
	'cli.error.no-arguments':
		"{command} ne prend pas d'argument, mais a reçu « {given} » : rien n'a été fait. Lancez myq-license {command} --help.",
	'cli.error.vendor-store-url':
		"L'URL de stockage « {url} » n'est pas connue du serveur de licences : utilisez sqlite://CHEMIN (par défaut, un fichier), memory:, ou postgres://UTILISATEUR@HÔTE:PORT/BASE (plusieurs serveurs sur une base).",
	'cli.error.vendor-store-url-malformed':
		"L'URL de stockage « {url} » ne se lit pas comme une URL : écrivez un / @ : ou # du nom d'utilisateur ou du mot de passe sous la forme %2F %40 %3A %23.",
	'cli.error.vendor-store-open':
		"Le serveur de licences ne peut pas ouvrir sa base de données {url} : {reason}. Vérifiez que la base fonctionne et que l'URL est juste ; le serveur n'a pas démarré.",
	'cli.error.vendor-host':
		'--host {host} : le serveur de licences ne peut pas écouter là ({reason}). Donnez une adresse de cette machine : 127.0.0.1 (par défaut), 0.0.0.0 pour toutes les interfaces, ou un nom qui en désigne une.',
	'cli.error.vendor-port-in-use':
		'Le port {port} sur {host} est déjà utilisé : arrêtez ce qui y tourne, ou choisissez un autre port avec --port (0 en choisit un libre).',
	'cli.error.vendor-listen':
		'Le serveur de licences ne peut pas écouter sur {host}:{port} : {reason}',
	'cli.error.vendor-store-schema-too-new':
		"La base de données {url} a été créée par une version plus récente de myq-license (son schéma est à la version {found}, celle-ci connaît jusqu'à la {known}) : mettez myq-license à jour ici, ou utilisez une autre base. Rien n'a été modifié ; le serveur n'a pas démarré.",
	'cli.error.vendor-store-catalog-record':
		"La base de données {url} contient le catalogue d'une version antérieure, et sa ligne {record} n'est pas un enregistrement que cette version sait importer ({reason}). Rien n'a été importé : corrigez ou supprimez cette ligne, ou restaurez le fichier depuis une sauvegarde ; le serveur n'a pas démarré.",
	'cli.error.vendor-store-key-pair':
		"La paire de clés de l'éditeur conservée dans la base de données {url} est illisible ({reason}). Restaurez-la depuis une sauvegarde : une nouvelle paire ferait refuser ce serveur par chaque serveur MyQ qui fait confiance à la clé actuelle. Le serveur n'a pas démarré.",
	'cli.error.vendor-log-format':
		'--log {format} : le format du journal est text ou json.',
	'cli.error.trust-usage':
		'Usage : myq-license trust [CLÉ] [--replace] (une clé au plus).',
	'cli.error.not-a-key':
		"{key} n'est pas une clé publique de l'éditeur (base64 de 32 octets, telle que vendor serve l'affiche).",

	'scenario.limit.bytes':
		"le fichier dépasse {limit}, la taille maximale d'un scénario",
	'scenario.limit.items':
		'compte {count} éléments ; un scénario en compte au plus {max} ici',
	'scenario.limit.step-devices':
		'{count} appareils en une étape ; une étape en active ou en désactive au plus {max}',
	'scenario.limit.devices':
		"les étapes devices activent {count} appareils jusqu'ici ; un scénario en active au plus {max} en tout",
	'scenario.limit.text':
		'fait {length} caractères ; un texte de scénario en compte au plus {max}',

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
	'customer.company.too-long':
		'Entreprise : {max} caractères au plus ({length} saisis). Raccourcissez la saisie.',
	'customer.company.control-character':
		'Entreprise : ce champ contient un caractère de contrôle (tabulation, saut de ligne ou code invisible). Supprimez-le.',
	'customer.person.too-long':
		'Personne : {max} caractères au plus ({length} saisis). Raccourcissez la saisie.',
	'customer.person.control-character':
		'Personne : ce champ contient un caractère de contrôle (tabulation, saut de ligne ou code invisible). Supprimez-le.',
	'customer.address.too-long':
		'Adresse : {max} caractères au plus ({length} saisis). Raccourcissez la saisie.',
	'customer.address.control-character':
		'Adresse : ce champ contient un caractère de contrôle (tabulation, saut de ligne ou code invisible). Supprimez-le.',
	'customer.country.too-long':
		'Pays : {max} caractères au plus ({length} saisis). Raccourcissez la saisie.',
	'customer.country.control-character':
		'Pays : ce champ contient un caractère de contrôle (tabulation, saut de ligne ou code invisible). Supprimez-le.',
	'customer.email.too-long':
		'Courriel : {max} caractères au plus ({length} saisis). Raccourcissez la saisie.',
	'customer.email.control-character':
		'Courriel : ce champ contient un caractère de contrôle (tabulation, saut de ligne ou code invisible). Supprimez-le.',
	'customer.phone.too-long':
		'Téléphone : {max} caractères au plus ({length} saisis). Raccourcissez la saisie.',
	'customer.phone.control-character':
		'Téléphone : ce champ contient un caractère de contrôle (tabulation, saut de ligne ou code invisible). Supprimez-le.',
	'customer.invalid':
		'Le formulaire client contient {count} erreur(s) : corrigez-les, puis enregistrez à nouveau.',
	'customer.saved': 'Client enregistré : {company}.',
	'customer.registered-invalid':
		"Le client enregistré dépasse les limites qu'applique le serveur de licences, qui refuserait chaque activation : enregistrez-le à nouveau (myq-license register, ou Réglages > Licence).",
	'customer.not-registered':
		"Aucun client n'est encore enregistré : remplissez d'abord le formulaire client (ou lancez `myq-license register`).",
	'customer.missing':
		"Remplissez le formulaire client (Entreprise, Personne, Adresse, Pays, Courriel) et enregistrez-le avant d'ajouter des clés.",

	'key.malformed':
		'La clé « {key} » est mal formée : une clé compte 25 symboles en cinq groupes (XXXXX-XXXXX-XXXXX-XXXXX-XXXXX). Comparez-la à la clé que vous avez reçue.',
	'key.bad-checksum':
		'La clé « {key} » ne passe pas le contrôle : un symbole est mal saisi ou deux sont inversés. Comparez-la à la clé que vous avez reçue.',
	'key.duplicate':
		'La clé « {key} » a été saisie plusieurs fois : elle est ajoutée une seule fois.',
	'key.second-installation':
		"La clé « {key} » est une clé d'installation, et cette installation en a déjà une (une par installation) : elle n'a pas été ajoutée. Ajoutez des clés de licence pour davantage de licences.",
	'key.too-many-pending':
		"La clé « {key} » n'a pas été ajoutée : {max} clés attendent déjà l'activation, le plus qu'une activation envoie. Activez-les, puis ajoutez les autres.",
	'key.already-present':
		"La clé « {key} » figure déjà dans le tableau des licences : elle n'a pas été ajoutée à nouveau.",
	'key.added': "Clé {key} ajoutée, en attente d'activation.",
	'key.added-count':
		"{count} clé(s) ajoutée(s), en attente d'activation. Appuyez sur Entrée sur Activer (sélectionné) pour les activer.",
	'key.none':
		'Aucune clé saisie : saisissez une ou plusieurs clés, séparées par des espaces, des virgules ou des retours à la ligne.',
	'key.expected-license':
		"La clé « {key} » est une clé d'installation, mais une clé de licence est attendue ici.",
	'key.expected-installation':
		"La clé « {key} » est une clé de licence, mais une clé d'installation est attendue ici.",

	'activation.activated': '{count} licence(s) activée(s).',
	'activation.nothing':
		"Rien à activer : ajoutez d'abord une clé (Enregistrer), puis Activer.",
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
		"Ce fichier de réponse a été établi pour un autre serveur (empreinte {fingerprint} ; celle de ce serveur est {expected}). Rien n'a été modifié : exportez une nouvelle demande depuis ce serveur.",
	'manual.other-request':
		"Ce fichier de réponse répond à une autre demande ({requestId} ; la demande en attente est {expected}). Rien n'a été modifié : importez la réponse à la dernière demande, ou exportez-en une nouvelle.",
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

	// Résultats des commandes (runtime/outcome.ts). R2, R3 : Enregistrer
	'outcome.invalid-form': '{errors}',
	'outcome.customer-saved': 'Client enregistré.',
	'outcome.keys-added': "{count} clé(s) ajoutée(s), en attente d'activation.",
	'outcome.keys-refused': '{count} clé(s) refusée(s).',
	'outcome.nothing-to-save': 'Rien à enregistrer.',
	// R4 : Activer
	'outcome.customer-past-limits':
		"Le client enregistré dépasse les limites qu'applique le serveur de licences ({fields}), qui refuserait l'activation : rien n'a été envoyé. Enregistrez-le à nouveau (myq-license register, ou Réglages > Licence).",
	'outcome.nothing-to-activate':
		"Aucune clé à activer : ajoutez une clé et enregistrez d'abord.",
	'outcome.activated':
		'Activé : {added} nouvelle(s) licence(s), {total} au total.',
	'outcome.reactivated':
		'Licences réactivées sur le matériel de ce serveur ({total} au total).',
	'outcome.up-to-date': 'Activé : les licences sont à jour ({total} au total).',
	'outcome.refused':
		'Aucune nouvelle licence : le serveur de licences a refusé la ou les clés ({total} licence(s) au total).',
	'outcome.key-refused': '{key} : {reason}',
	'outcome.vendor-key-pinned':
		"La clé publique de l'éditeur {key} est maintenant de confiance ({how}), enregistrée dans {file} : les documents signés avec toute autre clé sont refusés.",
	'outcome.trust-given': 'donnée par vous',
	'outcome.trust-first-use':
		'la clé que présente {server}, de confiance dès la première utilisation',
	'outcome.vendor-key-already-trusted':
		"La clé publique de l'éditeur {key} est déjà de confiance, dans {file}.",
	'outcome.vendor-key-differs':
		"{file} fait déjà confiance à une autre clé de l'éditeur, {trusted} ; celle-ci est {key}. Rien n'a été modifié : les documents signés avec la clé de confiance ne seraient plus acceptés. Si l'éditeur a vraiment changé de clé, relancez avec --replace.",
	'outcome.vendor-key-unavailable':
		"Le serveur de licences n'a pas donné sa clé publique ({reason}) ; rien n'a été mis en confiance. Vérifiez --server, ou donnez la clé publiée par l'éditeur : myq-license trust CLÉ.",
	'outcome.activation-refused':
		"Le serveur de licences a refusé l'activation : {reason}",
	'outcome.offline':
		"Échec de l'activation : {cause}. Les clés restent en attente. Sans réseau, utilisez l'activation manuelle : exportez un fichier de demande, portez-le au portail de l'éditeur, puis importez la réponse.",
	'outcome.cause-unreachable':
		'le serveur de licences est injoignable ({reason})',
	'outcome.cause-untrusted':
		"le serveur de licences a répondu quelque chose qui n'est pas digne de confiance ({reason})",
	// R14 : Se connecter maintenant
	'outcome.connected':
		'Connecté au serveur de licences : les licences sont à jour.',
	'outcome.connected-clock-behind':
		"Connecté au serveur de licences, mais l'horloge de ce serveur a encore {behind} de retard sur son heure : l'heure n'est pas confirmée, aucun abonnement ne compte. Remettez l'horloge à l'heure, puis reconnectez-vous.",
	'outcome.duration-minutes': '{amount} min',
	'outcome.duration-hours': '{amount} h',
	'outcome.duration-days': '{amount} jours',
	'outcome.not-activated':
		"Rien n'est encore activé : il n'y a rien à demander au serveur de licences.",
	'outcome.server-refused': 'Le serveur de licences a refusé : {reason}',
	'outcome.network':
		'Le serveur de licences est injoignable ({reason}). Vérifiez le réseau et réessayez avec Se connecter maintenant ; les licences continuent de fonctionner pendant les délais de grâce.',
	'outcome.timeout':
		'Le serveur de licences est injoignable ({reason}). Vérifiez le réseau et réessayez avec Se connecter maintenant ; les licences continuent de fonctionner pendant les délais de grâce.',
	'outcome.http':
		'Le serveur de licences est injoignable ({reason}). Vérifiez le réseau et réessayez avec Se connecter maintenant ; les licences continuent de fonctionner pendant les délais de grâce.',
	'outcome.bad-signature':
		"Le serveur de licences a répondu quelque chose qui n'est pas digne de confiance ({reason}). Rien n'a été modifié ; les licences continuent de fonctionner pendant les délais de grâce. Réessayez plus tard avec Se connecter maintenant.",
	'outcome.bad-response':
		"Le serveur de licences a répondu quelque chose qui n'est pas digne de confiance ({reason}). Rien n'a été modifié ; les licences continuent de fonctionner pendant les délais de grâce. Réessayez plus tard avec Se connecter maintenant.",
	'outcome.stale':
		"La réponse du serveur de licences n'est pas récente ({reason}) : seule une réponse faite pour cette connexion compte. Rien n'a été modifié ; les licences continuent de fonctionner pendant les délais de grâce. Réessayez plus tard avec Se connecter maintenant.",
	'outcome.wrong-url':
		"{url} ne ressemble pas à un serveur de licences : {answer}. L'adresse semble fausse : vérifiez --server (ou MYQ_LICENSE_SERVER) ; l'adresse d'un serveur de licences n'a pas de chemin, comme https://licensing.example.com. Rien n'a été modifié ; les licences continuent de fonctionner pendant les délais de grâce.",
	'outcome.wrong-url-not-found':
		"rien n'y répond (HTTP {status}) là où son API devrait être",
	'outcome.wrong-url-web-page':
		'elle répond par une page web (HTTP {status}), comme le fait un proxy ou un site web',
	'outcome.wrong-url-redirect':
		'elle redirige ailleurs (HTTP {status}), ce que ne fait jamais un serveur de licences',
	// Les raisons du client du serveur de licences (adapters/http-license-server.ts), dites dans
	// les phrases ci-dessus comme {reason} : des propositions, sans point final. L'URL, le chemin,
	// le statut et le texte d'erreur du système ({cause}) sont des valeurs brutes.
	'outcome.client-unreachable':
		'le serveur de licences à {url} ne peut pas être joint : {cause}',
	'outcome.client-timeout':
		"le serveur de licences à {url} n'a pas répondu à {method} {path} en {seconds} s",
	'outcome.client-too-large':
		"la réponse du serveur de licences à {method} {path} dépasse {limit}, le maximum que ce client lit : elle n'a pas été lue",
	'outcome.client-too-large-announced':
		"la réponse du serveur de licences à {method} {path} dépasse {limit}, le maximum que ce client lit (elle annonçait {size} octets) : elle n'a pas été lue",
	'outcome.client-header-too-large':
		"la réponse du serveur de licences à {method} {path} dépasse {limit}, le maximum que ce client lit (son en-tête {header} fait {size} octets) : elle n'a pas été lue",
	'outcome.client-header-unsigned':
		"la réponse du serveur de licences à {path} a un en-tête {header} qui n'est pas un document signé (texte base64url, un point, signature base64url) : {preview}",
	'outcome.client-not-json':
		"la réponse du serveur de licences à {path} n'est pas du JSON : {preview}",
	'outcome.client-unexpected-shape':
		"la réponse du serveur de licences à {path} n'a pas la forme attendue ({issue})",
	'outcome.client-http':
		'le serveur de licences a répondu à {path} par HTTP {status} ({detail})',
	'outcome.client-refusal-untrusted':
		'le refus du serveur de licences ({code}) ne peut pas être cru : {reason}',
	'outcome.client-no-key':
		"aucune clé publique d'éditeur n'est reconnue : aucune réponse du serveur de licences ne peut être vérifiée",
	'outcome.client-document-refused':
		'le document du serveur de licences a été refusé : {reason}',
	'outcome.client-bad-public-key':
		'le serveur de licences a envoyé une clé publique inutilisable : {cause}',
	'outcome.client-empty-body': 'un corps vide',
	'outcome.client-quoted': '« {text} »',
	'outcome.client-size-bytes': '{amount} octets',
	'outcome.client-size-kib': '{amount} Kio',
	'outcome.client-size-mib': '{amount} Mio',
	// Les raisons du vérificateur de confiance (signing/trust.ts), dites dans les phrases ci-dessus.
	'outcome.trust-not-signed': "ce n'est pas un document signé",
	'outcome.trust-missing-parts':
		"ce n'est pas un document signé (contenu ou signature manquant)",
	'outcome.trust-malformed-signature': 'la signature est mal formée',
	'outcome.trust-payload-not-json': "le contenu n'est pas du JSON",
	'outcome.trust-signature-mismatch':
		"la signature ne correspond pas à la clé de l'éditeur (modifié, ou signé par une autre clé)",
	'outcome.trust-unreadable-document':
		'le document signé est illisible : {problem}',
	'outcome.trust-other-installation':
		'le document est pour une autre installation ({found}, pas {expected})',
	'outcome.trust-other-hardware': 'le document est lié à un autre matériel',
	'outcome.trust-no-nonce':
		'la réponse signée ne porte pas le nonce envoyé par cette connexion (un document rejoué ou périmé)',
	'outcome.trust-other-nonce':
		'la réponse signée porte un autre nonce que celui envoyé par cette connexion (un document rejoué ou périmé)',
	'outcome.trust-refusal-unreadable': 'le refus signé est illisible',
	'outcome.trust-refusal-mismatch':
		'le refus signé est pour une autre installation ou dit un autre code ({code})',
	'outcome.shape-not-activation': "ce n'est pas un document d'activation",
	'outcome.shape-missing-fields':
		'son installation, son empreinte ou sa date manque',
	'outcome.shape-no-licenses': "il n'a pas de liste de licences",
	'outcome.shape-bad-license': "sa licence {index} n'a pas la forme attendue",
	'outcome.shape-request-id': "son identifiant de demande n'est pas du texte",
	'outcome.shape-nonce': "son nonce n'est pas du texte",
	// R5 : activation manuelle
	'outcome.imported':
		'Activé à partir du fichier de réponse : {added} nouvelle(s) licence(s).',
	'outcome.altered-file': '{problem}',
	'outcome.response-unreadable':
		"Le fichier de réponse est inutilisable : {reason}. Demandez-en un nouveau au portail de l'éditeur.",
	'outcome.response-unsigned':
		"Le fichier de réponse n'est pas signé par l'éditeur : {reason}.",
	'outcome.not-a-response': "Ce fichier n'est pas une réponse d'activation.",
	'outcome.response-bad-document':
		'Le document contenu dans la réponse est inutilisable : {reason}.',
	'outcome.no-vendor-key':
		"Aucune clé publique de l'éditeur n'est encore de confiance : rien de ce que signe le serveur de licences ne peut être vérifié ; rien n'a été demandé ni modifié. Donnez la clé avec --vendor-key ou MYQ_VENDOR_KEY (vendor serve l'affiche), ou enregistrez-la avec : myq-license trust CLÉ (ou myq-license trust, pour faire confiance à la clé que présente le serveur de licences).",
	'outcome.other-installation':
		'Cette réponse a été faite pour une autre installation.',
	'outcome.no-request':
		"Aucune demande d'activation n'est en attente (la réponse répond à la demande {requestId}). Exportez une nouvelle demande.",
	'outcome.other-request':
		'Cette réponse répond à une autre demande ({requestId}) ; la demande en attente est {expected}. Utilisez la réponse faite pour le dernier fichier de demande.',
	'outcome.other-fingerprint':
		'Cette réponse a été faite pour un autre serveur (son empreinte matérielle diffère). Exportez une demande sur ce serveur et utilisez la réponse faite pour elle.',
	'outcome.outdated-response':
		'Cette réponse est plus ancienne que les licences déjà actives sur ce serveur ; elle annulerait des changements plus récents. Exportez une nouvelle demande.',
	'outcome.request-written':
		"Demande d'activation écrite dans {path}. Portez-la au portail de l'éditeur, puis : myq-license import FICHIER-DE-RÉPONSE",
	// R7 : appareils d\'impression
	'outcome.device-activated': 'Appareil {id} activé.',
	'outcome.device-deactivated': 'Appareil {id} désactivé.',
	'outcome.device-exists': "L'appareil {id} est déjà activé.",
	'outcome.capacity-reached':
		'Appareil {id} refusé : la capacité est de {capacity} et {count} appareils sont activés.',
	'outcome.unknown-device': "Il n'y a pas d'appareil activé {id}.",
	'outcome.device-name-empty':
		"Un appareil a besoin d'un nom : donnez-en un, ou aucun pour le suivant libre (device-N).",
	'outcome.device-name-too-long':
		"Un nom d'appareil compte au plus {max} caractères ({length} donnés) : raccourcissez-le.",
	'outcome.device-name-unprintable':
		"Un nom d'appareil ne contient que des caractères imprimables ; celui-ci a des caractères de contrôle ({id}) : retirez-les.",
	'outcome.no-device': "Aucun appareil n'est activé.",
	// Les étapes propres au simulateur
	'outcome.portal-refused':
		"Le portail de l'éditeur a refusé la demande : {reason}",
	'outcome.vendor-done': 'éditeur : {action} {key}',
	'outcome.vendor-extended': 'éditeur : prolongation de {key} de {days} jours',
	'outcome.vendor-refused': '{reason}',
	'outcome.key-refusals': '{reasons}',

	'contact.succeeded':
		'Connexion au serveur de licences réussie : les licences sont à jour.',
	'contact.failed':
		'Impossible de se connecter au serveur de licences : {reason}. Vérifiez la connexion internet et essayez « Se connecter maintenant ».',
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
	'problem.no-vendor-key':
		"Les licences ne peuvent pas être vérifiées : aucune clé publique de l'éditeur n'est de confiance (R16), donc le document de licence enregistré n'est pas lu. Donnez la clé avec --vendor-key ou MYQ_VENDOR_KEY (vendor serve l'affiche), ou enregistrez-la avec : myq-license trust CLÉ (ou myq-license trust, pour faire confiance à la clé que présente le serveur de licences). Rien n'a été supprimé.",
	'problem.bad-signature':
		"Le document de licence enregistré a été rejeté : {reason}. Il est conservé, pas lu. Connectez-vous au serveur de licences (myq-license connect) pour récupérer un document valide, ou activez de nouveau ; si la clé de l'éditeur a changé, faites confiance à la nouvelle (myq-license trust CLÉ --replace).",
	'problem.bad-document':
		'Le document de licence enregistré est illisible : {reason}. Il est conservé, pas lu. Connectez-vous au serveur de licences (myq-license connect) pour récupérer un document valide, ou activez de nouveau.',
	'problem.unreadable-state':
		"L'état enregistré est illisible : {reason}. Rien de son contenu n'est pris en compte ; la prochaine commande qui enregistre en met une copie de côté. Enregistrez de nouveau le client, ajoutez les clés et activez, ou contactez le support MyQ.",

	'log.started': 'serveur MyQ démarré',
	'log.customer-saved': 'client enregistré : {company}',
	'log.key-added': "{keyKind} {key} ajoutée, en attente d'activation",
	'log.key-refused': '{keyRefusal}',
	'log.license-activated': '{id} : {kind}, {devices} appareil(s)',
	'log.activation-refused': '{key} : {refusal}',
	'log.activation-failed':
		"échec de l'activation : {failure}. Les clés restent en attente ; sans réseau, utilisez l'activation manuelle.",
	'log.contact-refused': 'le serveur de licences a refusé : {refusal} ({code})',
	'log.contact-failed':
		"le serveur de licences n'a pas pu être joint : {failure}",
	'log.license-replaced':
		'un document valide du serveur de licences a remplacé le document rejeté',
	'log.license-extended': '{id} expire désormais le {date}',
	'log.license-renewal-on': '{id} : renouvellement automatique activé',
	'log.license-renewal-off': '{id} : renouvellement automatique désactivé',
	'log.license-expired': '{id} expirée ({reason})',
	'log.license-revoked': "{id} a été révoquée par l'éditeur",
	'log.hardware-changed':
		'le matériel a changé : réactivez les licences dans les {days} jours',
	'log.hardware-restored': "le matériel d'origine est de retour",
	'log.reactivated': 'licences réactivées sur le nouveau matériel',
	'log.device-activated': 'appareil {id} activé ({count}/{capacity})',
	'log.device-refused':
		'appareil {id} refusé : la capacité est de {capacity} et {count} appareils sont activés',
	'log.device-deactivated': 'appareil {id} désactivé',
	'log.clock-tampered': "l'horloge a reculé de {amount} {unit}",
	'log.clock-confirmed': "le serveur de licences a confirmé l'heure",
	'log.clock-still-behind':
		"l'heure du serveur de licences est en avance de {amount} {unit} sur cette horloge : l'heure n'est pas confirmée ; remettez l'horloge à l'heure, puis reconnectez-vous",
	'log.document-rejected': '{source} rejeté : {message}',
	'log.manual-request-exported': "demande d'activation {requestId} exportée",
	'log.manual-response-refused': "réponse d'activation refusée : {message}",
	'log.vendor-key-pinned':
		"l'administrateur a choisi de faire confiance à la clé publique de l'éditeur {key} que présente le serveur de licences ; les documents signés par une autre clé sont refusés",
	'log.state-changed': '{from} → {to}',
	'log.state-stopped': '{from} → {to} ({stopReason})',
	'log.stop-reason.license-problem': 'problème de licence',
	'log.stop-reason.server-stopped': 'serveur de licences injoignable',
	'log.failure.network': 'pas de réponse par le réseau',
	'log.failure.timeout': "pas de réponse dans le délai d'attente",
	'log.failure.http': 'le serveur a répondu par une erreur HTTP',
	'log.failure.rejected': 'le serveur de licences a refusé la demande',
	'log.failure.bad-signature':
		"sa réponse ne correspond pas à la clé de l'éditeur (modifiée, ou signée par une autre clé)",
	'log.failure.bad-response': 'sa réponse est illisible',
	'log.failure.stale':
		"sa réponse n'a pas été faite pour cette connexion (rejouée ou périmée)",
	'log.failure.wrong-url':
		"l'adresse ne ressemble pas à un serveur de licences (vérifiez l'URL)",
	'log.refusal.unknown-key': 'clé inconnue',
	'log.refusal.malformed-key': 'clé mal formée',
	'log.refusal.key-bound-elsewhere': 'clé déjà liée à une autre installation',
	'log.refusal.unknown-installation': 'installation inconnue',
	'log.refusal.revoked': "licence révoquée par l'éditeur",
	'log.refusal.rate-limited':
		"trop d'activations de cette clé en une heure, réessayez plus tard",
	'log.source.stored-state': 'état enregistré',
	'log.source.stored-document': 'document enregistré',
	'log.unit.minutes': 'minutes',
	'log.unit.hours': 'heures',
	'log.unit.days': 'jours',
	'log.vendor-extend': "l'éditeur prolonge {key} de {days} jours",
	'log.vendor-cancel-renewal':
		"l'éditeur annule le renouvellement automatique de {key}",
	'log.vendor-revoke': "l'éditeur révoque {key}",
	'log.vendor-refused':
		"action de l'éditeur refusée ({action}, {key}) : {message}",
	'log.vendor-action.extend': 'prolongation',
	'log.vendor-action.cancel-renewal': 'annulation du renouvellement',
	'log.vendor-action.revoke': 'révocation',

	'step.when': 'jour {day}',
	'step.when-later': 'jour {day} +{hours} h',
	'step.register':
		'enregistrer le client (remplir et enregistrer le formulaire)',
	'step.add-key': 'ajouter la clé {key}',
	'step.activate': 'appuyer sur Activer',
	'step.activate-manual': 'activer par fichier (activation manuelle)',
	'step.import-response': 'importer un fichier de réponse',
	'step.hardware': 'redémarrer MyQ sur un autre matériel ({use})',
	'step.network.online': 'en ligne',
	'step.network.offline': 'hors ligne',
	'step.network.error': 'erreurs serveur',
	'step.network.slow': 'lent',
	'step.network.garbage': 'réponses illisibles',
	'step.devices-activate': "activer {count} appareil(s) d'impression",
	'step.devices-deactivate': "désactiver {count} appareil(s) d'impression",
	'step.restart': 'redémarrer le serveur MyQ',
	'step.connect': 'appuyer sur Se connecter maintenant',
	'step.network-online': 'rétablir le réseau (en ligne)',
	'step.network-offline': 'couper le réseau (hors ligne)',
	'step.network-error': 'faire répondre le serveur de licences par des erreurs',
	'step.network-slow': 'ralentir le réseau (délais dépassés)',
	'step.network-garbage':
		'rendre illisibles les réponses du serveur de licences',
	'step.clock-back': "reculer l'horloge du serveur de {minutes} min",
	'step.clock-forward': "avancer l'horloge du serveur de {minutes} min",
	'step.vendor-extend': "l'éditeur prolonge {key} de {days} jours",
	'step.vendor-cancel-renewal': "l'éditeur annule le renouvellement de {key}",
	'step.vendor-revoke': "l'éditeur révoque {key}",

	'ui.home': 'Accueil',
	'ui.settings-license': 'Réglages > Licence',
	'ui.license': 'Licence',
	'ui.licenses': 'Licences',
	'ui.customer': 'Client',
	'ui.events': 'Événements',
	'ui.enter-license': 'Saisir la licence',
	'ui.key-field': "Saisir la clé d'installation",
	'ui.key-field.more': 'Ajouter des clés de licence',
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
	'ui.expired-on': 'Expirée le {date}',
	'ui.renews-on': 'Renouvellement automatique le {date}',
	'ui.never': 'Jamais',
	'ui.no-licenses': 'Aucune licence pour le moment.',
	'ui.search-country': 'Tapez pour rechercher un pays',
	'ui.no-country-found': 'Aucun pays ne correspond à « {query} ».',

	// Le tableau de bord (issue 5)
	'ui.product': 'Licence MyQ',
	'ui.devices': 'Appareils',
	'ui.help': 'aide',
	'ui.starting':
		'Démarrage : chargement des licences et connexion au serveur de licences…',
	'ui.starting-demo': 'Démarrage du simulateur…',
	'ui.needs-terminal':
		"Le tableau de bord a besoin d'un terminal : {streams}. Dans les scripts, utilisez myq-license status (--json pour un document JSON) et les autres commandes (myq-license --help les liste).",
	'ui.needs-terminal.stdin': "son entrée standard n'est pas un terminal (TTY)",
	'ui.needs-terminal.stdout':
		"sa sortie standard n'est pas un terminal (TTY) : c'est un tube ou un fichier",
	'ui.needs-terminal.both':
		'ni son entrée standard ni sa sortie standard ne sont un terminal (TTY)',
	'ui.keys': 'Clés',
	'ui.keys-hint':
		"clés d'installation ou de licence, séparées par des espaces ou des virgules",
	'ui.key.ok': '{key} : {kind}',
	'ui.key.short': '{input} : {count} symboles sur 25 pour le moment',
	'ui.key.long':
		'{input} : {count} symboles, une clé en a 25 (séparez les clés par des virgules)',
	'ui.key.symbol':
		"{input} : « {symbol} » n'est pas utilisé dans les clés (0-9 et A-Z sauf U)",
	'ui.key.kind':
		"{input} n'est pas une clé MyQ : les clés commencent par N (installation) ou K (licence)",
	'ui.key.checksum':
		'{input} contient une faute de frappe : son symbole de contrôle ne correspond pas',
	'ui.key.present':
		"{key} est déjà dans le tableau des licences : Enregistrer ne l'ajoutera pas une seconde fois",
	'ui.input.paste-ignored':
		"Texte collé laissé de côté ({count} caractères) : aucun champ n'était en saisie, et ses lettres auraient agi comme des touches (q quitte). Choisissez un champ, appuyez sur Entrée pour y saisir, puis collez.",
	'ui.input.left-out':
		'Laissé hors du champ : {chars} (caractères de contrôle : un champ ne prend que du texte imprimable).',
	'ui.key.second-installation':
		"{key} est une clé d'installation, et cette installation en a déjà une ({installation}) : Enregistrer la refusera. Ajoutez des clés de licence pour plus de licences.",
	'ui.key.more': '… et {count} autre(s)',
	'ui.country-list-hint':
		'↓ entre dans la liste · Tab ou Entrée prend la première',
	'ui.hint.save':
		"Enregistre le client et ajoute les clés au tableau, en attente d'activation.",
	'ui.hint.activate':
		'Valide les clés en attente auprès du serveur de licences, et réactive sur ce matériel.',
	'ui.hint.connect':
		'Mise à jour depuis le serveur de licences : renouvellements, prolongations, annulations.',
	'ui.hint.manual':
		'Sans réseau sur ce serveur : la demande et la réponse en fichiers ou en texte à copier.',
	'ui.manual.request-file': 'Fichier de demande',
	'ui.manual.response-file': 'Fichier de réponse',
	'ui.manual.hint':
		'Déposez le fichier de demande sur le portail de licences MyQ, puis importez le fichier de réponse obtenu.',
	'ui.manual.demo-hint':
		'Démo : le portail de licences simulé répond dès que la demande est exportée.',
	'ui.manual.demo-answered':
		'Démo : le portail simulé a écrit sa réponse dans {path} : choisissez Lire le fichier de réponse.',
	'ui.column.activated': 'Activée le',
	'ui.column.expires-renews': 'Échéance',
	'ui.status-short.pending': 'En attente',
	'ui.status-short.active': 'Active',
	'ui.status-short.hardware-grace': 'Grâce matériel',
	'ui.status-short.offline-grace': 'Grâce hors ligne',
	'ui.status-short.expired': 'Expirée',
	'ui.status-short.invalid': 'Invalide',
	'ui.reason.revoked': "révoquée par l'éditeur",
	'ui.reason.not-renewed': 'non renouvelée',
	'ui.reason.server-unreachable':
		"le serveur de licences n'a pas pu être joint",
	'ui.reason.hardware-changed': 'le matériel a changé : réactivez les licences',
	'ui.reason.clock-tampered':
		"l'horloge a été reculée : connectez-vous pour confirmer l'heure",
	'ui.reason.integrity': "le document de licence n'a pas passé la vérification",
	'ui.reason.offline': 'expirée hors ligne : connectez-vous pour renouveler',
	'ui.reason.hardware': 'autre matériel',
	'ui.table.position': '{from}–{to} sur {total} · ↑↓ PgUp PgDn',
	'ui.table.refused': 'refusée : {message}',
	'ui.home.capacity': 'Capacité',
	'ui.home.capacity-value':
		'{capacity} appareil(s) : {activated} activé(s), {free} libre(s)',
	'ui.home.unlicensed-devices':
		'{count} appareil(s) sans licence (capacité dépassée)',
	'ui.home.subscription': 'Abonnement',
	'ui.home.in-days': '(dans {days} jour(s))',
	'ui.home.more': '(+{count} autre(s))',
	'ui.home.expired-offline':
		'Expirée le {date} : délai de grâce hors ligne, connectez-vous pour renouveler',
	'ui.home.no-subscription':
		"Licences perpétuelles uniquement : pas d'échéance",
	'ui.home.license-server': 'Serveur de licences',
	'ui.home.last-contact': 'Dernière connexion le {date}',
	'ui.home.never-contacted': 'Aucune connexion',
	'ui.home.unreachable-since': 'Injoignable depuis le {date}',
	'ui.home.hardware': 'Matériel',
	'ui.home.hardware-bound': 'Lié à ce serveur ({fingerprint})',
	'ui.home.hardware-changed':
		'Changé : réactivez avant le {date} ({days} jour(s) restant(s))',
	'ui.home.hardware-invalid':
		"Changé depuis plus de 7 jours : licences invalides jusqu'à une nouvelle activation",
	'ui.home.next-change': 'Prochain changement',
	'ui.home.unlicensed':
		"Aucune licence pour le moment : MyQ fonctionne dès qu'une licence est activée.",
	'ui.home.enter-license-hint':
		'Appuyez sur Entrée pour ouvrir Réglages > Licence et saisir vos clés.',
	'ui.home.recent-events': 'Événements récents',
	'ui.home.no-customer': "Aucun client n'est enregistré.",
	'ui.devices.title': "Appareils d'impression",
	'ui.devices.summary':
		'Capacité {capacity} · {activated} activé(s) · {free} libre(s)',
	'ui.devices.activated-at': 'activé le {date}',
	'ui.devices.licensed': 'sous licence',
	'ui.devices.unlicensed': 'SANS LICENCE',
	'ui.devices.none': "Aucun appareil d'impression n'est activé.",
	'ui.devices.hint':
		"a activer un appareil · Suppr ou - désactiver l'appareil choisi · ↑↓ choisir",
	'ui.events.title': 'Événements, du plus récent au plus ancien',
	'ui.events.count-one': '1 événement',
	'ui.events.count': '{count} événements',
	'ui.events.none': 'Aucun événement pour le moment.',
	'ui.outcome.activated':
		'Activé : {added} nouvelle(s) licence(s), {total} au total.',
	'ui.outcome.not-activated':
		"Rien n'est encore activé : il n'y a rien à demander au serveur de licences.",
	'ui.outcome.failed': 'Échec : {message}',
	'ui.trust.offer':
		"Aucune clé de l'éditeur n'est encore de confiance. Le serveur de licences présente la clé {key} : si c'est celle de votre éditeur, appuyez de nouveau sur {action} pour lui faire confiance désormais (enregistrée dans votre dossier de configuration).",
	'ui.trust.done':
		"Clé de l'éditeur {key} de confiance dès la première utilisation, enregistrée dans {file}.",
	'ui.trust.unavailable':
		"Aucune clé de l'éditeur n'est encore de confiance, et le serveur de licences n'en a pas donné ({reason}). Lancez le tableau de bord avec --vendor-key, ou exécutez : myq-license trust CLÉ.",
	'ui.busy.save': 'Enregistrement…',
	'ui.busy.activate': 'Activation auprès du serveur de licences…',
	'ui.busy.connect': 'Connexion au serveur de licences…',
	'ui.busy.export': "Export de la demande d'activation…",
	'ui.busy.import': "Import de la réponse d'activation…",
	'ui.busy.device': 'Mise à jour des appareils…',
	'ui.label': '{label} : {value}',
	// The footer: the words after the keys of ui/keymap.ts.
	'ui.key-hint.or': 'ou',
	'ui.key-hint.open': 'ouvrir',
	'ui.key-hint.screens': 'écrans',
	'ui.key-hint.help': 'aide',
	'ui.key-hint.quit': 'quitter',
	'ui.key-hint.quits': 'quitte',
	'ui.key-hint.move': 'déplacer',
	'ui.key-hint.press': 'valider',
	'ui.key-hint.leave': 'sortir',
	'ui.key-hint.back': 'retour',
	'ui.key-hint.back-to-form': ': formulaire',
	'ui.key-hint.typing': 'Saisie',
	'ui.key-hint.next-field': 'champ suivant',
	'ui.key-hint.previous': 'précédent',
	'ui.key-hint.demo-key': 'clé de démo',
	'ui.key-hint.leave-field': 'quitter le champ',
	'ui.key-hint.select': 'choisir',
	'ui.key-hint.activate': 'activer',
	'ui.key-hint.deactivate': 'désactiver',
	'ui.key-hint.scroll': 'défiler',
	'ui.key-hint.any-key-closes': "Toute autre touche ferme l'aide",
	'ui.key-hint.go': 'aller',
	'ui.key-hint.cancel': 'annuler',
	'ui.key-hint.time': 'temps',
	'ui.key-hint.jump': 'jour…',
	'ui.key-hint.play': 'lecture',
	'ui.key-hint.network': 'réseau',
	'ui.key-hint.hardware': 'matériel',
	'ui.key-hint.restart': 'relance',
	'ui.key-hint.step': 'étape',
	'ui.key-hint.key': 'clé',
	'ui.help.key.enter': 'Entrée',
	'ui.help.key.escape': 'Échap',
	'ui.help.key.delete': 'Suppr',
	'ui.help.key.shift-tab': 'Maj+Tab',
	'ui.help.title': 'Touches : {place}',
	'ui.help.screens': 'aller à un écran (Accueil…)',
	'ui.help.tab': 'contrôle suivant / précédent (un écran, hors formulaires)',
	'ui.help.arrows': 'se déplacer dans les formulaires, listes et menus',
	'ui.help.enter': 'valider, choisir, saisir dans un champ',
	'ui.help.escape': 'arrêter la saisie, fermer, effacer le filtre, revenir',
	'ui.help.pages': "faire défiler une page ou une liste d'un écran",
	'ui.help.devices': 'activer / désactiver',
	'ui.help.help': 'cette aide',
	'ui.help.quit': 'quitter, terminal rétabli',
	'ui.help.demo-title': 'Simulation (démo)',
	'ui.help.demo.time': '+1 heure, jour, semaine, 30 j',
	'ui.help.demo.next':
		"jusqu'au prochain changement : bandeau, décompte, statut",
	'ui.help.demo.jump':
		'un numéro de jour, puis Entrée : aller à ce jour, même passé',
	'ui.help.demo.play': 'lecture / pause du temps',
	'ui.help.demo.network': 'couper / rétablir le réseau',
	'ui.help.demo.swap': 'redémarrer sur un autre matériel',
	'ui.help.demo.restart': 'redémarrer le serveur MyQ',
	'ui.help.demo.step': 'étape suivante du scénario',
	'ui.help.demo.key': 'choisir une clé de démo à coller (ajoutée au champ)',
	'ui.help.renews': 'renouvellement automatique',
	'ui.help.close': 'Toute autre touche ferme cette aide (q quitte).',
	'ui.demo-keys.title':
		'Clés de démo (Ctrl+K en choisit une à coller, même pendant la saisie) :',
	'ui.demo-key.perpetual': 'perpétuelle, {devices} appareil(s)',
	'ui.demo-key.subscription': 'abonnement, {devices} appareil(s), {days} jours',
	'ui.demo-key.subscription-renews':
		'abonnement, {devices} appareil(s), {days} jours, renouvellement automatique',
	'ui.demo.badge': 'DÉMO',
	'ui.demo.day': 'jour {day}',
	'ui.demo.network': 'réseau',
	'ui.demo.hardware': 'matériel',
	'ui.demo.playing': 'lecture',
	'ui.demo.paused': 'pause',
	'ui.demo.timeline': 'Chronologie',
	'ui.demo.jump-prompt': 'Temps (jour {day}) : un jour, ou h d w m x :',
	'ui.demo.moved': 'Temps simulé : {date} (jour {day}).',
	'ui.demo.swapped': 'Le serveur MyQ a redémarré sur le matériel {hardware}.',
	'ui.demo.restarted': 'Le serveur MyQ a redémarré.',
	'ui.demo.stepped': 'Scénario : {step}.',
	'ui.demo.no-more-steps': "Le scénario n'a plus d'étape.",
	'ui.network.online': 'en ligne',
	'ui.network.offline': 'HORS LIGNE',
	'ui.network.error': 'erreurs serveur',
	'ui.network.slow': 'lent',
	'ui.network.garbage': 'réponses illisibles',
	'ui.event.started': 'Démarrage',
	'ui.event.customer-saved': 'Client enregistré',
	'ui.event.key-added': 'Clé ajoutée',
	'ui.event.key-refused': 'Clé refusée',
	'ui.event.license-activated': 'Licence activée',
	'ui.event.activation-failed': "Échec de l'activation",
	'ui.event.activation-refused': 'Activation refusée',
	'ui.event.contact-succeeded': 'Connexion réussie',
	'ui.event.contact-failed': 'Échec de connexion',
	'ui.event.contact-refused': 'Connexion refusée',
	'ui.event.license-changed': 'Licence modifiée',
	'ui.event.license-expired': 'Licence expirée',
	'ui.event.license-revoked': 'Licence révoquée',
	'ui.event.hardware-changed': 'Changement de matériel',
	'ui.event.hardware-restored': 'Matériel rétabli',
	'ui.event.reactivated': 'Licences réactivées',
	'ui.event.device-activated': 'Appareil activé',
	'ui.event.device-refused': 'Appareil refusé',
	'ui.event.device-deactivated': 'Appareil désactivé',
	'ui.event.clock-tampered': 'Horloge reculée',
	'ui.event.clock-confirmed': 'Horloge confirmée',
	'ui.event.document-rejected': 'Document rejeté',
	'ui.event.manual-request-exported': 'Demande exportée',
	'ui.event.manual-response-refused': 'Réponse refusée',
	'ui.event.vendor-key-pinned': "Clé de l'éditeur de confiance",
	'ui.event.state-changed': "Changement d'état",
	'ui.form.conflict':
		"Le client enregistré a changé pendant que vous modifiiez ce formulaire (désormais : {company}), par un autre programme sur le même stockage. Recharger reprend le client enregistré ; Garder le mien garde ce formulaire, qu'Enregistrer écrira à sa place.",
	'ui.form.reload': 'Recharger',
	'ui.form.keep': 'Garder le mien',
	'ui.form.conflict-pending':
		"Le client enregistré a changé pendant que vous modifiiez le formulaire : choisissez Recharger ou Garder le mien avant d'enregistrer.",
	'ui.confirm.deactivate':
		"Désactiver l'appareil d'impression {id} ? Il n'imprime plus jusqu'à ce qu'il soit réactivé.",
	'ui.confirm.deactivate-yes': 'Oui, désactiver {id}',
	'ui.confirm.no': 'Non, le garder',
	'ui.message.more': '… i affiche le message entier',
	'ui.message.title': 'Le message entier',
	'ui.page.position': 'lignes {from}–{to} sur {total} · PgUp PgDn défilent',
	'ui.key.repeated':
		"{key} est saisie plus d'une fois : Enregistrer l'ajoutera une fois et refusera celle-ci",
	'ui.column.why': 'Pourquoi',
	'ui.table.keys-hint': '/ filtrer · f clés entières',
	'ui.table.problems': '{count} ne compte(nt) pas : pourquoi dessous',
	'ui.filter.summary':
		'{count} sur {total} · n N suivant/précédent · Échap efface',
	'ui.filter.none': "Rien ne correspond au filtre (Échap l'efface).",
	'ui.outcome.up-to-date':
		'Activé : les licences sont à jour ({total} au total).',
	'ui.key-hint.filter': 'filtrer',
	'ui.key-hint.matches': 'résultat suivant/précédent',
	'ui.key-hint.clear-filter': 'effacer le filtre',
	'ui.key-hint.any-key-closes-message': 'Toute autre touche ferme le message',
	'ui.key-hint.day-number': 'jour',
	'ui.key-hint.yes': 'oui',
	'ui.key-hint.no': 'non',
	'ui.key-hint.choose': 'choisir',
	'ui.key-hint.stop-typing': 'arrêter la saisie',
	'ui.key-hint.keep-filter': 'garder le filtre',
	'ui.key-hint.import-when-whole': 'importe une fois complète',
	'ui.key-hint.next': 'suivant',
	'ui.key-hint.do': 'exécuter',
	'ui.key-hint.pick': 'valider',
	'ui.key-hint.back-to-typing': 'revenir à la saisie',
	'ui.key-hint.type': 'saisir dans le champ',
	'ui.key-hint.full-keys': 'clés entières',
	'ui.key-hint.type-press': 'saisir ou valider',
	'ui.key-hint.details': 'licences',
	'ui.help.menu-number': 'choisir cet élément du menu',
	'ui.key-hint.copy-then-close':
		'Copiez les lignes de BEGIN à END, puis une touche ferme',
	'ui.help.place.text': 'un texte à copier',
	'ui.country-list-hint-in':
		'↑↓ j k choisir · Entrée ou son chiffre valide · Échap : saisie',
	'ui.key-hint.time-anywhere': 'temps',
	'ui.mode.browse': 'Navigation',
	'ui.mode.typing': 'Saisie : {field}',
	'ui.mode.day': 'jour',
	'ui.mode.filter': 'filtre',
	'ui.help.first-last': 'premier / dernier',
	'ui.help.left-right': 'le long des boutons ; dans un champ, le curseur',
	'ui.help.text-ends': 'début / fin du texte',
	'ui.help.text-clear': 'vider le champ / effacer un mot',
	'ui.help.enter-typing':
		'champ suivant (champ à coller : importe une fois complet)',
	'ui.help.filter': 'filtrer la liste',
	'ui.help.match': 'résultat suivant / précédent',
	'ui.help.full-keys': 'afficher les clés entières',
	'ui.help.confirm': 'oui / non',
	'ui.help.message': 'le message entier, quand il est coupé',
	'ui.help.demo.time-prompt': 'invite du temps, même pendant la saisie',
	'ui.help.place.typing': 'saisie dans un champ',
	'ui.help.place.menu': 'un menu',
	'ui.help.place.confirm': 'une question',
	'ui.help.place.time': "l'invite du temps",
	'ui.help.place.home': 'Accueil',
	'ui.help.place.settings': 'Réglages > Licence',
	'ui.help.place.table': 'le tableau des licences',
	'ui.help.place.manual': 'Activation manuelle',
	'ui.help.place.devices': 'Appareils',
	'ui.help.place.events': 'Événements',
	'ui.manual.intro':
		"Quand ce serveur n'a pas de réseau : donnez la demande d'activation au portail de l'éditeur (en fichier, ou en texte à copier), puis rapportez sa réponse de la même façon.",
	'ui.manual.demo-intro':
		"Démo : le portail simulé de l'éditeur répond aussitôt, par un fichier à côté de la demande et par un texte à recopier.",
	'ui.manual.folder': 'Dossier',
	'ui.manual.write': 'Écrire le fichier de demande ({request})',
	'ui.manual.show': 'Afficher la demande en texte, à copier',
	'ui.manual.read': 'Lire le fichier de réponse ({response})',
	'ui.manual.paste': 'Coller la réponse en texte',
	'ui.manual.request-text':
		"Demande d'activation : copiez les lignes de BEGIN à END vers le portail de l'éditeur.",
	'ui.manual.portal-text':
		'Le portail de démo a répondu : copiez les lignes de BEGIN à END, puis choisissez Coller la réponse.',
	'ui.manual.response': 'Réponse',
	'ui.manual.paste-hint': 'collez les lignes de BEGIN à END',
	'ui.manual.paste-whole':
		"Une réponse d'activation complète ({count} caractères) : Entrée l'importe.",
	'ui.manual.paste-empty':
		'Collez la réponse : les lignes de BEGIN à END, ou son texte JSON.',
	'ui.manual.paste-incomplete': "Incomplète : collez jusqu'à la ligne END.",
	'ui.manual.paste-unreadable':
		"Ce n'est pas une réponse d'activation : collez les lignes de BEGIN à END telles que le portail les a données.",
	'ui.manual.import': 'Importer la réponse collée',
	'ui.manual.next-step':
		"Portez-le au portail de l'éditeur, puis rapportez sa réponse en {response} dans le même dossier, ou en texte.",
	'ui.manual.shown':
		"La demande est affichée en texte : copiez-la vers le portail de l'éditeur, puis collez sa réponse.",
	'ui.manual.shown-demo':
		'La réponse du portail de démo est affichée en texte : copiez-la, puis choisissez Coller la réponse.',
	'ui.file.missing': 'fichier introuvable',
	'outcome.licenses-revoked':
		"Connecté au serveur de licences : {count} licence(s) révoquée(s) par l'éditeur ({ids}) ; elles ne comptent plus. Voir Réglages > Licence.",
	'outcome.licenses-lost':
		'Connecté au serveur de licences : {count} licence(s) ne comptent plus ({ids}). Voir pourquoi dans Réglages > Licence.',
	'log.contact-restored':
		'le serveur de licences répond de nouveau (injoignable depuis le {since})',
	// export-scenario (SPEC §5) : le nom du fichier et ses commentaires
	'export.name': 'Installation client, exportée le {date}',
	'export.name-of': '{company}, exportée le {date}',
	'export.header':
		"Exporté par myq-license export-scenario le {date} depuis l'historique enregistré de l'installation.",
	'export.header-neutral':
		'Les données personnelles et les clés sont remplacées par des valeurs neutres. Pour le rejouer : myq-license simulate FICHIER',
	'export.header-personal-kept':
		'Ce fichier contient les données personnelles et les clés du client (--keep-personal-data) : à partager avec précaution.',
	'export.expect':
		"Les états que l'installation a enregistrés : rejouer ce fichier doit les reproduire.",
	'export.note.vendor-inferred':
		"Déduit : la réponse du serveur de licences du {date} montrait ce changement ; l'éditeur l'a fait avant.",
	'export.note.clock-inferred':
		"Déduit : l'heure du serveur de licences montrait que l'horloge du serveur avait bougé depuis sa réponse précédente.",
	'export.note.hardware-without-restart':
		'Déduit : le serveur a vu un autre matériel sans redémarrer ; le simulateur change de matériel en redémarrant.',
	'export.note.failure-approximated':
		"Ici l'échange a échoué : {failure} ; le simulateur le reproduit par des réponses illisibles.",
	'export.note.renewal-back-on':
		"{license} : le renouvellement automatique a été réactivé avant le {date} ; le simulateur n'a pas d'étape éditeur pour cela.",
	'export.note.expiry-not-expressed':
		"{license} : son expiration est passée au {date} d'une façon qu'aucune étape éditeur du simulateur n'exprime.",
	'export.note.summary':
		"L'installation telle qu'elle était quand son historique plus ancien a été résumé, reconstruite au jour 0.",
	'export.note.summarised':
		"L'historique avant le {date} a été résumé (l'installation garde ses 400 derniers jours en entier) : le jour 0 reconstruit l'installation telle qu'elle était, ses dates d'expiration aussi près que les étapes éditeur le permettent.",
	'export.note.over-limits':
		"Cette installation dépasse ce qu'un scénario peut contenir ({steps} étapes, {expectations} attentes, {devices} appareils activés ; {max} au plus chacun) : simulate refuse le fichier tant qu'on n'en retire pas.",
	'export.note.rough-terms':
		"Les durées d'abonnement qui n'étaient pas des jours entiers sont arrondies : {licenses}.",
	// simulate --explain : la règle derrière chaque bandeau, statut de licence et l'état (i18n/explain.ts)
	'explain.rule': '{rule} :',
	'explain.never': 'jamais',
	'explain.problem.no-vendor-key': "aucune clé d'éditeur n'est configurée",
	'explain.problem.bad-signature':
		"pas signé par la clé d'éditeur de confiance",
	'explain.problem.bad-document': 'pas un document que ce programme lit',
	'explain.problem.unreadable-state': "l'état enregistré est illisible",
	'explain.perpetual-active': 'licence perpétuelle, activée le {activatedAt}',
	'explain.subscription-active':
		'abonnement, expire le {expiresAt}, dans {days} jour(s)',
	'explain.subscription-renews':
		'abonnement, renouvelé automatiquement le {expiresAt}, dans {days} jour(s)',
	'explain.expired-not-renewed':
		"expiré le {expiresAt} ; le serveur de licences, joint depuis (dernier contact réussi le {lastSuccessAt}), ne l'a pas prolongé",
	'explain.offline-grace':
		"expiré le {expiresAt}, aucun contact réussi depuis (dernier : {lastSuccessAt}) : compte jusqu'au {graceEndsAt}, {days} jour(s) restant(s)",
	'explain.expired-unreachable':
		'expiré le {expiresAt}, aucun contact réussi depuis (dernier : {lastSuccessAt}) : les 10 jours de grâce ont pris fin le {graceEndsAt}',
	'explain.revoked': "révoquée par l'éditeur le {revokedAt}",
	'explain.hardware-grace':
		"autre matériel vu le {mismatchSince} : compte jusqu'au {graceEndsAt} sauf réactivation, {days} jour(s) restant(s)",
	'explain.hardware-invalid':
		'autre matériel vu le {mismatchSince}, pas réactivé avant le {graceEndsAt}',
	'explain.clock-held':
		"horloge reculée le {tamperedAt}, {behind} minute(s) avant l'heure la plus tardive vue : aucun abonnement ne compte tant qu'un contact ne confirme pas l'heure",
	'explain.integrity':
		"le document enregistré n'est plus de confiance depuis le {sinceAt} : {problem}",
	'explain.pending': "ajoutée le {addedAt}, en attente d'Activer",
	'explain.pending-refused':
		"ajoutée le {addedAt}, refusée par le serveur de licences à l'activation : {refusal}",
	'explain.hardware-changed':
		"autre matériel vu le {mismatchSince}, 7 jours pour réactiver, jusqu'au {graceEndsAt} : {days} jour(s)",
	'explain.server-unreachable':
		'dernier contact réussi {lastSuccessAt}, injoignable depuis le {unreachableSince}, abonnement {license} expire le {expiresAt}, {grace} + {toExpiry} = {days} jours',
	'explain.server-unreachable-grace':
		'dernier contact réussi {lastSuccessAt}, injoignable depuis le {unreachableSince}, abonnement {license} expiré le {expiresAt}, {grace} - {toExpiry} = {days} jours',
	'explain.subscription-expiring':
		"abonnement {license} expire le {expiresAt} et n'est pas renouvelé automatiquement : {days} jour(s)",
	'explain.clock-tampered':
		"horloge reculée le {tamperedAt}, {behind} minute(s) avant l'heure la plus tardive vue ({highWaterAt}) ; un contact réussi confirme l'heure",
	'explain.stop-integrity':
		"plus rien de signé n'est de confiance depuis le {sinceAt} : {problem}",
	'explain.stop-server':
		'abonnement {license} expiré le {expiresAt}, aucun contact réussi dans les 10 jours suivants (dernier : {lastSuccessAt}) : plus rien ne compte depuis le {graceEndsAt}',
	'explain.stop-clock':
		"horloge reculée le {tamperedAt}, {behind} minute(s) avant l'heure la plus tardive vue : plus rien ne compte tant qu'un contact ne confirme pas l'heure",
	'explain.stop-nothing-counts':
		'aucune des {licenses} licence(s) ne compte plus',
	'explain.state-unlicensed': "rien n'a jamais été activé",
	'explain.state-running': '{counting} licence(s) comptent, aucun bandeau',
	'explain.state-warning':
		'{counting} licence(s) comptent, {banners} bandeau(x)',
	'explain.state-stopped':
		'quelque chose a été activé et plus aucune licence ne compte',
	'explain.capacity':
		'les appareils de chaque licence qui compte : {sum} = {capacity}',
	'explain.devices':
		'{activated} activé(s), {licensed} sous licence dans la capacité de {capacity} ; les plus récents au-delà sont sans licence',
	'cli.explain.header': '{scenario} : jour {day} ({date})',
	'cli.explain.state': 'État : {state}',
	'cli.explain.capacity': 'Capacité : {capacity}',
	'cli.explain.devices': 'Appareils : {licensed}/{activated}',
	'cli.explain.banners': 'Bandeaux',
	'cli.explain.no-banner': 'aucun bandeau',
	'cli.explain.licenses': 'Licences',
	'cli.explain.no-license': 'aucune licence',
	// simulate --report : la page pour un ticket de support (simulator/report-html.ts)
	'report.title': 'chronologie des licences',
	'report.picture':
		"Chronologie : l'état de chaque jour, les bandeaux, les licences, les étapes et les événements",
	'report.from': 'Du',
	'report.to': 'Au',
	'report.language': 'Langue',
	'report.expectations': 'Attentes',
	'report.axis-day': 'jour {day}',
	'report.day-one': 'jour {day} ({date})',
	'report.day-range': 'jours {from}-{to} (du {start} au {end})',
	'report.days-left': '{days} j',
	'report.days-from-to': '{from} → {to} j',
	'report.state': 'État',
	'report.banners': 'Bandeaux',
	'report.banner': 'Bandeau',
	'report.when': 'Quand',
	'report.day-counts': 'Jours',
	'report.steps': 'Étapes',
	'report.step': 'Étape',
	'report.events': 'Événements',
	'report.day': 'Jour',
	'report.date': 'Date',
	'report.type': 'Type',
	'report.text': 'Texte',
	'report.none': 'Aucun.',
	'report.failed': 'Attentes non tenues',
};
