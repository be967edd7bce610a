"""Boundary GeoJSON for maps, built from the reference areas in the database and served by URL."""
