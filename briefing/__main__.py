"""`python -m briefing` is the same program as the `briefing` script."""

from briefing.cli import main

if __name__ == "__main__":
    main()
