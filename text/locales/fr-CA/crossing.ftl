# Crossing — français canadien (fr-CA).
# Machine-made translation (written by an AI assistant): native-speaker review pending. Nobody has reviewed it yet.
# Terms a reviewer should check first, with their sources: docs/glossary/fr-CA.md.
# Same ids and arguments as English (text/src/tests.rs). Never translated: CRN, CCN, PARS, PAPS,
# SCN, SCAC, VIN, FAST, HS, UN numbers, ACI, ACE, CBSA, CBP, port codes, trip numbers (they arrive
# as arguments or stay as written); CBSA's French term may stand beside them, e.g. "CRN (NRMT)".
# Messages whose id starts with "event-" (border actions) or "customs-" (customs' word) keep the
# English term in front: "Released (driver) · Libéré (chauffeur)".
# Typography: no-break space (U+00A0) before ":" and inside « »; no space before ";", "?" and "!"
# (Office québécois de la langue française usage without a fine space). Clock: "14 h 30".
# Vocabulary: shipment = envoi, trip = voyage, dispatch = répartiteur, broker = courtier en douane.

## Numbers of things

count-events = { $count ->
    [one] { $count } événement
   *[other] { $count } événements
}
count-trips = { $count ->
    [one] { $count } voyage
   *[other] { $count } voyages
}
count-events-recovered = { $count ->
    [one] { $count } événement a été
   *[other] { $count } événements ont été
}

## Times and dates (patterns owned by the translator; ADR 0033)

time-clock = { $hour } h { NUMBER($minute, minimumIntegerDigits: 2) }
# $weekday and $month are the short names below; $day the day of the month: "mer. 2 déc. 14 h 30".
time-day = { $weekday } { $day } { $month } { $time }
time-zoned = { $time } { $zone }
time-just-now = à l'instant
time-minutes-ago = il y a { $minutes } min
time-hours-ago = il y a { $hours } h
weekday-short = { $day ->
    [1] lun.
    [2] mar.
    [3] mer.
    [4] jeu.
    [5] ven.
    [6] sam.
   *[7] dim.
}
month-short = { $month ->
    [1] janv.
    [2] févr.
    [3] mars
    [4] avr.
    [5] mai
    [6] juin
    [7] juill.
    [8] août
    [9] sept.
    [10] oct.
    [11] nov.
   *[12] déc.
}
# A time that could not be read, shown as written with its zone.
time-unreadable = { $time } ({ $zone })

## Sync badge and sync outcomes

sync-off = Synchronisation désactivée
sync-not-yet = Pas encore synchronisé
sync-up-to-date = À jour
sync-syncing = Synchronisation…
sync-offline-retrying = Hors ligne · nouvel essai à { $time }
sync-paused-retrying = Synchronisation en pause · nouvel essai à { $time }
sync-sign-in-again = Reconnectez-vous
sync-update-app = Mettez l'application à jour
sync-last = Dernière synchronisation : { $ago }
sync-none-yet = Aucune synchronisation pour l'instant
sync-waiting = { $count ->
    [one] { $count } événement à envoyer
   *[other] { $count } événements à envoyer
}
sync-refused = { $count ->
    [one] { $count } événement refusé par le serveur de la flotte
   *[other] { $count } événements refusés par le serveur de la flotte
}
sync-outcome-off = Synchronisation désactivée : aucun serveur de flotte n'est configuré
# $sent, $updated and $removed are counted phrases ("3 événements", "1 voyage").
sync-outcome-done = Synchronisé : transmission de { $sent }, mise à jour de { $updated }, retrait de { $removed }
sync-outcome-offline = Aucune connexion : vos événements sont enregistrés et seront envoyés
sync-outcome-server = Le serveur de la flotte répond mal : nouvel essai prévu
sync-outcome-sign-in = Reconnectez-vous : vos événements sont conservés
sync-outcome-update = Mettez l'application à jour : vos événements sont conservés
sync-outcome-storage = Le stockage de ce téléphone a échoué : synchronisation arrêtée
sync-outcome-local = La synchronisation a échoué sur ce téléphone : nouvel essai prévu

## Start and sign-in

start-sign-in-title = Connexion
start-sign-in-message = Entrez le jeton de chauffeur fourni par votre flotte. Il est conservé dans le stockage sécurisé de ce téléphone.
start-first-sync-title = Récupération de vos voyages
start-first-sync-message = Vos voyages s'affichent ici après la première synchronisation. Vous pouvez enregistrer des événements hors ligne.
start-ready-title = Voyages
start-token-label = Jeton de chauffeur
start-token-hint = Fourni par votre gestionnaire de flotte
start-sign-in-button = Se connecter
token-empty = Entrez le jeton fourni par votre flotte
token-too-long = C'est trop long pour un jeton de chauffeur : vérifiez ce qui a été collé
token-bad-characters = Un jeton de chauffeur n'a ni espaces ni caractères spéciaux : vérifiez ce qui a été collé

## Recovery and start-up notices

recovery-title = Vos données ont été réparées
recovery-ok = OK
recovery-cache-rebuilt = La liste des voyages était endommagée et a été vidée. Vos voyages reviendront à la prochaine synchronisation.
recovery-outbox-salvaged = Le stockage de vos événements enregistrés était endommagé. { $count ->
    [one] { $count } événement a été récupéré et sera envoyé.
   *[other] { $count } événements ont été récupérés et seront envoyés.
}
recovery-outbox-unreadable = { $count ->
    [one] { $count } événement n'a pas pu être lu.
   *[other] { $count } événements n'ont pas pu être lus.
} Dites à votre flotte ce que vous avez enregistré récemment.
recovery-outbox-empty = Le stockage des événements était vide : des événements enregistrés avant ont peut-être été perdus. Avertissez votre flotte.
startup-too-new-title = Mettez l'application à jour
startup-too-new-1 = Vos données ont été enregistrées par une version plus récente de Crossing. Installez la dernière version pour les ouvrir.
startup-too-new-2 = Rien n'a été modifié ni supprimé.
startup-storage-title = Crossing ne peut pas ouvrir ses données
startup-storage-1 = Le stockage du téléphone n'a pas pu être lu ni écrit. Libérez de l'espace, puis rouvrez Crossing.
startup-storage-2 = Rien n'a été supprimé.
startup-other-title = Crossing ne peut pas démarrer
startup-other-1 = Cette installation a un problème. Rouvrez Crossing; si le problème persiste, avertissez votre flotte.

## Trip list

trips-title = Voyages
trips-empty = Aucun voyage sur ce téléphone pour l'instant. Les voyages que votre flotte vous attribue s'affichent après une synchronisation.
# $regime is ACI or ACE; $number the trip number.
trip-row-title = { $regime } { $number }
trip-row-detail = Vers { $port } · ETA { $eta }

## Trip screen

trip-title = Voyage { $regime } { $number } → { $port }
trip-eta = ETA { $eta }
trip-correct-event = Corriger un événement
trip-print = Imprimer : { $sheet }
event-state-pending = Not yet sent · Pas encore envoyé
event-state-sent = Sent · Envoyé
event-state-refused = Refused by the fleet server · Refusé par le serveur de la flotte
notice-cancelled = Votre flotte a annulé ce voyage. Son manifeste et ses codes ont été retirés de ce téléphone : ne le présentez pas à la frontière.
notice-unassigned = Ce voyage ne vous est plus attribué. Son manifeste et ses codes ont été retirés de ce téléphone.
notice-finished = Ce voyage est terminé; ses données personnelles ont été retirées de ce téléphone.
notice-code-gone = Ce code n'est pas sur ce voyage (la flotte l'a modifié). Choisissez-en un autre.
notice-code-cannot-draw = Ce code ne peut pas être affiché : { $reason }
notice-no-code = Ce voyage est à l'état « { $state } »; il n'a aucun code à afficher
paper-unprintable = Certaines lettres ne s'impriment pas avec les polices standard et s'affichent en « ? » : { $chars }
# A sheet's file name and print title; $sheet is the sheet's name below.
paper-file-name = { $sheet } { $number } v{ $version }
paper-title = { $sheet } { $number }

## Sheets (their names on buttons; the sheets themselves are printed in the officer's language)

sheet-aci-lead = Feuille de tête ACI
sheet-ace-cover = Page couverture ACE
sheet-ace-placard = Affiche QR ACE pour pare-brise

## Border codes

code-trip-qr = Numéro de voyage (QR)
code-crn-128 = CRN (Code 128)
code-pars = PARS { $number }
code-paps = PAPS { $number }
code-trip-39 = Numéro de voyage (Code 39)
code-ace-qr = QR ACE
code-ccn-128 = CCN (Code 128)
code-title-trip-qr = Numéro de voyage (QR)
code-title-crn = Feuille de tête ASFC (CBSA) : CRN
code-title-ace-39 = Page couverture ACE : numéro de voyage
code-title-pars = PARS (SEA) / numéro de contrôle du fret
code-title-paps = PAPS / numéro de contrôle de l'envoi (SCN)
code-title-ace-qr = QR du manifeste ACE du CBP
code-caveat-screen = Ni l'ASFC (CBSA) ni le CBP n'ont confirmé que les agents lisent un écran de téléphone : ayez aussi la feuille imprimée
code-caveat-crn = L'ASFC (CBSA) n'a pas publié la symbologie de la feuille de tête; le Code 128 est l'usage de l'industrie
code-caveat-ace-qr = La disposition des champs du QR ACE suit un résumé de la spécification 2020 du CBP; le séparateur, le remplissage et la chaîne de version ne sont pas confirmés dans le document du CBP

## Amendment banner

banner-title = Votre flotte a modifié ce voyage (version { $from } → { $to })
banner-shipment-added = Envoi ajouté : { $number }
banner-shipment-removed = Envoi retiré : { $number }
banner-shipment-changed = Envoi modifié : { $number }
banner-sheets-void = Nulles si imprimées avant : { $sheets }. Imprimez-les de nouveau.
banner-codes-changed = Un code frontalier a changé : les documents imprimés pour ce voyage sont nuls; imprimez-les de nouveau.
banner-acknowledge = Confirmer les changements
# One changed field: $field is one of the amend-field-* labels.
amend-change = { $field } : { $old } → { $new }
amend-field-trip-number = Numéro de voyage
amend-field-port = Premier point d'arrivée
amend-field-eta = Arrivée prévue (ETA)
amend-field-unit = Unité
amend-field-truck-plates = Plaques du camion
amend-field-vin = VIN
amend-field-truck-seals = Scellés du camion
amend-field-trailers = Remorques
amend-field-crew = Équipage
amend-customs-updated = Statut douanier mis à jour

## Status headline

status-cancelled = Voyage annulé par la flotte
status-unassigned = Ce voyage ne vous est plus attribué
status-finished = Voyage terminé
status-assigned = Attribué : confirmez le manifeste
status-acknowledged = Manifeste confirmé
status-departed = Départ de l'origine
status-at-border-port = À la frontière ({ $port })
status-at-border = À la frontière
status-secondary = En inspection secondaire
status-primary = En inspection primaire
status-crossed = Frontière franchie (selon le chauffeur)
status-delivering = Livraison : { $delivered } sur { $total ->
    [one] { $total } envoi livré
   *[other] { $total } envois livrés
}
status-at-consignee = Chez le destinataire
status-delivered = Tous les envois sont livrés
# Joins the parts of a headline.
status-joined = { $first } · { $second }
status-not-yet-sent = pas encore envoyé
status-release-not-confirmed = mainlevée de la douane non confirmée
# Customs' word (the English term stays in front).
customs-released-by = Released by customs · Mainlevée accordée par la douane
customs-held-by = Held by customs · Retenu par la douane
customs-rejected-by = Rejected by customs · Rejeté par la douane
customs-marked = { $status } (douane)

## Status actions (border actions: the English term stays in front)

event-trip-acknowledged = Manifest acknowledged · Manifeste confirmé
event-departed-origin = Departed origin · Départ de l'origine
event-arrived-at-border = Arrived at border · Arrivée à la frontière
event-in-inspection = In inspection · En inspection
event-released = Released (driver) · Libéré (chauffeur)
event-arrived-at-consignee = Arrived at consignee · Arrivée chez le destinataire
event-delivered = Delivered · Livré
event-exception = Exception · Incident
event-correction = Correction · Correction

## Forms

form-record = Enregistrer : { $action }
form-saved = Enregistré : { $action }. Transmission dès que le téléphone sera en ligne.
form-trip-gone = Ce voyage n'est plus sur ce téléphone
form-note = Remarque
form-note-optional = Remarque (facultative)
form-port = Point d'entrée
form-port-of-entry = { $port } · point d'entrée de ce voyage
form-port-other = Autre point d'entrée : 4 chiffres, p. ex. 0453
form-note-hint-fleet = Ce que votre flotte doit savoir
form-inspection = Inspection
form-inspection-primary = Primaire (à la guérite)
form-inspection-secondary = Secondaire (dirigé vers l'inspection)
# The inspection level in the event history ("In inspection · secondary").
inspection-primary = primaire
inspection-secondary = secondaire
form-shipment-delivered = Envoi livré
form-note-hint-delivered = Qui l'a reçu, ce qui manque
form-shipment-optional = Envoi (facultatif)
form-note-hint-exception = Dites ce qui s'est passé
form-event-to-correct = Événement à corriger
form-note-hint-correction = Ce qui n'allait pas
form-explain-arrived = Avise votre flotte que vous êtes à la frontière.
form-explain-inspection = Avise votre flotte que la douane inspecte le camion.
form-explain-delivered = Marque un envoi comme livré.
form-explain-exception = Avise votre flotte qu'il y a eu un problème.
form-explain-correction = Remplace un événement enregistré par erreur.
# A refusal: $field is one of the input-* names, $rule one of the rule-* sentences.
form-refused = { $field } { $rule }
input-note = La remarque
input-shipment = L'envoi
input-port = Le point d'entrée
input-inspection = L'inspection
input-corrects = L'événement à corriger
input-occurred-at = L'heure
input-kind = L'action
form-unknown-input = « { $input } » n'est pas un champ de ce formulaire
form-inspection-level = L'inspection doit être primaire ou secondaire

## Event rules (the refusal's second half, after the input's name)

rule-not-used = ne s'utilise pas avec les événements { $kind }
rule-port-digits = « { $port } » doit compter 4 chiffres, avec les zéros au début (p. ex. 0453)
rule-shipment-length = doit compter de 1 à { $max } caractères
rule-shipment-required = est obligatoire pour un événement de livraison
rule-inspection-required = est obligatoire pour un événement d'inspection (primaire ou secondaire)
rule-corrects-required = est obligatoire pour une correction (l'identifiant de l'événement corrigé)
rule-note-length = doit compter au plus { $max } caractères
rule-note-required = est obligatoire pour les événements { $kind } : dites ce qui s'est passé
rule-shipments-gone = est indisponible : ce voyage a été annulé ou effacé; ses envois ne sont plus sur cet appareil
rule-shipment-not-on-trip = « { $shipment } » n'est pas sur le voyage « { $trip } »
rule-not-future = ne doit pas être dans le futur
rule-within-days = doit dater des { $days } derniers jours
rule-control-characters = ne doit pas contenir de caractères de contrôle
rule-bidi = ne doit pas contenir de caractères de contrôle bidirectionnel (U+202A–U+202E, U+2066–U+2069)

## Manifest sections and labels

section-trip = Voyage
section-customs = Douane
section-conveyance = Moyen de transport
section-trailer = Remorque { $index } sur { $of }
section-shipment = Envoi { $index } sur { $of } · { $number }
section-driver = Chauffeur
section-passenger = Passager
label-crn = CRN (NRMT)
label-trip-number = Numéro de voyage
label-regime = Régime
label-port = Premier point d'arrivée
label-eta = Arrivée prévue (ETA)
label-version = Version
label-carrier = Transporteur
label-customs-reported = Douane (signalé)
label-what-to-do = Que faire
label-trip = Voyage
label-unit = Unité
label-type = Type
label-plates = Plaques
label-vin = VIN
label-seals = Scellés
label-number = Numéro
label-ccn = CCN (NCF)
label-scn = SCN
label-shipper = Expéditeur
label-consignee = Destinataire
label-release-office = Bureau de mainlevée
label-goods = Marchandises
label-name = Nom
label-citizenship = Citoyenneté
label-date-of-birth = Date de naissance
label-fast = Carte FAST (EXPRES)
label-document = Document
value-none = aucun
value-hazmat = matières dangereuses { $un }
# The ETA of a value in the manifest's rows, e.g. "CBSA 2026-09-12 10:10".
value-customs-time = { $agency } { $time }

## Customs' answers relayed by the fleet (customs' word: the English term stays in front)

customs-signal-transmitted = Sent to customs · Transmis à la douane
customs-signal-provider-error = Not sent: the provider refused it · Non transmis : refusé par le fournisseur
customs-signal-accepted = On file with customs · Accepté par la douane
customs-signal-rejected = Rejected by customs · Rejeté par la douane
customs-signal-matched = Matched by the broker · Apparié par le courtier
customs-signal-not-matched = Not matched · Non apparié
customs-signal-arrival-reported = Arrival reported · Arrivée enregistrée
customs-signal-review-time = Sent late: customs review time short · Transmis en retard : délai d'examen de la douane trop court
customs-signal-other = Reported · Signalé
customs-answer = { $status } : { $text }
customs-raw-code-text = { $agency }, code { $code } : { $text } (sens non confirmé)
customs-raw-code = { $agency }, code { $code } (sens non confirmé)
customs-status-draft = Draft (not sent to customs) · Brouillon (non transmis à la douane)
customs-status-transmitted = Sent to customs, awaiting answer · Transmis à la douane, réponse en attente
customs-status-rejected = Rejected by customs: carrier must correct · Rejeté par la douane : le transporteur doit corriger
customs-status-on-file = On file with customs · Accepté par la douane
customs-status-matched = On file, cargo matched · Accepté, fret apparié
customs-status-entry-on-file = Entry on file: ready for the border · Déclaration du courtier au dossier : prêt pour la frontière
customs-status-arrival-reported = Arrival reported by customs · Arrivée enregistrée par la douane
customs-status-released = Released by customs · Mainlevée accordée par la douane
customs-status-held = Held by customs · Retenu par la douane
customs-status-cancelled = Cancelled with customs · Annulé auprès de la douane
advice-trip-rejected = { $agency } a rejeté le manifeste{ $reason } : appelez votre répartiteur avant d'arriver à { $port }; il doit être corrigé et transmis de nouveau.
advice-trip-not-sent = Le manifeste n'est pas parvenu à { $agency }{ $reason } : appelez votre répartiteur avant d'arriver à { $port }.
advice-trip-late = { $agency } n'a pas eu tout son délai d'examen pour ce manifeste : appelez votre répartiteur avant d'arriver à { $port }.
advice-shipment-not-matched = { $kind } { $number } n'est pas apparié : appelez votre courtier en douane avant d'arriver à { $port }.
advice-shipment-rejected = L'envoi { $number } a été rejeté par { $agency } : appelez votre répartiteur avant d'arriver à { $port }.
advice-shipment-late = { $agency } n'a pas eu tout son délai d'examen pour { $number } : appelez votre répartiteur avant d'arriver à { $port }.
advice-shipment-not-sent = L'envoi { $number } n'est pas parvenu à { $agency } : appelez votre répartiteur avant d'arriver à { $port }.
advice-reason = { " " }({ $reason })

## Validation warnings shown with a trip (the field's path stays as the fleet wrote it)

warning-line = { $path } : { $rule }
warning-line-value = { $path } « { $value } » : { $rule }
rule-trip-number-clash = est aussi le numéro du voyage « { $other } »; chaque numéro de voyage doit être unique

## The shells' own words

shell-retry = Réessayer
shell-back = Retour aux voyages
shell-close = Fermer
shell-sync-now = Synchroniser
shell-opening = Ouverture…
shell-token-store-locked = Le stockage sécurisé de ce téléphone est verrouillé. Déverrouillez le téléphone et réessayez.
shell-current-trip = Voyage en cours
shell-show-codes = Montrer à la frontière
shell-share = Partager
shell-tone-neutral = Information
shell-tone-good = Terminé
shell-tone-attention = À vérifier
shell-tone-problem = Urgent

## The desktop shell (crossing trip show)

cli-status = Statut : { $status }
cli-amended = Manifeste modifié (v{ $from } → v{ $to }) : confirmez-le pour effacer cet avis
cli-changed = modifié : { $change }
cli-shipment-added = envoi ajouté : { $number }
cli-shipment-removed = envoi retiré : { $number }
cli-shipment-changed = envoi modifié : { $number }
cli-codes-changed = codes frontaliers modifiés : les feuilles imprimées avant sont nulles
cli-acknowledge = Action : confirmez cette version du manifeste
cli-warnings = Avertissements

## Why a screen could not be drawn (the core's errors, as the shells show them)

problem-sign-in = Reconnectez-vous : vos événements sont conservés.
problem-update = Mettez l'application à jour : vos événements sont conservés.
problem-offline = Aucune connexion au serveur de la flotte. Crossing réessaie de lui-même.
problem-refused = Ceci a été refusé.
problem-gone = Ce voyage n'est plus sur ce téléphone.
problem-storage = Le stockage de ce téléphone a échoué.
problem-internal = Une erreur s'est produite dans Crossing. Avisez votre flotte si cela se reproduit.
# $sentence is one of the above; $detail the technical reason, in English, for support.
problem-detail = { $sentence } ({ $detail })

## A refused trip, as the fleet server answers a push (in the manager's language)

refused-trip = voyage refusé : { $count ->
    [one] { $count } erreur
   *[other] { $count } erreurs
} : { $issues }
refused-more = { $issues }; et { $rest } de plus
