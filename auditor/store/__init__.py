"""Caches on disk: SQLite blobs by key (`blobcache`), and the one wrapper that caches a pure stage's
results under the key the stage declares (`memo`). Stages never import this package; the pipeline
wraps them."""
