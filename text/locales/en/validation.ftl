# Crossing — the trip rules' words (trip/src/validate), English, the source language.
# (Translations of this file: native-speaker review pending.)
# Shown by the phone (warnings on a received trip) and by the fleet server (refusals, in the
# manager's language). Field paths and values stay as the fleet wrote them.
