"""Sub-commands of ``portal``: each module exposes one click ``command`` (a command or a group)."""
