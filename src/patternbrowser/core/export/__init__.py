"""Writing progress back into the TODO markdown: markers, summary numbers, dates and metrics."""
