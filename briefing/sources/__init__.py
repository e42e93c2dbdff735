"""Reading documents: listing, formats, cleaning, segmenting, quality, metadata, the sources
catalogue and the index that every later stage queries."""
