"""python -m roster"""

from roster.cli import main

main()
