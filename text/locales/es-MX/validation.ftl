# Crossing — the trip rules' words (trip/src/validate), es-MX.
# Machine-made translation (written by an AI assistant): native-speaker review pending.

## Todos los campos de texto (trip/src/validate/mod.rs)

v-length-exact = debe tener exactamente { $length ->
        [one] { $length } carácter
       *[other] { $length } caracteres
    } (tiene { $found })
v-length-empty = no debe quedar en blanco (de 1 a { $max } caracteres)
v-length-range = debe tener de { $min } a { $max } caracteres (tiene { $found })
v-edge-space = no debe empezar ni terminar con un espacio
v-port-digits = debe tener 4 dígitos con ceros a la izquierda (p. ej. 0453)
v-country-code = debe ser un código de país ISO 3166-1 alpha-2 (2 letras)
v-not-used-on = no se usa en viajes { $regime }
v-id-characters = solo puede tener letras, dígitos y . _ : -
v-version-min = debe ser 1 o más
v-date-time-offset = debe ser una fecha y hora RFC 3339 con desfase horario
# $list es el nombre de la lista, en inglés.
v-code-not-listed = no está en { $list }; la lista puede estar desactualizada, así que verifique el código

## El encabezado del viaje (header.rs)

v-aci-crn-shape = un CRN de ACI es el código de transportista de 4 caracteres seguido de 4 a 21 letras o dígitos (de 8 a 25 caracteres)
v-carrier-prefix-or-authorizing = debe empezar con el código de transportista del viaje "{ $carrier }" o con el del transportista que autoriza "{ $authorizing }"
v-carrier-prefix = debe empezar con el código de transportista del viaje "{ $carrier }"
v-crn-looks-like-pars = parece un número PARS; un CRN no debe ser un número PARS ni un número de control de carga
v-letters-digits = solo puede tener letras y dígitos
v-carrier-code = un código de transportista de la CBSA tiene exactamente 4 letras, dígitos o guiones
v-scac-shape = un SCAC tiene de 2 a 4 letras
v-scac-four-letters = a los transportistas por carretera se les asignan SCAC de 4 letras
v-scac-equipment = los SCAC que terminan en U, X o Z son códigos de equipo, no de transportistas
v-ace-trip-number-shape = un número de viaje ACE es el SCAC seguido de 4 a 21 letras o dígitos (máximo 25 caracteres)
v-ace-trip-number-prefix = debe empezar con el SCAC del viaje "{ $scac }" seguido de 4 a 21 letras o dígitos
v-eta-local = debe ser una fecha y hora local YYYY-MM-DDTHH:MM:SS
v-eta-zone = debe ser la zona horaria IANA de un puerto de entrada terrestre, como America/Toronto (docs/trip-format.md las enumera)
v-eta-gap = no existe en esa zona horaria (hora que se salta al cambiar al horario de verano)
v-eta-past = está en el pasado
v-eta-too-early = los datos de carga ACI se pueden enviar como máximo 90 días antes de la llegada
v-eta-lead-time = faltan menos de { $minutes } minutos; { $agency } debe tener el manifiesto registrado { $minutes } minutos antes de la llegada

## El camión y sus remolques (conveyance.rs)

v-type-code = debe ser un código de tipo de 2 caracteres (p. ej. TR, TL)
v-plate-characters = solo puede tener letras, dígitos, espacios y guiones
v-jurisdiction = debe ser un código de estado o provincia de 2 o 3 caracteres
v-vin-required = es obligatorio para ACE (17 caracteres)
v-vin-shape = debe tener 17 letras o dígitos
v-vin-ioq = normalmente un VIN no tiene I, O ni Q (ISO 3779)
v-dot-number = debe tener de 1 a 8 dígitos
v-aci-truck-plates = ACI acepta una sola placa del camión (tiene { $found })
v-ace-truck-plates = ACE necesita 1 o 2 placas del camión (tiene { $found })
v-plate-ace-qr = supera los 7 caracteres de placa del formato QR de ACE; no se puede generar el QR de ACE

## La tripulación (crew.rs)

v-ace-driver-needed = ACE necesita al menos un conductor
v-fast-card-shape = un número de tarjeta FAST tiene 14 dígitos
v-fast-card-prefix = los números de tarjeta FAST suelen empezar con 4270
v-ace-id = un ACE ID tiene 7 dígitos
v-date = debe ser una fecha YYYY-MM-DD
v-birth-in-past = debe estar en el pasado
v-birth-plausible = no es una fecha de nacimiento creíble
v-document-type = no es un código de tipo de documento de viaje (5K, 5J, 6W, ACW, AEF, AEW, ALV, …)
v-licence-issuer = una licencia de conducir necesita el estado o la provincia que la expidió
v-document-country = este tipo de documento normalmente indica el país que lo expidió
v-required-ace-passenger = es obligatorio para un pasajero de ACE
v-required-ace-driver = es obligatorio para un conductor de ACE sin tarjeta FAST ni ACE ID
v-documents-ace-passenger = un pasajero de ACE necesita documentos de viaje
v-documents-ace-driver = un conductor de ACE sin tarjeta FAST ni ACE ID necesita documentos de viaje
v-ace-driver-cdl = un conductor de ACE sin tarjeta FAST ni ACE ID necesita una licencia de conducir comercial (5K)
v-ace-driver-whti = un conductor de ACE sin tarjeta FAST ni ACE ID necesita, además de la licencia comercial (CDL), un documento WHTI (pasaporte, tarjeta pasaporte, NEXUS, SENTRI, licencia mejorada (EDL), tarjeta de residente permanente, …)

## Los envíos (shipments.rs)

v-control-number-twice = aparece dos veces en el viaje; cada número de control es único
v-control-number-is-trip-number = es igual al número de viaje; el número del viaje y el número de control del envío deben ser distintos
v-commodity-needed = un envío necesita al menos una mercancía
v-shipment-type = no es un tipo de envío { $regime } ({ $types })
v-first-port = debe ser igual al primer puerto de llegada del viaje "{ $port }"
v-bond-sub-location = un envío en tránsito bajo fianza (BOND) necesita una sububicación
v-province-of-loading = debe tener de 2 a 5 letras o dígitos
v-ccn-shape = un CCN tiene de 5 a 25 letras, dígitos o guiones (código de transportista + referencia única)
v-ccn-short = tiene menos de 8 caracteres (código de transportista + 4 a 21); compárelo con la etiqueta PARS
v-scn-shape = un SCN es el SCAC de 4 letras seguido de 4 a 12 letras o dígitos (máximo 16 caracteres)
v-scn-prefix = debe empezar con el SCAC responsable del envío "{ $scac }"
v-quantity = debe ser un número entero mayor que 0
v-packaging-unit = debe ser un código de unidad de empaque de 3 letras (PLT, SKD, BOX, …)
v-weight-unit = debe ser una de las unidades { $units } para { $regime }
v-hs-code = debe tener de 6 a 10 dígitos
v-description-character = no debe tener '{ $character }' (la aduana rechaza ' : + !)
v-description-aci-portals = tiene más de 300 caracteres; algunos portales ACI solo aceptan 300
v-description-vague = es demasiado vaga para la aduana; describa la mercancía con claridad (p. ej. "steel bolts", pernos de acero)
v-un-number = debe ser UN seguido de 4 dígitos, de 0004 en adelante, p. ej. "UN1203"
v-emergency-contact = las mercancías peligrosas en ACE necesitan un contacto de emergencia
v-weight-shape = debe ser un número decimal con 4 decimales como máximo, p. ej. "1250.5"
v-weight-above-zero = debe ser mayor que 0
