"""Corpora, outlines and templates the .pptx tests write into a temporary folder."""
