"""Load the reference geography (organisations, NHS areas, boundaries) from the published files."""
