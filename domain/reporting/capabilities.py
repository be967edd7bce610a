"""Who may open the signed-in reporting pages, which serve every audit from one set of pages.

A page or callback declares one capability, but the dashboard, review mode and results admin take
the audit as a filter. So they are gated by these audit-wide capabilities, and every request then
checks the chosen audit's own ``capability_read`` or ``capability_publish`` on the server.
"""

from __future__ import annotations

from portal.roles import AUDIT_ROLES, NATIONAL_ROLES

CAPABILITIES = {
    # Open the organisation dashboard and review mode (the audit's read capability decides).
    "reports.read": AUDIT_ROLES,
    # Refresh, publish and export national results (the audit's publish capability decides).
    "reports.manage": NATIONAL_ROLES,
}
