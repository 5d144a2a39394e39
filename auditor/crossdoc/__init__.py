"""The stages across articles: incidents (`events`), facts stated by several articles (`align`),
their verdicts and findings (`compare`), shared passages (`reuse`) and who cites whom (`provenance`)."""
