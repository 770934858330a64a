"""``python -m consistency``."""

import sys

from consistency.launch import main

sys.exit(main())
