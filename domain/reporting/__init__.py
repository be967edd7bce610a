"""Pure reporting logic shared by every audit: levels, disclosure control, funnel-plot limits."""
