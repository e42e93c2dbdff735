"""The screens: the slides themselves, and the overlays the briefer opens from them."""
