"""The shared spaCy parse: loaded once per process, offline, from an installed model package.

A parse depends on the sentence's text alone (`parse_key`) and the model (`model_key`: its meta
name and version, the spaCy version and the titles its tokenizer keeps whole), so the pipeline caches parses sentence by sentence
(`parses.sqlite`) as `DocCodec` writes them: `Doc.to_bytes()` without the tensor and user data
(nothing downstream reads either). A run whose sentences are all cached never loads the model:
the serialised Docs carry their own strings, so a blank vocabulary of the model's language
restores every attribute the extractors read (lemmas, tags, POS, morphology, dependencies,
heads, entities, sentence starts, noun chunks, lexical flags). A mixed run restores the hits
into the loaded model's vocabulary, so all Docs of one call share one vocab.
"""
from __future__ import annotations

import hashlib
import logging
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from auditor.errors import ModelError
from auditor.read.segment import TITLE_ABBREVIATIONS

log = logging.getLogger(__name__)

_EXCLUDE = ("tensor", "user_data")  # not read by any stage; the tensor alone is ~70% of the bytes
# A closing quotation mark glued to the next word in lower case ("... my complete innocence,'the 70-year-old
# said"): split off, or the speaker's "the" is lost inside one token with the quote's last word. (Before a
# capital the mark may open the next quote: "Loading..."I know ...," Combs told the judge.)
GLUED_QUOTE_INFIXES = (r"(?<=\w)[,.!?](?=['\u2019\"\u201d][a-z])", r"(?<=[,.!?])['\u2019\"\u201d](?=[a-z])")


@lru_cache(maxsize=4)
def load_pipeline(name: str):
    """A spaCy pipeline by package name or path; never downloads. Its tokenizer keeps a title written
    short with its stop as one word ("said Maj. Gen. X", "Det. Supt. Y"): split off, the stop ends
    the sentence there for the parser, and the speaker is lost."""
    try:
        import_spacy(name)
        import spacy

        nlp = spacy.load(name)
    except Exception as exc:  # an OSError for a missing package, or a broken install
        raise ModelError(f"cannot load spaCy model {name!r}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from exc
    from spacy.symbols import ORTH
    from spacy.util import compile_infix_regex

    for short in sorted(TITLE_ABBREVIATIONS):
        form = short.capitalize() + "."
        if len(nlp.tokenizer(form)) > 1:  # (spaCy keeps many whole already: "Gen.", "Capt.")
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *GLUED_QUOTE_INFIXES]).finditer
    return nlp


@lru_cache(maxsize=1)
def _titles_key() -> str:
    """The titles the tokenizer keeps whole and the infixes it adds, as a short key of the parse cache."""
    return hashlib.sha1(" ".join([*sorted(TITLE_ABBREVIATIONS), *GLUED_QUOTE_INFIXES]).encode()).hexdigest()[:8]


def _read_meta(name: str) -> Optional[dict]:
    """The model's meta.json, read without importing spaCy: an installed package keeps it beside its
    `__init__.py` (what spaCy's own `get_package_path` reads), a folder at its top; None if unreadable."""
    import importlib.util
    import json

    try:
        spec = importlib.util.find_spec(name) if name.isidentifier() else None
        folder = Path(spec.origin).parent if spec is not None and spec.origin else Path(name).expanduser()
        if (folder / "meta.json").is_file():
            return dict(json.loads((folder / "meta.json").read_text(encoding="utf-8")))
    except (ImportError, ValueError, OSError):
        log.debug("meta of spaCy model %r unreadable without loading it", name, exc_info=True)
    return None


@lru_cache(maxsize=4)
def _model_meta(name: str) -> dict:
    """The model's meta.json, from the file where possible, else from the loaded pipeline."""
    return _read_meta(name) or dict(load_pipeline(name).meta)


_TORCH_MODELS = ("torch", "transformers")  # requirements of pipelines whose components run on PyTorch


def import_spacy(name: str) -> None:
    """Import spaCy for the model `name`, without PyTorch when the model does not need it.

    spaCy imports thinc, and thinc imports torch whenever it is installed (it is, for the
    embedding model's export), which is most of spaCy's import time (~1.1 of 1.7 s here). A
    pipeline that lists no torch-based requirement in its meta.json (en_core_web_sm: tok2vec,
    tagger, parser, ner on thinc's own numpy layers) never calls torch, so torch is hidden from that
    one import; torch itself stays importable afterwards (the embedding backends import it as
    usual). Transformer pipelines (spacy-transformers, spacy-curated-transformers) and models whose
    meta cannot be read import spaCy as it comes."""
    import sys

    hide = "spacy" not in sys.modules and "torch" not in sys.modules
    if hide:
        meta = _read_meta(name)
        hide = meta is not None and not any(word in " ".join(meta.get("requirements") or ()) for word in _TORCH_MODELS)
    hidden = _HideTorch()
    if hide:
        sys.meta_path.insert(0, hidden)
    try:
        import spacy  # noqa: F401
    finally:
        if hide:
            sys.meta_path.remove(hidden)


class _HideTorch:
    """An import finder under which `import torch` fails as if torch were not installed."""

    def find_spec(self, fullname: str, path=None, target=None):
        if fullname == "torch" or fullname.startswith("torch."):
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return None


def model_key(name: str) -> str:
    """The parse cache's model key: language, meta name and version, and the spaCy version (from
    its installed distribution, so that a run served from caches never imports spaCy)."""
    from importlib.metadata import version

    meta = _model_meta(name)
    return f"{meta.get('lang', '')}_{meta.get('name', name)}@{meta.get('version', '')}|spacy@{version('spacy')}|titles@{_titles_key()}"


@lru_cache(maxsize=4)
def _blank_vocab(lang: str):
    import spacy

    return spacy.blank(lang).vocab


def parse_key(text: str) -> str:
    """What a sentence's parse depends on, besides the model: its text alone."""
    return text


class DocCodec:
    """Docs of model `name` as bytes and back: `Doc.to_bytes(exclude=_EXCLUDE)` and `Doc.from_bytes`,
    byte for byte, with srsly's msgpack extensions (numpy arrays) looked up once: srsly looks them
    up on every call, scanning the entry points of every installed package, which was most of the
    cost of writing and restoring a cached sentence (measured 0.55 -> 0.11 ms and 0.65 -> 0.25 ms).
    One per call: a Packer has state. `prepare(computing)` chooses the vocabulary Docs are restored
    into: the loaded model's when some sentences will be parsed alongside (one vocab for all Docs
    of a call), else a blank one of the model's language (the model is never loaded)."""

    def __init__(self, name: str) -> None:
        import functools

        import_spacy(name)
        self._name = name
        self._vocab = None

        from srsly import msgpack_decoders
        from srsly.msgpack import Packer

        hook = None
        for decoder in msgpack_decoders.get_all().values():  # as srsly.msgpack.unpackb chains them
            hook = functools.partial(decoder, chain=hook)
        self._hook = hook or (lambda obj: obj)
        self._packer = Packer(use_bin_type=True)  # as srsly.msgpack_dumps

    def prepare(self, computing: bool) -> None:
        self._vocab = load_pipeline(self._name).vocab if computing \
            else _blank_vocab(_model_meta(self._name).get("lang") or "en")

    def encode(self, doc) -> bytes:
        return self._packer.pack(doc.to_dict(exclude=_EXCLUDE))

    def decode(self, data: bytes):
        from spacy.tokens import Doc
        from srsly.msgpack import unpackb

        if self._vocab is None:
            self.prepare(False)
        return Doc(self._vocab).from_dict(unpackb(data, raw=False, use_list=True,
                                            object_pairs_hook=lambda pairs: self._hook(dict(pairs))))


def _parse_fresh(texts: Sequence[str], name: str, batch_size: int) -> list:
    """The real parse (the seam tests count calls through). Each Doc's tok2vec tensor (96 floats a
    token, half a fresh Doc's memory) is dropped as the Doc streams out of the batch, so the
    tensors of a whole corpus never pile up: nothing reads them (no vectors, no similarity)."""
    import numpy

    nlp = load_pipeline(name)
    docs = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        doc.tensor = numpy.zeros((0,), dtype="float32")  # what a Doc without a tensor holds; one per Doc, it is resized in place
        docs.append(doc)
    return docs


def parse(texts: Sequence[str], name: str, batch_size: int = 256) -> list:
    """spaCy Docs for the texts, in order; character offsets equal the texts' own.
    `batch_size` 256 is the model's own default: a third less CPU than 16, the same Docs."""
    import_spacy(name)
    return _parse_fresh(texts, name, batch_size)
