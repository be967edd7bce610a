"""The shared reporting engine: every audit's measures aggregated at every level, set-based."""
