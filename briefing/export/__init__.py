"""Outputs that read the composed deck: plain text and JSON, and PowerPoint (`pptx/`)."""
