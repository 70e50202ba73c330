"""Self-care paths: themes, the path index, paths and their steps.

A path is a page; its steps are child pages (`PathStepPage`). A step's
`translation_key` is its stable identity (`step_key`): it survives editing,
reordering and translation. docs/paths.md explains the choice.
"""

from .path import PathPage
from .path_index import PathIndexPage
from .step import PathStepPage, renew_block_ids
from .themes import Theme

__all__ = ["PathIndexPage", "PathPage", "PathStepPage", "Theme", "renew_block_ids"]
