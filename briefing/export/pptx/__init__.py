"""PowerPoint: plan and measure (slideplan, deckplan, textfit), render XML (drawingml), write
(writer, the only module that imports python-pptx), package and verify."""
