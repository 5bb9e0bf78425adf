"""Kennisbank datagedreven sturing: content model, validation and site generation.

mkdocs-macros imports this package (``module_name: macros``) and calls
:func:`define_env`; everything else lives in plain modules that do not need MkDocs.
"""

from .environment import define_env

__all__ = ["define_env"]
