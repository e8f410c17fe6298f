"""`python -m aligner` runs the `align` command."""

from .cli import main

main()
