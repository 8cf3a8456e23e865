# Crossing — the trip rules' words (trip/src/validate), pa.
# Machine-made translation (written by an AI assistant): native-speaker review pending.
