"""Does a change to the learned part generalise? One variant of the classifier (features, model),
scored on every development set (none of them trained on) and by cross-validation on the corpus,
in one run: per set the kind and full figures, then their mean and minimum.

    PYTHONPATH=. .venv/bin/python benchmarks/learned_variants.py                        # the classifier as it is
    PYTHONPATH=. .venv/bin/python benchmarks/learned_variants.py --variant balanced     # a variant below
    PYTHONPATH=. .venv/bin/python benchmarks/learned_variants.py --variant balanced --cv 5 --fresh --json out.json

Each variant patches the learned part (the estimator, the vectorizer's options, the features, the scores'
temperature) before the one fit; the rules around it are as they are. The README's understanding part has
the figures of every variant below (2026-12-05).

Never reads the held-out set: only tests/understanding/dev* and probe.
"""
from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.understanding import classification_latency, cross_validate, reader, score
from dialogs.understanding import classifier as learned
from dialogs.understanding import features
from dialogs.understanding.corpus import load_examples

DEV_ROOT = Path(__file__).resolve().parent.parent / "tests" / "understanding"
# The corpus files written for a set's misreadings (by cause, in other words): left out of the fit for that set
# alone, the set is nearer a fresh one for the learned part (the rules were still tuned on it).
WRITTEN_FOR = {"dev13": "_dev13_causes.yaml", "dev14": "_dev14_causes.yaml", "dev15": "_nlu25.yaml"}
DEV_SETS = ("dev", *(f"dev{n}" for n in range(2, 16)), "probe")


# ---- variants: each patches the learned part before the fit ------------------------------------------

def _estimator(make: Any) -> None:
    """Fit with ``make(C)`` instead of LinearSVC (any linear model: coef_, intercept_, classes_)."""
    import sklearn.svm

    sklearn.svm.LinearSVC = lambda C, random_state: make(C)


def _svc(**kw: Any) -> Any:
    from sklearn.svm._classes import LinearSVC as Svc  # where it is defined: sklearn.svm's name may be patched

    return lambda C: Svc(C=C, random_state=0, **kw)


class _Average:
    """The mean of several linear models' margins, each scaled to unit spread on the training rows."""

    def __init__(self, makers: list[Any], C: float) -> None:
        self.models = [m(C) for m in makers]

    def fit(self, X: Any, y: Any) -> _Average:
        coefs, intercepts = [], []
        for model in self.models:
            model.fit(X, y)
            margins = model.decision_function(X)
            spread = float(np.std(margins)) or 1.0
            coefs.append(model.coef_ / spread)
            intercepts.append(model.intercept_ / spread)
        self.classes_ = self.models[0].classes_
        self.coef_, self.intercept_ = np.mean(coefs, axis=0), np.mean(intercepts, axis=0)
        # back to the first model's scale: the scores' softmax and the thresholds read in interpret keep their meaning
        first = float(np.std(self.models[0].decision_function(X))) or 1.0
        self.coef_, self.intercept_ = self.coef_ * first, self.intercept_ * first
        return self


def _analyze_with(extra: Any) -> None:
    """Add ``extra(point, text)`` tokens to every document's features."""
    def analyze(doc: str) -> list[str]:
        point, _, text = doc.partition("\x1f")
        return [*features.tokens(point, text), *extra(point, text)]

    learned.analyze = analyze


def _ngrams(sizes: tuple[int, ...]) -> None:
    """Character n-grams of these sizes instead of 1-3."""
    def grams(text: str) -> list[str]:
        out = []
        for word in text.split():
            padded = f" {word} "
            out += [padded[i:i + n] for n in sizes for i in range(len(padded) - n + 1)]
        return out

    features.char_ngrams = grams


_RUNS = re.compile(r"[0-9]+|[a-z]+")


def _shape_text(text: str) -> str:
    """Digit runs as 0, Latin runs as A (X when long: an ID, a phone number)."""
    def shape(m: re.Match[str]) -> str:
        run = m.group()
        return ("X" if len(run) >= 6 else "0") if run[0].isdigit() else ("X" if len(run) >= 6 else "A")

    return _RUNS.sub(shape, text)


def _shape_grams(point: str, text: str) -> list[str]:
    """The n-grams of the shaped text that hold a shape ("身份证0", "AX"): what a number or code is beside."""
    shaped = _shape_text(text)
    if shaped == text:
        return []
    return [f"^{g}" for g in features.char_ngrams(shaped) if any(c in "0AX" for c in g)]


_PARTICLES = set("吗呢吧啊呀么嘛了的哦啦嘞喔噢")


def _final(point: str, text: str) -> list[str]:
    """The final particle or mark as a token of its own, alone and at the point (吗 asks, 吧 supposes, 了 states)."""
    stripped = text.rstrip(" .。!！~～")
    if not stripped:
        return ["$end:empty"]
    last = stripped[-1]
    out = [f"$end:{last}" if last in _PARTICLES or last in "?？" else "$end:other"]
    out.append(f"{point}|$end:{out[0][5:]}")
    return out


def _lr(C: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=2000)


def _sgd(C: float) -> Any:
    from sklearn.linear_model import SGDClassifier

    return SGDClassifier(loss="modified_huber", alpha=1e-5, random_state=0, max_iter=50, tol=None)


def _ridge(C: float) -> Any:
    from sklearn.linear_model import RidgeClassifier

    return RidgeClassifier(alpha=1.0 / C)


def _vectorizer(**kw: Any) -> None:
    """Fit the TF-IDF with these options too (min_df, sublinear_tf, ...)."""
    import sklearn.feature_extraction.text as text

    made = text.TfidfVectorizer
    text.TfidfVectorizer = lambda **given: made(**{**given, **kw})


def _temperature(factor: float) -> None:
    """Scores as softmax(factor × margins) instead of 2 ×: the confidences interpret's thresholds read."""
    def rank(self: Any, doc: str) -> Any:
        margins = self.margins(doc)
        scores = np.exp(factor * (margins - margins.max()))
        scores /= scores.sum()
        order = np.argsort(-scores, kind="stable")
        return learned.Ranked(tuple((self.classes[i], round(float(scores[i]), 4)) for i in order))

    learned._Model.rank = rank


def _point_cross(longest: int) -> None:
    """The point crossed with n-grams up to ``longest`` characters (0: not at all; the base is 2)."""
    def tokens(point: str, text: str) -> list[str]:
        grams = features.char_ngrams(text)
        shape = features._shape(text)
        return [*grams, *shape, f"@{point}", *(f"{point}|{g}" for g in (*grams, *shape) if len(g) <= longest),
                *features._beside_the_answer(point, text)]

    features.tokens = tokens


# Points whose questions are alike: what is learned of a word at one is shared with the others of its group.
GROUPS = {**dict.fromkeys(("business_type", "consent", "marital_status", "edu_level", "summary", "edu_foreign",
                           "edu_fulltime"), "choice"),
          **dict.fromkeys(("bonus_options", "spouse_options"), "many"), **dict.fromkeys(("children", "social_years"), "count"),
          **dict.fromkeys(("id_number", "mobile", "email", "permit_expiry"), "exact"),
          **dict.fromkeys(("name", "employer", "edu_school"), "named"),
          **dict.fromkeys(("materials", "photographing", "returned"), "checklist"),
          **dict.fromkeys(("submitted", "approved"), "after"), "start": "start"}


def _group_cross(longest: int) -> None:
    """The point's group crossed with n-grams up to ``longest`` characters, beside the point's own."""
    def extra(point: str, text: str) -> list[str]:
        group = GROUPS.get(point, point)
        return [f"&{group}|{g}" for g in (*features.char_ngrams(text), *features._shape(text)) if len(g) <= longest]

    _analyze_with(extra)


def _c(value: float) -> None:
    """The SVM's regularisation (the base is 4)."""
    learned.C = value


VARIANTS: dict[str, Any] = {
    "base": lambda: None,
    **{f"C{c:g}": (lambda c=c: _c(c)) for c in (1, 2, 8, 16)},
    "balanced": lambda: _estimator(_svc(class_weight="balanced")),
    "balanced_C8": lambda: (_c(8.0), _estimator(_svc(class_weight="balanced"))),
    "lr": lambda: _estimator(lambda C: _lr(C * 10)),  # the logistic loss wants a larger C for as little regularisation
    "sgd_mhuber": lambda: _estimator(_sgd),
    "ridge": lambda: _estimator(_ridge),
    "svc_sgd_avg": lambda: _estimator(lambda C: _Average([_svc(), _sgd], C)),
    "min_df2": lambda: _vectorizer(min_df=2),
    "linear_tf": lambda: _vectorizer(sublinear_tf=False),
    "binary_tf": lambda: _vectorizer(binary=True),
    "temp1": lambda: _temperature(1.0),
    "temp3": lambda: _temperature(3.0),
    "cross0": lambda: _point_cross(0),
    "cross1": lambda: _point_cross(1),
    "cross3": lambda: _point_cross(3),
    "group2": lambda: _group_cross(2),
    "group3": lambda: _group_cross(3),
    "ngram_1_4": lambda: _ngrams((1, 2, 3, 4)),
    "shape_tokens": lambda: _analyze_with(_shape_grams),
    "final_particle": lambda: _analyze_with(_final),
    "shape_and_final": lambda: _analyze_with(lambda p, t: [*_shape_grams(p, t), *_final(p, t)]),
}


def _without(written: str) -> list[Any]:
    """The corpus without one file."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as apart:
        for path in learned.CORPUS_DIR.glob("*.yaml"):
            if path.name != written:
                shutil.copy(path, apart)
        return load_examples(apart)


def run(variant: str, cv: int, fresh: bool = False, names: tuple[str, ...] = DEV_SETS) -> dict[str, Any]:
    from knowledge import load_default

    VARIANTS[variant]()
    kb = load_default()
    examples = load_examples(learned.CORPUS_DIR)
    began = time.process_time()  # CPU, not wall: the machine is shared
    classifier = learned.Classifier(examples)
    fit_s = time.process_time() - began
    sets: dict[str, Any] = {}
    p99s = []
    for name in names:
        dev = load_examples(DEV_ROOT / name)
        report = score(dev, reader(kb, classifier))
        n, kind, whole = report.total
        sets[name] = {"n": n, "kind": kind, "full": whole, "questions": report.questions_recorded}
        p99s.append(classification_latency(classifier, dev, rounds=2)[1])
    result: dict[str, Any] = {"variant": variant, "fit_s": round(fit_s, 2), "sets": sets,
                              "p99_ms": round(float(np.median(p99s)), 3)}
    fulls = [s["full"] / s["n"] * 100 for s in sets.values()]
    kinds = [s["kind"] / s["n"] * 100 for s in sets.values()]
    result.update(mean_full=round(float(np.mean(fulls)), 2), min_full=round(min(fulls), 1),
                  mean_kind=round(float(np.mean(kinds)), 2), min_kind=round(min(kinds), 1),
                  questions=sum(s["questions"] for s in sets.values()))
    if fresh:
        for name, written in WRITTEN_FOR.items():
            apart = learned.Classifier(_without(written))
            report = score(load_examples(DEV_ROOT / name), reader(kb, apart))
            result[f"fresh_{name}"] = round(report.accuracy() * 100, 2)
        result["fresh_mean"] = round(float(np.mean([result[f"fresh_{n}"] for n in WRITTEN_FOR])), 2)
    if cv:
        report = cross_validate(examples, cv, kb)
        result["cv_full"] = round(report.accuracy() * 100, 2)
        result["cv_kind"] = round(report.accuracy(full=False) * 100, 2)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--variant", default="base", choices=sorted(VARIANTS))
    parser.add_argument("--cv", type=int, default=0)
    parser.add_argument("--fresh", action="store_true", help="also dev13-15 each fitted without the file written for it")
    parser.add_argument("--sets", nargs="+", default=DEV_SETS, help="these sets instead (a newer one: dev16)")
    parser.add_argument("--json", help="also write the figures here")
    args = parser.parse_args()
    result = run(args.variant, args.cv, args.fresh, tuple(args.sets))
    for name, s in result["sets"].items():
        print(f"  {name:<6} {s['n']:>5} kind {s['kind'] / s['n']:6.1%} full {s['full'] / s['n']:6.1%}"
              f"  ({s['full']} right, {s['questions']} questions recorded)")
    print(f"{args.variant}: mean full {result['mean_full']} min {result['min_full']} | mean kind {result['mean_kind']}"
          f" min {result['min_kind']} | questions {result['questions']} | fit {result['fit_s']} s"
          f" | p99 {result['p99_ms']} ms" + (f" | cv full {result['cv_full']} kind {result['cv_kind']}" if args.cv else "")
          + (f" | fresh {result['fresh_dev13']} {result['fresh_dev14']} {result['fresh_dev15']} mean {result['fresh_mean']}"
             if args.fresh else ""))
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
