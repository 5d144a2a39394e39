"""Caches on disk: SQLite blobs by key (`blobcache`), results by the content of their inputs
(`memo`), and one article's reading (`readings`). Stages never import this package; the pipeline
wraps them."""
