/// Session files: the record of one case discussion, decoded and validated against a deck.
