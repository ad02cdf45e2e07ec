"""What `patternbrowser check` reports about a TODO, its store and its guides."""
