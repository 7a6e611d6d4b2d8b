"""Pure-Python Vietnamese text utilities (PUB-1: NFC storage, legacy-encoding repair).

No Django imports: safe to use from models, forms, management commands and tests.
"""

from .fold import fold
from .hostnames import hostname_label, propose_hostname, validate_hostname
from .legacy import VIETNAMESE_LETTERS, detect_legacy, from_tcvn3, from_vni, to_tcvn3, to_vni
from .normalize import nfc
from .query import clean_text
from .repair import repair
from .slug import slugify_vi

__all__ = [
    "VIETNAMESE_LETTERS",
    "clean_text",
    "detect_legacy",
    "fold",
    "from_tcvn3",
    "from_vni",
    "hostname_label",
    "nfc",
    "propose_hostname",
    "repair",
    "slugify_vi",
    "to_tcvn3",
    "to_vni",
    "validate_hostname",
]
