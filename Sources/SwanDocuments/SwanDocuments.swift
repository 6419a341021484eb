/// Documents: card sheets, forms, the handleiding and filled invulbladen, laid out as pages.
