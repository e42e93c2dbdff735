"""The live presentation: the app, its screens and widgets."""
