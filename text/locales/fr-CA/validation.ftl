# Crossing — the trip rules' words (trip/src/validate), fr-CA.
# Machine-made translation (written by an AI assistant): native-speaker review pending.

## Tous les champs de texte (trip/src/validate/mod.rs)

v-length-exact = doit compter exactement { $length ->
        [one] { $length } caractère
       *[other] { $length } caractères
    } (longueur actuelle : { $found })
v-length-empty = ne doit pas être vide (de 1 à { $max } caractères)
v-length-range = doit compter de { $min } à { $max } caractères (longueur actuelle : { $found })
v-edge-space = ne doit pas commencer ni finir par une espace
v-port-digits = doit compter 4 chiffres, avec les zéros au début (p. ex. 0453)
v-country-code = doit être un code de pays ISO 3166-1 alpha-2 (2 lettres)
v-not-used-on = ne s'utilise pas pour les voyages { $regime }
v-id-characters = ne peut contenir que des lettres, des chiffres et . _ : -
v-version-min = doit valoir 1 ou plus
v-date-time-offset = doit être une date-heure RFC 3339 avec décalage horaire
# $list est le nom de la liste, en anglais.
v-code-not-listed = ne figure pas dans { $list }; la liste est datée, vérifiez donc le code

## L'en-tête du voyage (header.rs)

v-aci-crn-shape = un CRN (NRMT) ACI se compose du code de transporteur de 4 caractères suivi de 4 à 21 lettres ou chiffres (8 à 25 caractères)
v-carrier-prefix-or-authorizing = doit commencer par le code de transporteur du voyage « { $carrier } » ou par celui du transporteur autorisant « { $authorizing } »
v-carrier-prefix = doit commencer par le code de transporteur du voyage « { $carrier } »
v-crn-looks-like-pars = ressemble à un numéro PARS; un CRN ne doit être ni un numéro PARS ni un numéro de contrôle du fret
v-letters-digits = ne peut contenir que des lettres et des chiffres
v-carrier-code = un code de transporteur de l'ASFC (CBSA) compte exactement 4 lettres, chiffres ou tirets
v-scac-shape = un SCAC compte de 2 à 4 lettres
v-scac-four-letters = les transporteurs routiers reçoivent un SCAC de 4 lettres
v-scac-equipment = les SCAC qui se terminent par U, X ou Z désignent du matériel, pas des transporteurs
v-ace-trip-number-shape = un numéro de voyage ACE se compose du SCAC suivi de 4 à 21 lettres ou chiffres (25 caractères au plus)
v-ace-trip-number-prefix = doit commencer par le SCAC du voyage « { $scac } », suivi de 4 à 21 lettres ou chiffres
v-eta-local = doit être une date-heure locale YYYY-MM-DDTHH:MM:SS
v-eta-zone = doit être le fuseau horaire IANA d'un point d'entrée terrestre, comme America/Toronto (docs/trip-format.md en donne la liste)
v-eta-gap = n'existe pas dans ce fuseau horaire (heure sautée au passage à l'heure avancée)
v-eta-past = est dans le passé
v-eta-too-early = les données sur le fret ACI (IPEC) peuvent être transmises au plus 90 jours avant l'arrivée
v-eta-lead-time = est dans moins de { $minutes } minutes; { $agency } doit avoir le manifeste au dossier { $minutes } minutes avant l'arrivée

## Le camion et ses remorques (conveyance.rs)

v-type-code = doit être un code de type de 2 caractères (p. ex. TR, TL)
v-plate-characters = ne peut contenir que des lettres, des chiffres, des espaces et des tirets
v-jurisdiction = doit être un code d'État ou de province de 2 ou 3 caractères
v-vin-required = est obligatoire pour ACE (17 caractères)
v-vin-shape = doit compter 17 lettres ou chiffres
v-vin-ioq = un VIN ne contient normalement ni I, ni O, ni Q (ISO 3779)
v-dot-number = doit compter de 1 à 8 chiffres
v-aci-truck-plates = ACI n'accepte qu'une plaque de camion (nombre actuel : { $found })
v-ace-truck-plates = ACE exige 1 ou 2 plaques de camion (nombre actuel : { $found })
v-plate-ace-qr = dépasse les 7 caractères de plaque de la disposition du code QR ACE; le code QR ACE ne peut pas être produit

## L'équipage (crew.rs)

v-ace-driver-needed = ACE exige au moins un chauffeur
v-fast-card-shape = un numéro de carte FAST (EXPRES) compte 14 chiffres
v-fast-card-prefix = les numéros de carte FAST commencent habituellement par 4270
v-ace-id = un ACE ID compte 7 chiffres
v-date = doit être une date YYYY-MM-DD
v-birth-in-past = doit être dans le passé
v-birth-plausible = n'est pas une date de naissance plausible
v-document-type = n'est pas un code de type de document de voyage (5K, 5J, 6W, ACW, AEF, AEW, ALV, …)
v-licence-issuer = un permis de conduire doit indiquer l'État ou la province qui l'a délivré
v-document-country = ce type de document indique normalement le pays qui l'a délivré
v-required-ace-passenger = est obligatoire pour un passager ACE
v-required-ace-driver = est obligatoire pour un chauffeur ACE sans carte FAST ni ACE ID
v-documents-ace-passenger = un passager ACE doit avoir des documents de voyage
v-documents-ace-driver = un chauffeur ACE sans carte FAST ni ACE ID doit avoir des documents de voyage
v-ace-driver-cdl = un chauffeur ACE sans carte FAST ni ACE ID doit avoir un permis de conduire commercial (5K)
v-ace-driver-whti = un chauffeur ACE sans carte FAST ni ACE ID doit avoir, en plus du permis commercial (CDL), un document WHTI (passeport, carte passeport, NEXUS, SENTRI, permis de conduire Plus (EDL), carte de résident permanent, …)

## Les envois (shipments.rs)

v-control-number-twice = figure deux fois sur le voyage; chaque numéro de contrôle doit être unique
v-control-number-is-trip-number = est identique au numéro de voyage; le numéro du voyage et le numéro de contrôle de l'envoi doivent différer
v-commodity-needed = un envoi doit compter au moins une marchandise
v-shipment-type = n'est pas un type d'envoi { $regime } ({ $types })
v-first-port = doit être le premier point d'arrivée du voyage « { $port } »
v-bond-sub-location = un envoi en transit sous douane (BOND) doit avoir un sous-emplacement
v-province-of-loading = doit compter de 2 à 5 lettres ou chiffres
v-ccn-shape = un CCN compte de 5 à 25 lettres, chiffres ou tirets (code de transporteur + référence unique)
v-ccn-short = compte moins de 8 caractères (code de transporteur + 4 à 21); comparez-le à l'étiquette PARS
v-scn-shape = un SCN se compose du SCAC de 4 lettres suivi de 4 à 12 lettres ou chiffres (16 caractères au plus)
v-scn-prefix = doit commencer par le SCAC responsable de l'envoi « { $scac } »
v-quantity = doit être un nombre entier supérieur à 0
v-packaging-unit = doit être un code d'unité d'emballage de 3 lettres (PLT, SKD, BOX, …)
v-weight-unit = doit être l'une des unités { $units } pour { $regime }
v-hs-code = doit compter de 6 à 10 chiffres
v-description-character = ne doit pas contenir « { $character } » (la douane refuse ' : + !)
v-description-aci-portals = dépasse 300 caractères; certains portails ACI n'en acceptent que 300
v-description-vague = est trop vague pour la douane; décrivez clairement les marchandises (p. ex. « steel bolts », des boulons d'acier)
v-un-number = doit être UN suivi de 4 chiffres, à partir de 0004, p. ex. « UN1203 »
v-emergency-contact = les marchandises dangereuses ACE exigent un contact d'urgence
v-weight-shape = doit être un nombre décimal d'au plus 4 décimales, p. ex. « 1250.5 »
v-weight-above-zero = doit être supérieur à 0
