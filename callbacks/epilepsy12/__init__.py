"""Epilepsy12 callbacks: the case register and the audit workflow."""
