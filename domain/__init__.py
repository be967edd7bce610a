"""Pure audit logic (KPI rules, validation, cohort dates): no Dash, no SQL. One package per audit."""
