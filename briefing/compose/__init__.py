"""From an outline and an indexed corpus to a deck: query building, ranking, selection, speaker
notes, and the composed-deck cache a caller may use."""
