"""Dash callbacks: parse inputs, call a service, shape outputs. One sub-package per domain."""
