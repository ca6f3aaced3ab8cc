"""External formats of a report, each a reader and/or writer of the same shapes."""
