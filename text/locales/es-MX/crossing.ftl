# Crossing — Mexican Spanish (es-MX).
# Machine-made translation (written by an AI assistant): native-speaker review pending. Nobody has reviewed it yet.
# Terms a reviewer should check first, with their sources: docs/glossary/es-MX.md.
# Same ids and arguments as English (text/src/tests.rs). Never translated: CRN, CCN, PARS, PAPS,
# SCN, SCAC, VIN, FAST, HS, UN numbers, ACI, ACE, CBSA, CBP, QR, Code 128, Code 39, port codes,
# trip numbers, control numbers.
# Border actions ("event-") and customs' word ("customs-signal-", "customs-status-",
# customs-released-by / -held-by / -rejected-by) keep the English term in front:
# "Released (driver) · Liberado (conductor)".
# Chosen words: shipment = envío, trailer = remolque, driver = conductor, dispatch = despachador,
# broker = agente aduanal, fleet = flotilla. Spanish plurals: [one] (1) and *[other] (0, 2, …);
# a million also takes "other" (intl_pluralrules 7.0.2 has no Spanish "many").

## Numbers of things

count-events = { $count ->
    [one] { $count } evento
   *[other] { $count } eventos
}
count-trips = { $count ->
    [one] { $count } viaje
   *[other] { $count } viajes
}
count-events-recovered = { $count ->
    [one] se recuperó { $count } evento
   *[other] se recuperaron { $count } eventos
}

## Times and dates (patterns owned by the translator; ADR 0033)

time-clock = { NUMBER($hour, minimumIntegerDigits: 2) }:{ NUMBER($minute, minimumIntegerDigits: 2) }
# $weekday and $month are the short names below; $day the day of the month: "mié 2 dic 14:30".
time-day = { $weekday } { $day } { $month } { $time }
time-zoned = { $time } { $zone }
time-just-now = hace un momento
time-minutes-ago = hace { $minutes } min
time-hours-ago = hace { $hours } h
weekday-short = { $day ->
    [1] lun
    [2] mar
    [3] mié
    [4] jue
    [5] vie
    [6] sáb
   *[7] dom
}
month-short = { $month ->
    [1] ene
    [2] feb
    [3] mar
    [4] abr
    [5] may
    [6] jun
    [7] jul
    [8] ago
    [9] sept
    [10] oct
    [11] nov
   *[12] dic
}
# A time that could not be read, shown as written with its zone.
time-unreadable = { $time } ({ $zone })

## Sync badge and sync outcomes

sync-off = Sincronización desactivada
sync-not-yet = Aún sin sincronizar
sync-up-to-date = Al día
sync-syncing = Sincronizando…
sync-offline-retrying = Sin conexión · reintento a las { $time }
sync-paused-retrying = Sincronización en pausa · reintento a las { $time }
sync-sign-in-again = Inicie sesión de nuevo
sync-update-app = Actualice la app
sync-last = Última sincronización: { $ago }
sync-none-yet = Aún no se ha sincronizado
sync-waiting = { $count ->
    [one] { $count } evento por enviar
   *[other] { $count } eventos por enviar
}
sync-refused = { $count ->
    [one] { $count } evento rechazado por el servidor de la flotilla
   *[other] { $count } eventos rechazados por el servidor de la flotilla
}
sync-outcome-off = Sincronización desactivada: no hay servidor de la flotilla configurado
sync-outcome-done = Sincronizado: { $sent } enviados, { $updated } actualizados, { $removed } eliminados
sync-outcome-offline = Sin conexión: sus eventos están guardados y se enviarán
sync-outcome-server = El servidor de la flotilla no responde bien: se volverá a intentar
sync-outcome-sign-in = Inicie sesión de nuevo: sus eventos se conservan
sync-outcome-update = Actualice la app: sus eventos se conservan
sync-outcome-storage = Falló el almacenamiento de este teléfono: la sincronización se detuvo
sync-outcome-local = La sincronización falló en este teléfono: se volverá a intentar

## Start and sign-in

start-sign-in-title = Iniciar sesión
start-sign-in-message = Escriba el token de conductor que le dio su flotilla. Se guarda en el almacenamiento seguro de este teléfono.
start-first-sync-title = Descargando sus viajes
start-first-sync-message = Sus viajes aparecen aquí después de la primera sincronización. Puede registrar eventos sin conexión.
start-ready-title = Viajes
start-token-label = Token de conductor
start-token-hint = Se lo da el encargado de su flotilla
start-sign-in-button = Iniciar sesión
token-empty = Escriba el token que le dio su flotilla
token-too-long = Es demasiado largo para un token de conductor: revise lo que pegó
token-bad-characters = Un token de conductor no lleva espacios ni caracteres especiales: revise lo que pegó

## Recovery and start-up notices

recovery-title = Sus datos se repararon
recovery-ok = Aceptar
recovery-cache-rebuilt = La lista de viajes estaba dañada y se borró. Sus viajes regresan con la próxima sincronización.
recovery-outbox-salvaged = Se dañó el almacén de los eventos que usted registró. { $count ->
    [one] Se recuperó { $count } evento y se enviará.
   *[other] Se recuperaron { $count } eventos y se enviarán.
}
recovery-outbox-unreadable = { $count ->
    [one] No se pudo leer { $count } evento.
   *[other] No se pudieron leer { $count } eventos.
} Dígale a su flotilla lo que registró hace poco.
recovery-outbox-empty = El almacén de eventos estaba vacío: pueden haberse perdido eventos registrados antes. Avise a su flotilla.
startup-too-new-title = Actualice la app
startup-too-new-1 = Sus datos se guardaron con una versión más nueva de Crossing. Instale la versión más reciente para abrirlos.
startup-too-new-2 = No se cambió ni se borró nada.
startup-storage-title = Crossing no puede abrir sus datos
startup-storage-1 = No se pudo leer ni escribir en el almacenamiento del teléfono. Libere espacio y vuelva a abrir Crossing.
startup-storage-2 = No se borró nada.
startup-other-title = Crossing no puede iniciar
startup-other-1 = Algo está mal en esta instalación. Vuelva a abrir Crossing; si sigue igual, avise a su flotilla.

## Trip list

trips-title = Viajes
trips-empty = Aún no hay viajes en este teléfono. Los viajes que le asigne su flotilla aparecen después de sincronizar.
# $regime is ACI or ACE; $number the trip number.
trip-row-title = { $regime } { $number }
trip-row-detail = A { $port } · ETA { $eta }

## Trip screen

trip-title = Viaje { $regime } { $number } → { $port }
trip-eta = ETA { $eta }
trip-correct-event = Corregir un evento
trip-print = Imprimir: { $sheet }
event-state-pending = Not yet sent · Aún no enviado
event-state-sent = Sent · Enviado
event-state-refused = Refused by the fleet server · Rechazado por el servidor
notice-cancelled = Su flotilla canceló este viaje. Su manifiesto y sus códigos se borraron de este teléfono: no lo presente en la frontera.
notice-unassigned = Este viaje ya no está asignado a usted. Su manifiesto y sus códigos se borraron de este teléfono.
notice-finished = Este viaje terminó; sus datos personales se borraron de este teléfono.
notice-code-gone = Ese código ya no está en este viaje (la flotilla lo cambió). Elija otro.
notice-code-cannot-draw = No se puede dibujar este código: { $reason }
notice-no-code = Estado del viaje: { $state }; no tiene código para mostrar
paper-unprintable = Algunas letras no se pueden imprimir con las fuentes estándar y salen como "?": { $chars }
# A sheet's file name and print title; $sheet is the sheet's name below.
paper-file-name = { $sheet } { $number } v{ $version }
paper-title = { $sheet } { $number }

## Sheets (their names on buttons; the sheets themselves are printed in the officer's language)

sheet-aci-lead = Hoja de presentación ACI
sheet-ace-cover = Hoja de portada ACE
sheet-ace-placard = Letrero QR ACE para el parabrisas

## Border codes

code-trip-qr = Número de viaje (QR)
code-crn-128 = CRN (Code 128)
code-pars = PARS { $number }
code-paps = PAPS { $number }
code-trip-39 = Número de viaje (Code 39)
code-ace-qr = QR de ACE
code-ccn-128 = CCN (Code 128)
code-title-trip-qr = Número de viaje (QR)
code-title-crn = Hoja de presentación de CBSA: CRN
code-title-ace-39 = Hoja de portada ACE: número de viaje
code-title-pars = PARS / número de control de carga
code-title-paps = PAPS / número de control del envío
code-title-ace-qr = QR del manifiesto ACE de CBP
code-caveat-screen = CBSA y CBP no han confirmado que los oficiales escaneen la pantalla del teléfono: lleve también la hoja impresa
code-caveat-crn = CBSA no ha publicado el tipo de código de barras de la hoja de presentación; Code 128 es lo que usa la industria
code-caveat-ace-qr = Los campos del QR de ACE siguen un resumen de la especificación de CBP de 2020; el separador, el relleno y la cadena de versión no están confirmados con el documento de CBP

## Amendment banner

banner-title = Su flotilla cambió este viaje (versión { $from } → { $to })
banner-shipment-added = Envío agregado: { $number }
banner-shipment-removed = Envío eliminado: { $number }
banner-shipment-changed = Envío modificado: { $number }
banner-sheets-void = Ya no valen si se imprimieron antes: { $sheets }. Vuelva a imprimirlas.
banner-codes-changed = Cambió un código fronterizo: los papeles impresos para este viaje ya no valen; vuelva a imprimirlos.
banner-acknowledge = Confirmar los cambios
# One changed field: $field is one of the amend-field-* labels.
amend-change = { $field }: { $old } → { $new }
amend-field-trip-number = Número de viaje
amend-field-port = Primer puerto de llegada
amend-field-eta = ETA
amend-field-unit = Unidad
amend-field-truck-plates = Placas del camión
amend-field-vin = VIN
amend-field-truck-seals = Sellos del camión
amend-field-trailers = Remolques
amend-field-crew = Tripulación
amend-customs-updated = Estado aduanal actualizado

## Status headline

status-cancelled = Viaje cancelado por la flotilla
status-unassigned = Viaje ya no asignado a usted
status-finished = Viaje terminado
status-assigned = Asignado: confirme el manifiesto
status-acknowledged = Manifiesto confirmado
status-departed = Salió del origen
status-at-border-port = En la frontera ({ $port })
status-at-border = En la frontera
status-secondary = En inspección secundaria
status-primary = En inspección primaria
status-crossed = Cruzó (según el conductor)
status-delivering = { $total ->
    [one] Entregando: { $delivered } de { $total } envío entregado
   *[other] Entregando: { $delivered } de { $total } envíos entregados
}
status-at-consignee = Con el destinatario
status-delivered = Todos los envíos entregados
# Joins the parts of a headline.
status-joined = { $first } · { $second }
status-not-yet-sent = aún no enviado
status-release-not-confirmed = la aduana no ha confirmado la liberación
# Customs' word (the English term stays in front).
customs-released-by = Released by customs · Liberado por la aduana
customs-held-by = Held by customs · Retenido por la aduana
customs-rejected-by = Rejected by customs · Rechazado por la aduana
customs-marked = { $status } (aduana)

## Status actions (border actions: the English term stays in front)

event-trip-acknowledged = Manifest acknowledged · Manifiesto confirmado
event-departed-origin = Departed origin · Salió del origen
event-arrived-at-border = Arrived at border · Llegó a la frontera
event-in-inspection = In inspection · En inspección
event-released = Released (driver) · Liberado (conductor)
event-arrived-at-consignee = Arrived at consignee · Llegó con el destinatario
event-delivered = Delivered · Entregado
event-exception = Exception · Incidente
event-correction = Correction · Corrección

## Forms

form-record = Registrar: { $action }
form-saved = Guardado: { $action } · se enviará cuando el teléfono tenga conexión
form-trip-gone = Este viaje ya no está en este teléfono
form-note = Nota
form-note-optional = Nota (opcional)
form-port = Puerto
form-port-of-entry = { $port } · puerto de entrada de este viaje
form-port-other = Otro puerto: 4 dígitos, p. ej. 0453
form-note-hint-fleet = Lo que su flotilla deba saber
form-inspection = Inspección
form-inspection-primary = Primaria (en la caseta)
form-inspection-secondary = Secundaria (enviado a revisión)
# The inspection level in the event history ("In inspection · secondary").
inspection-primary = primaria
inspection-secondary = secundaria
form-shipment-delivered = Envío entregado
form-note-hint-delivered = Quién lo recibió, si falta algo
form-shipment-optional = Envío (opcional)
form-note-hint-exception = Diga qué pasó
form-event-to-correct = Evento a corregir
form-note-hint-correction = Qué estaba mal
form-explain-arrived = Avisa a su flotilla que usted está en la frontera.
form-explain-inspection = Avisa a su flotilla que la aduana está inspeccionando el camión.
form-explain-delivered = Marca un envío como entregado.
form-explain-exception = Avisa a su flotilla que algo salió mal.
form-explain-correction = Reemplaza un evento que registró por error.
# A refusal: $field is one of the input-* names, $rule one of the rule-* sentences.
form-refused = { $field } { $rule }
input-note = La nota
input-shipment = El envío
input-port = El puerto
input-inspection = La inspección
input-corrects = El evento a corregir
input-occurred-at = La hora
input-kind = La acción
form-unknown-input = "{ $input }" no es un campo de este formulario
form-inspection-level = La inspección debe ser primaria o secundaria

## Event rules (the refusal's second half, after the input's name)

rule-not-used = no se usa en eventos { $kind }
rule-port-digits = "{ $port }" debe tener 4 dígitos con ceros a la izquierda (p. ej. 0453)
rule-shipment-length = debe tener de 1 a { $max } caracteres
rule-shipment-required = es obligatorio en eventos de entrega (delivered)
rule-inspection-required = es obligatoria en eventos de inspección (in_inspection): primaria o secundaria
rule-corrects-required = es obligatorio en eventos de corrección (correction): el id del evento que corrige
rule-note-length = debe tener como máximo { $max } caracteres
rule-note-required = es obligatoria en eventos { $kind }: diga qué pasó
rule-shipments-gone = este viaje se canceló o se borró; sus envíos ya no están en este dispositivo
rule-shipment-not-on-trip = "{ $shipment }" no está en el viaje "{ $trip }"
rule-not-future = no puede estar en el futuro
rule-within-days = debe estar dentro de los últimos { $days } días
rule-control-characters = no debe tener caracteres de control
rule-bidi = no debe tener caracteres de control bidireccional (U+202A–U+202E, U+2066–U+2069)

## Manifest sections and labels

section-trip = Viaje
section-customs = Aduana
section-conveyance = Vehículo
section-trailer = Remolque { $index } de { $of }
section-shipment = Envío { $index } de { $of } · { $number }
section-driver = Conductor
section-passenger = Pasajero
label-crn = CRN
label-trip-number = Número de viaje
label-regime = Régimen
label-port = Primer puerto de llegada
label-eta = ETA
label-version = Versión
label-carrier = Transportista
label-customs-reported = Aduana (reportado)
label-what-to-do = Qué hacer
label-trip = Viaje
label-unit = Unidad
label-type = Tipo
label-plates = Placas
label-vin = VIN
label-seals = Sellos
label-number = Número
label-ccn = CCN
label-scn = SCN
label-shipper = Remitente
label-consignee = Destinatario
label-release-office = Oficina de liberación
label-goods = Mercancía
label-name = Nombre
label-citizenship = Ciudadanía
label-date-of-birth = Fecha de nacimiento
label-fast = Tarjeta FAST
label-document = Documento
value-none = ninguno
value-hazmat = material peligroso { $un }
# The ETA of a value in the manifest's rows, e.g. "CBSA 2026-09-12 10:10".
value-customs-time = { $agency } { $time }

## Customs' answers relayed by the fleet (customs' word: the English term stays in front)

customs-signal-transmitted = Sent to customs · Enviado a la aduana
customs-signal-provider-error = Not sent: the provider refused it · No enviado: el proveedor lo rechazó
customs-signal-accepted = On file with customs · Registrado en la aduana
customs-signal-rejected = Rejected by customs · Rechazado por la aduana
customs-signal-matched = Matched by the broker · Vinculado por el agente aduanal
customs-signal-not-matched = Not matched · Sin vincular
customs-signal-arrival-reported = Arrival reported · Llegada reportada
customs-signal-review-time = Sent late: customs review time short · Enviado tarde: la aduana tuvo poco tiempo para revisar
customs-signal-other = Reported · Reportado
customs-answer = { $status }: { $text }
customs-raw-code-text = Código { $code } de { $agency }: { $text } (significado no confirmado)
customs-raw-code = Código { $code } de { $agency } (significado no confirmado)
customs-status-draft = Draft (not sent to customs) · Borrador (no enviado a la aduana)
customs-status-transmitted = Sent to customs, awaiting answer · Enviado a la aduana, en espera de respuesta
customs-status-rejected = Rejected by customs: carrier must correct · Rechazado por la aduana: el transportista debe corregirlo
customs-status-on-file = On file with customs · Registrado en la aduana
customs-status-matched = On file, cargo matched · Registrado, carga vinculada
customs-status-entry-on-file = Entry on file: ready for the border · Entrada registrada: listo para la frontera
customs-status-arrival-reported = Arrival reported by customs · Llegada reportada por la aduana
customs-status-released = Released by customs · Liberado por la aduana
customs-status-held = Held by customs · Retenido por la aduana
customs-status-cancelled = Cancelled with customs · Cancelado ante la aduana
advice-trip-rejected = { $agency } rechazó el manifiesto{ $reason }: llame a su despachador antes de llegar a { $port }; hay que corregirlo y enviarlo de nuevo.
advice-trip-not-sent = El manifiesto no llegó a { $agency }{ $reason }: llame a su despachador antes de llegar a { $port }.
advice-trip-late = { $agency } no tuvo su tiempo completo de revisión para este manifiesto: llame a su despachador antes de llegar a { $port }.
advice-shipment-not-matched = { $kind } { $number } no está vinculado: llame a su agente aduanal antes de llegar a { $port }.
advice-shipment-rejected = { $agency } rechazó el envío { $number }: llame a su despachador antes de llegar a { $port }.
advice-shipment-late = { $agency } no tuvo su tiempo completo de revisión para { $number }: llame a su despachador antes de llegar a { $port }.
advice-shipment-not-sent = El envío { $number } no llegó a { $agency }: llame a su despachador antes de llegar a { $port }.
advice-reason = { " " }({ $reason })

## Validation warnings shown with a trip (the field's path stays as the fleet wrote it)

warning-line = { $path }: { $rule }
warning-line-value = { $path } "{ $value }": { $rule }
rule-trip-number-clash = también es el número del viaje "{ $other }"; los números de viaje deben ser únicos

## The shells' own words

shell-retry = Reintentar
shell-back = Volver a viajes
shell-close = Cerrar
shell-sync-now = Sincronizar
shell-opening = Abriendo…
shell-token-store-locked = El almacenamiento seguro de este teléfono está bloqueado. Desbloquee el teléfono e intente de nuevo.
shell-current-trip = Viaje actual
shell-show-codes = Mostrar en la frontera
shell-share = Compartir
shell-tone-neutral = Información
shell-tone-good = Listo
shell-tone-attention = Revisar
shell-tone-problem = Actúe ya

## The desktop shell (crossing trip show)

cli-status = Estado: { $status }
cli-amended = Manifiesto modificado (v{ $from } → v{ $to }): confírmelo para quitar el aviso
cli-changed = cambió: { $change }
cli-shipment-added = envío agregado: { $number }
cli-shipment-removed = envío eliminado: { $number }
cli-shipment-changed = envío modificado: { $number }
cli-codes-changed = cambiaron los códigos fronterizos: las hojas impresas antes ya no valen
cli-acknowledge = Acción: confirme esta versión del manifiesto
cli-warnings = Advertencias

## Why a screen could not be drawn (the core's errors, as the shells show them)

problem-sign-in = Vuelva a iniciar sesión: sus eventos se conservan.
problem-update = Actualice la aplicación: sus eventos se conservan.
problem-offline = Sin conexión con el servidor de la flotilla. Crossing lo vuelve a intentar solo.
problem-refused = Esto fue rechazado.
problem-gone = Este viaje ya no está en este teléfono.
problem-storage = Falló el almacenamiento de este teléfono.
problem-internal = Algo salió mal en Crossing. Avise a su flotilla si vuelve a pasar.
# $sentence is one of the above; $detail the technical reason, in English, for support.
problem-detail = { $sentence } ({ $detail })

## A refused trip, as the fleet server answers a push (in the manager's language)

refused-trip = viaje rechazado: { $count ->
    [one] { $count } error
   *[other] { $count } errores
}: { $issues }
refused-more = { $issues }; y { $rest } más
