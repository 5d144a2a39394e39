"""The fact-check workflow: a story's workspace on disk (`workspace`), the pure rules of reviews,
re-attachment and exports (`reviews`), and the local review page (`serve`)."""
