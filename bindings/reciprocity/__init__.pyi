# Type stubs of the reciprocity package.
from ._core import (
    Cancelled as Cancelled,
    MAX_LEVEL as MAX_LEVEL,
    MODES as MODES,
    PROFILE_FORMAT_VERSION as PROFILE_FORMAT_VERSION,
    DirectionGains as DirectionGains,
    MatchAudit as MatchAudit,
    Matching as Matching,
    Objective as Objective,
    Explanation as Explanation,
    Mode as Mode,
    Profile as Profile,
    ProfileLike as ProfileLike,
    TopicGain as TopicGain,
    TopicSpec as TopicSpec,
    __version__ as __version__,
    audit as audit,
    benefit as benefit,
    best_partners as best_partners,
    explain as explain,
    match as match,
    score as score,
    top_partners as top_partners,
)
from . import sqlite as sqlite

__all__: list[str]
