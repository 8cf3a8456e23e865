# Crossing fleet server — the console's and the API's own words, Canadian French.
# Machine-made translation (written by an AI assistant): native-speaker review pending.

api-unauthorized = un jeton porteur (bearer) valide est requis
