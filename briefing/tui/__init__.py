"""Terminal UIs: `present/` (the live presentation), `edit/` (the outline editor) and what both
share (the slide view, colours, file watching). The only part of briefing that imports Textual."""
