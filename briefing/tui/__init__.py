"""The live presentation (`briefing present`): the only part of briefing that imports Textual."""
