# Crossing fleet server — the console's and the API's own words, Canadian French (fr-CA).
# Machine-made translation (written by an AI assistant): native-speaker review pending.
# Same ids and arguments as ../en/console.ftl (fleet/src/console/tests.rs). Terms as the phone
# uses them (docs/glossary/fr-CA.md): voyage (trip), envoi (shipment), chauffeur (driver),
# répartiteur (dispatcher), flotte (fleet), jeton (token), incident (exception), remorque
# (trailer), point d'entrée (port), douane (customs). Never translated: ACI, ACE, CBSA, CBP, CRN,
# CCN, PARS, PAPS, ETA, BorderConnect, JSON, ids, trip numbers, port codes, flag names.
# Typography: no-break space (U+00A0) before ":" and inside « »; no space before ";", "?", "!".

api-unauthorized = un jeton porteur (bearer) valide est requis

## Every page's frame

console-page-title = { $page } · Console de flotte Crossing
console-skip = Aller au contenu
console-brand = Crossing · console de flotte
console-nav = Console
console-nav-board = Tableau
console-nav-push = Publier un voyage
console-sign-out = Se déconnecter
console-language = Langue
console-back = ← Retour
console-back-board = ← Tableau

## Sign-in

console-sign-in-title = Connexion
console-sign-in-intro = Collez votre jeton de gestionnaire de flotte. Les jetons de chauffeur n'ouvrent pas la console.
console-sign-in-token = Jeton de gestionnaire
console-sign-in-button = Se connecter
console-sign-in-refused = Ce n'est pas un jeton de gestionnaire de flotte valide (les jetons de chauffeur n'ouvrent pas la console).
console-sign-in-too-many = Trop de tentatives de connexion : réessayez dans { $seconds } s.

## Refusals

console-cross-origin = requête d'une autre origine refusée : les formulaires de la console doivent être envoyés depuis la console elle-même
console-lang-unknown = « { $tag } » n'est pas une langue de la console : utilisez en (English) ou fr-CA (Français)
console-not-done = Non effectué
console-no-such-page = page introuvable
console-no-such-action = action inconnue
console-error-field = Champ :

## The board

console-board-title = Tableau
console-board-unread = { $count ->
    [one] { $count } nouvel incident
   *[other] { $count } nouveaux incidents
} depuis votre dernière visite du tableau
console-board-updated = mis à jour à
console-board-reload = Mises à jour en direct interrompues : recharger la page
console-board-announce = { $count ->
    [one] { $count } nouvel incident au tableau.
   *[other] { $count } nouveaux incidents au tableau.
}
console-board-caption = { $count ->
    [one] { $count } voyage
   *[other] { $count } voyages
}, incidents d'abord, puis par ETA
console-board-caption-filtered = { $count ->
    [one] { $count } voyage
   *[other] { $count } voyages
}, incidents d'abord, puis par ETA (filtré)
console-board-empty = Aucun voyage ne correspond à ces filtres.
console-filters = Filtres
console-filter-status = État
console-filter-flag = Signalement
console-filter-driver = Chauffeur
console-filter-port = Point d'entrée
console-filter-regime = Régime
console-filter-any = Tous
console-filter-aci = ACI (vers le Canada)
console-filter-ace = ACE (vers les États-Unis)
console-filter-from = ETA à partir du
console-filter-to = ETA jusqu'au
console-filter-submit = Filtrer
console-filter-clear = Effacer les filtres
console-status-exceptions = Avec un incident
console-status-active = Actif
console-status-cancelled = Annulé
console-flag-exception = Incident signalé
console-flag-stale-trip-version = Événement sur une ancienne version
console-flag-sequence-gap = Événements manquants
console-flag-clock-skew = Horloge du téléphone décalée
console-flag-stale = Aucun événement depuis des heures
console-flag-not-matched = PARS non apparié
console-flag-customs-rejected = Rejeté par la douane
console-flag-customs-held = Retenu par la douane
console-flag-not-sent = N'a pas atteint la douane
console-flag-unassigned = Événement après le retrait du voyage
console-flag-trip-cancelled = Événement après l'annulation
console-col-attention = Attention
console-col-trip-number = Numéro de voyage
console-col-regime = Régime
console-col-port = Point d'entrée
console-col-eta = ETA (heure du point d'entrée)
console-col-driver = Chauffeur
console-col-last-status = Dernier état
console-col-customs = Douane
console-col-flags = Signalements
console-col-version = Version
console-row-exception = ▲ Incident
console-row-cancelled = ✕ Annulé
console-row-ok = ● OK
console-unassigned = non attribué
console-no-event-yet = aucun événement pour l'instant

## What needs the dispatcher (the board's exceptions)

console-exception-reported = incident signalé par le chauffeur
console-exception-stale-trip-version = événement sur une ancienne version du voyage
console-exception-sequence-gap = des événements du téléphone manquent
console-exception-clock-skew = horloge du téléphone décalée
console-exception-customs-rejected = la douane a rejeté le manifeste
console-exception-not-sent = le manifeste n'a pas atteint la douane
console-exception-customs-held = retenu par la douane
console-exception-not-matched = { $number } non apparié
console-exception-shipment-rejected = { $number } rejeté
console-exception-stale = aucun événement depuis { $duration }

## How long

console-ago = il y a { $duration }
console-duration-minutes = { $minutes } min
console-duration-hours = { $hours } h
console-duration-hours-minutes = { $hours } h { $minutes } min
console-duration-days = { $days } j

## A trip

console-trip-title = Voyage { $number }
console-trip-heading = Voyage { $regime } { $number }
console-trip-active = ● Actif
console-trip-cancelled = ✕ Annulé
console-trip-version = version { $version }
console-trip-driver = chauffeur { $driver }
console-trip-id = identifiant { $id }
console-trip-actions = Actions sur le voyage
console-action-amend = Modifier
console-action-assign = Attribuer
console-action-unassign = Retirer au chauffeur
console-action-cancel = Annuler le voyage
console-manifest = Manifeste
console-manifest-sub-location = Sous-emplacement
console-manifest-documents = Pièces d'identité
console-yes = oui
console-events = Événements
console-events-caption = { $count ->
    [one] { $count } événement d'état
   *[other] { $count } événements d'état
} du téléphone du chauffeur, par appareil et par numéro de séquence
console-col-event = Événement
console-col-device-time = Heure de l'appareil
console-col-server-time = Heure du serveur
console-col-skew = Décalage
console-col-version-seen = Version vue
console-col-details = Détails
console-event-port = point d'entrée { $port }
console-event-shipment = envoi { $shipment }
console-event-inspection = inspection { $level }
console-events-empty = Aucun événement pour l'instant.
console-customs = Douane
console-customs-none = La douane n'a pas encore répondu au sujet de ce voyage.
console-customs-caption = Réponses de la douane, telles que le fournisseur de la flotte les a relayées, par ordre d'arrivée
console-customs-about-trip = le voyage
console-col-about = Objet
console-col-answer = Réponse
console-col-source = Source
console-col-customs-time = Heure de la douane
console-col-received = Reçue
console-versions = Versions
console-version-line = Version { $version } · enregistrée { $at }
console-version-changed = Ce que la version { $version } a changé
console-col-field = Champ
console-col-before = Avant
console-col-after = Après
console-assignments = Attributions
console-assignment-from-until = { $driver } du { $from } au { $until }
console-assignment-from-now = { $driver } depuis le { $from } (en cours)
console-assignment-until = { $driver } jusqu'au { $until }
console-assignment-now = { $driver } (en cours)
console-assignments-none = Jamais attribué.
console-audit = Journal d'audit
console-audit-line = { $at } · { $action } · session { $session } · { $detail }
console-audit-none = Aucune action de la console sur ce voyage.

## After an action

console-done-amended = Enregistré : le voyage a une nouvelle version, et le téléphone de son chauffeur la reçoit à la prochaine synchronisation.
console-done-cancelled = Annulé : le téléphone du chauffeur retire le voyage à sa prochaine synchronisation.
console-done-assigned = Attribué : le téléphone du chauffeur reçoit le voyage à sa prochaine synchronisation.
console-done-unassigned = Retiré : le voyage quitte le téléphone du chauffeur à sa prochaine synchronisation.
console-done-unchanged = Rien à faire : le voyage était déjà tel que vous le demandiez.

## Push

console-push-title = Publier un voyage
console-push-intro = Collez un document de voyage (format de Crossing, docs/trip-format.md) ou ce qu'exporte BorderConnect (ACE_TRIP, ACI_TRIP, une liste de messages, les réponses de la douane : docs/borderconnect.md).
console-push-document = Document de voyage ou export BorderConnect (JSON)
console-push-driver = L'attribuer à
console-push-keep-driver = Ne rien changer / personne
console-push-button = Publier
console-pushed-title = Publié
console-pushed-intro = Ce que le serveur en a fait :
console-push-result = { $id } : { $outcome }, version { $version }
console-push-result-driver = { $id } : { $outcome }, version { $version }, chauffeur { $driver }
console-import-result = { $message } { $trip } : { $outcome }
console-import-result-reason = { $message } { $trip } : { $outcome } ({ $reason })
console-warning = avertissement : { $warning }
console-outcome-created = créé
console-outcome-amended = modifié
console-outcome-unchanged = inchangé
console-outcome-cancelled = annulé
console-outcome-customs = réponse de la douane enregistrée
console-outcome-unmatched = aucun voyage correspondant
console-outcome-ignored = ignoré

## Amend

console-amend-title = Modifier { $id }
console-amend-intro = Modifiez le voyage et enregistrez : il devient la version { $version }. Si quelqu'un modifie le voyage entre-temps, rien n'est écrasé et on vous montre ce qui a changé.
console-amend-document = Document de voyage (JSON)
console-amend-button = Enregistrer comme nouvelle version
console-amend-cancelled = le voyage est annulé; publiez-le de nouveau pour le réactiver
console-not-json = ce n'est pas du JSON : { $error }
console-not-object = doit être un document de voyage : un objet JSON
console-form-lost = le formulaire ne sait plus pour quel voyage il a été fait; rouvrez-le

## The trip moved meanwhile

console-conflict-title = { $id } a changé pendant que vous le consultiez
console-conflict = Le voyage a changé depuis l'ouverture de ce formulaire (version { $then } à l'ouverture, version { $now } maintenant) : votre modification n'a pas été enregistrée.
console-conflict-caption = Ce qui a changé entre-temps

## Cancel, assign, unassign

console-cancel-title = Annuler le voyage { $id }?
console-assign-title = Attribuer le voyage { $id }
console-unassign-title = Retirer le voyage { $id } à son chauffeur?
console-cancel-intro = Le téléphone du chauffeur retire le voyage et ses codes à sa prochaine synchronisation. Impossible d'annuler ce geste ici (publiez le voyage de nouveau pour le réactiver).
console-assign-intro = Le chauffeur reçoit le voyage à sa prochaine synchronisation; le chauffeur qui l'avait le perd.
console-unassign-intro = Le voyage quitte le téléphone de son chauffeur à la prochaine synchronisation.
console-trip-now = Le voyage tel qu'il est maintenant : version { $version }, { $state }, { $driver }.
console-state-active = actif
console-state-cancelled = annulé
console-no-driver = aucun chauffeur
console-cancel-button = Annuler le voyage
console-driver = Chauffeur
console-reason = Motif (conservé dans le journal d'audit)
console-reason-required = est obligatoire : dites pourquoi, pour le journal d'audit
console-choose-driver = choisissez un chauffeur
