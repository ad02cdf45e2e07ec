"""Allow `python -m patternbrowser`."""

from patternbrowser.cli import main

raise SystemExit(main())
