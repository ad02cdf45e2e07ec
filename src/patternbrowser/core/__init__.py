"""The pure core: model, parsing, store, export and checks (never imports Textual)."""
