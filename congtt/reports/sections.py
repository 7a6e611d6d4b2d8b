"""Report sections registry (filled in below)."""
