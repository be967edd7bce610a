"""The person running ``portal`` commands on the server, who acts with national authority."""

from __future__ import annotations

from portal.roles import Role


class CommandLineOperator:
    """Whoever runs the ``portal`` command: trusted like the national audit team, owns no account."""

    id = None
    email = "command line"
    full_name = "Command line"
    role = Role.NATIONAL_AUDIT_TEAM.value
    organisation_id = None
    is_authenticated = True
    is_active = True
    is_anonymous = False


COMMAND_LINE_OPERATOR = CommandLineOperator()
