import sys

from . import __doc__ as usage
from . import services
from .lifecycle import main

sys.exit(main(sys.argv[1:], services(), usage))
