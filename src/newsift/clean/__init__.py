"""Text-level cleanup: furniture rules (as data), slug repair, learned site furniture."""

from .flat import CleanResult, FlatTextCleaner
from .site import SiteFurnitureLearner

__all__ = ["CleanResult", "FlatTextCleaner", "SiteFurnitureLearner"]
