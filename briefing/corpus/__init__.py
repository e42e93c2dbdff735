"""The source corpus: raw documents, cleaned and segmented in character offsets into raw text."""
