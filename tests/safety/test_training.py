"""The distress/disclosure model: reproducible training, a current shipped artefact, and loading."""

from __future__ import annotations

from facilitator.safety import corpus, model, normalise, train


def _sample() -> list[corpus.Entry]:
    # A fixed slice of the training part keeps this test fast; the whole run is the same code.
    training, _ = corpus.split(corpus.read(corpus.CORPUS_PATH))
    return sorted(training, key=lambda e: e.text)[::6]


def test_training_twice_gives_the_same_artefact_and_scores():
    entries = _sample()
    first, second = train.train(entries), train.train(list(reversed(entries)))
    assert first.to_json() == second.to_json()
    probe = normalise.for_phrases("nataka kujiua, mjomba ananiguza")
    assert first.scores(probe) == second.scores(probe)


def test_the_shipped_model_was_trained_on_the_whole_current_corpus():
    # Editing the corpus without `python -m facilitator.safety.train` leaves a stale model.
    assert model.load().trained_on == train.fingerprint(corpus.read(corpus.CORPUS_PATH))


def test_the_shipped_model_round_trips_and_scores_in_range():
    shipped = model.load()
    again = model.LinearModel.from_json(shipped.to_json())
    assert again.to_json() == shipped.to_json()
    for text in ("", "hello", "i want to die", "x" * 5000):
        for score in shipped.scores(normalise.for_phrases(text)).values():
            assert 0.0 <= score <= 1.0


def test_no_blind_line_is_in_the_training_corpus():
    """A blind set measures only while the model has never seen its lines (compared case-insensitively)."""
    corpus_texts = {entry.text.casefold() for entry in corpus.read(corpus.CORPUS_PATH)}
    for blind in sorted(corpus.CORPUS_PATH.parent.glob("blind*.tsv")):
        shared = [entry.text for entry in corpus.read(blind) if entry.text.casefold() in corpus_texts]
        assert not shared, (blind.name, shared[:5])


def test_scores_sum_each_feature_of_the_bag_once_per_occurrence():
    """The model sums a word's rows once per process (for speed); a whole entry's score must equal the sum over its
    feature bag, as training computes it."""
    import math

    shipped = model.load()
    for text in ("nataka kujiua leo leo", "mjomba ananiguza na anasema ni siri yetu", "the there then", "hi"):
        phrase = normalise.for_phrases(text)
        bag = model.features(phrase)
        for index, target in enumerate(shipped.targets):
            total = sum(shipped.weights[name][index] for name in bag if name in shipped.weights)
            expected = model.sigmoid(shipped.bias[index] + total * model.feature_scale(len(bag)))
            assert math.isclose(shipped.scores(phrase)[target], expected, rel_tol=1e-12, abs_tol=1e-15)
