/// Deck definitions: the model of a SWAN deck and the parser of its Templates/ folder.
