/// Typesetting core: fonts, shaping, hyphenation, line breaking, text boxes, the page model and the cairo renderer.
