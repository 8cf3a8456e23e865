# Crossing fleet server — the console's and the API's own words, English (the source).
# Only the fleet server carries this catalogue (the phone does not). French: ../fr-CA.
# (Translations of this file: native-speaker review pending.)

api-unauthorized = a valid bearer token is required
