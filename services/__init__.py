"""Service functions: SQL work for the pages, callbacks, tasks and commands, one sub-package per domain."""
