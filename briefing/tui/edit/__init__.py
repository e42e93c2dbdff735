"""`briefing edit OUTLINE`: the outline in an editor beside the live slide at the cursor."""
