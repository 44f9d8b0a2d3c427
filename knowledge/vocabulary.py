"""The controlled vocabulary (vocabulary.yaml): districts, topics, material codes and the words
retrieval needs. Loaded once; entries are validated against it."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from knowledge.data_file import read_yaml
from knowledge.normalize import normalize

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")
OTHER_DISTRICTS = "其他区"


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    cues: tuple[str, ...]
    per_district: bool


@dataclass(frozen=True)
class WhereToBegin:
    """A message whose only word is the domain's own, asked as how or wanting ("俺想弄个积分咋弄啊"),
    asks where to begin; ``entry`` answers it. Without such a cue ("积分过了吗", "没有积分") the
    stopwords it lost said something, and it is ranked like any other question."""

    entry: str
    word: str
    cues: tuple[str, ...] = ()

    def asked_by(self, words: list[str], normalized: str) -> bool:
        """Whether a question's index words are ``word`` and nothing else, and it is that word alone
        or asks how or wants."""
        return set(words) == {self.word} and (normalized == self.word or any(cue in normalized for cue in self.cues))


@dataclass(frozen=True)
class Vocabulary:
    districts: dict[str, tuple[str, ...]]  # canonical name -> aliases (normalised)
    covered: frozenset[str]  # districts with rules of their own in the seeds
    topics: dict[str, Topic]
    materials: frozenset[str]
    domain_words: tuple[str, ...]
    synonyms: dict[str, str]
    stopwords: frozenset[str]
    out_of_scope: frozenset[str] = frozenset()
    in_passing: frozenset[str] = frozenset()  # of those, what a story tells in passing (a child's school, an illness)
    where_to_begin: WhereToBegin | None = None
    # other words of ours said alone as a whole question ("材料？"), each with the entry that answers it (see the yaml)
    alone: tuple[WhereToBegin, ...] = ()
    dated: dict[str, str] = field(default_factory=dict)  # period -> the note said after its entries
    english: dict[str, str] = field(default_factory=dict)  # an English word -> ours, in a message mixed with Chinese

    def districts_named(self, normalized_text: str) -> set[str]:
        """The districts a normalised text names; uncovered districts count as 其他区."""
        named = set()
        for district, aliases in self.districts.items():
            if any(alias in normalized_text for alias in (district, *aliases)):
                named.add(district if district in self.covered else OTHER_DISTRICTS)
        return named

    def names_several_districts(self, normalized_text: str) -> bool:
        """Whether a normalised text names two districts or more, those the seeds do not cover each on its own
        ("青浦上班 住在松江" names two, though both count as 其他区)."""
        return sum(any(alias in normalized_text for alias in (district, *aliases))
                   for district, aliases in self.districts.items() if district != OTHER_DISTRICTS) > 1

    def topics_cued(self, normalized_text: str) -> set[str]:
        """The topics whose cue words occur in a normalised text. A cue found only inside a longer
        cue of another topic does not count: "单位第一次" cues 单位注册, not 新办 for its "第一次"."""
        found = {(cue, t.id) for t in self.topics.values() for cue in t.cues if cue in normalized_text}
        return {topic for cue, topic in found
                if not any(cue in longer and cue != longer and other != topic for longer, other in found)}


@lru_cache(maxsize=4)
def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    """Read and normalise vocabulary.yaml (cached: it does not change while a process runs)."""
    data = read_yaml(path)
    districts = {normalize(name): tuple(normalize(a) for a in spec.get("aliases", []))
                 for name, spec in data["districts"].items()}
    covered = frozenset(normalize(name) for name, spec in data["districts"].items() if spec.get("covered"))
    topics = {tid: Topic(tid, spec["label"], tuple(normalize(c) for c in spec.get("cues", [])),
                         bool(spec.get("per_district")))
              for tid, spec in data["topics"].items()}
    return Vocabulary(
        districts=districts,
        covered=covered,
        topics=topics,
        materials=frozenset(data["materials"]),
        domain_words=tuple(normalize(w) for w in data["domain_words"]),
        synonyms={normalize(k): normalize(v) for k, v in data["synonyms"].items()},
        stopwords=frozenset(normalize(w) for w in data["stopwords"]),
        out_of_scope=frozenset(normalize(w) for w in data.get("out_of_scope", [])),
        in_passing=frozenset(normalize(w) for w in data.get("in_passing", [])),
        where_to_begin=_where_to_begin(data.get("where_to_begin")),
        alone=tuple(filter(None, map(_where_to_begin, data.get("alone", [])))),
        dated=dict(data.get("dated", {})),
        english={normalize(k): normalize(v) for k, v in data.get("english", {}).items()},
    )


def _where_to_begin(spec: dict | None) -> WhereToBegin | None:
    if not spec:
        return None
    return WhereToBegin(spec["entry"], normalize(spec["word"]), tuple(normalize(c) for c in spec.get("cues", ())))
