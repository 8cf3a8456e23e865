# Crossing — the trip rules' words (trip/src/validate), es-MX.
# Machine-made translation (written by an AI assistant): native-speaker review pending.
