# Type stubs of the private C++ module reciprocity._core (re-exported by reciprocity).
from typing import Callable, Hashable, Iterable, Iterator, Literal, Mapping, Optional, SupportsFloat, TypedDict, TypeVar, Union

__version__: str
PROFILE_FORMAT_VERSION: int
MAX_LEVEL: float
MODES: tuple[str, str, str, str, str]

Mode = Literal["harmonic", "geometric", "min", "mean", "uninorm"]
_Number = Union[int, float, SupportsFloat]

class TopicSpec(TypedDict, total=False):
    level: Optional[_Number]
    want: Optional[_Number]

ProfileLike = Union["Profile", bytes, bytearray, memoryview]
_Id = TypeVar("_Id", bound=Hashable)

class Profile:
    def __init__(self, topics: Optional[Mapping[str, Mapping[str, Optional[_Number]]]] = None) -> None: ...
    @staticmethod
    def from_bytes(data: Union[bytes, bytearray, memoryview, "Profile"]) -> Profile: ...
    @staticmethod
    def from_json(text: str) -> Profile: ...
    @staticmethod
    def from_rows(rows: Iterable[tuple[Optional[str], Optional[_Number], Optional[_Number]]]) -> Profile: ...
    def to_bytes(self) -> bytes: ...
    def __bytes__(self) -> bytes: ...
    def __conform__(self, protocol: object) -> bytes: ...
    def to_dict(self) -> dict[str, dict[str, float]]: ...
    def to_json(self) -> str: ...
    def level(self, topic: str) -> float: ...
    def want(self, topic: str) -> float: ...
    @property
    def topics(self) -> tuple[str, ...]: ...
    def __len__(self) -> int: ...
    def __contains__(self, topic: object) -> bool: ...
    def __iter__(self) -> Iterator[str]: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class TopicGain(TypedDict):
    topic: str
    giver_level: float
    receiver_level: float
    want: float
    weight: float
    contribution: float

class DirectionGains(TypedDict):
    benefit: float
    topics: list[TopicGain]

class Explanation(TypedDict):
    mode: str
    score: float
    balance: float
    a_gets: DirectionGains
    b_gets: DirectionGains

def score(a: ProfileLike, b: ProfileLike, mode: Optional[Union[Mode, str]] = "harmonic") -> float: ...
def benefit(receiver: ProfileLike, giver: ProfileLike) -> float: ...
def explain(a: ProfileLike, b: ProfileLike, mode: Optional[Union[Mode, str]] = "harmonic") -> Explanation: ...
def best_partners(
    me: ProfileLike,
    candidates: Mapping[_Id, Union[Profile, bytes, bytearray, memoryview]],
    k: int,
    mode: Optional[Union[Mode, str]] = "harmonic",
) -> list[tuple[_Id, float]]: ...

class Cancelled(Exception):
    """Raised by top_partners when its progress callback returns False."""

def top_partners(
    profiles: Mapping[_Id, Union[Profile, bytes, bytearray, memoryview]],
    k: int,
    exclude: Optional[Iterable[tuple[Hashable, Hashable]]] = None,
    threads: int = 0,
    progress: Optional[Callable[[int, int], object]] = None,
    mode: Optional[Union[Mode, str]] = "harmonic",
) -> dict[_Id, list[tuple[_Id, float]]]: ...
