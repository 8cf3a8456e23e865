# Crossing — the trip rules' words (trip/src/validate), fr-CA.
# Machine-made translation (written by an AI assistant): native-speaker review pending.
