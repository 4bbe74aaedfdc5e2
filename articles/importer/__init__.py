"""The legacy importer: read old articles (.txt, saved .html) and bring them in with their meaning.

`extract()` reads one article's text and touches no database; `import_extraction()` writes it (article, unit,
meeting, people) in one transaction; `evaluate()` measures the extractor against a labelled set.
"""

from .evaluation import FIELDS, evaluate
from .extraction import Extraction, extract, extract_html, read_extraction
from .reading import UnreadableFile, collect_paths, is_page, read_file
from .saving import CannotImport, ImportResult, UnitIndex, UnitUnknown, import_extraction

__all__ = [
    "FIELDS",
    "CannotImport",
    "Extraction",
    "ImportResult",
    "UnitIndex",
    "UnitUnknown",
    "UnreadableFile",
    "collect_paths",
    "evaluate",
    "extract",
    "extract_html",
    "import_extraction",
    "is_page",
    "read_extraction",
    "read_file",
]
