"""Epilepsy12 services: cases, sites, the audit forms, scoring, import/export and reporting."""
