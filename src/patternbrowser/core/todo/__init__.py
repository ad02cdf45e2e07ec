"""The TODO document: its model, the parser that reads it, and ways to group and search it."""
