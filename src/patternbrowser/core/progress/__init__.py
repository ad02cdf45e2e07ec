"""Progress: the store beside the TODO, the tracker that joins them, counts and recurrence."""
