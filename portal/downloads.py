"""Hand finished report files (the national KPI workbook) to the staff allowed to have them."""

from __future__ import annotations

from flask import Blueprint, Flask, Response, abort
from flask_login import current_user

from portal import access
from portal.gate import requires
from services.reporting.jobs import READY, load_file, load_job
from services.reporting.registry import get_report

bp = Blueprint("report_files", __name__, url_prefix="/reports/files")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.get("/<job_id>")
@requires("reports.manage")
def report_file(job_id: str) -> Response:
    """Send a finished workbook; 404 for an unknown, unfinished or expired job."""
    job = load_job(job_id)
    if job is None or job.state != READY or not job.filename:
        abort(404)
    access.require(current_user, get_report(job.audit).capability_publish)
    content = load_file(job)
    if content is None:
        abort(404)
    response = Response(content, mimetype=XLSX)
    response.headers["Content-Disposition"] = f'attachment; filename="{job.filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


def init_app(app: Flask) -> None:
    """Register the report file routes."""
    app.register_blueprint(bp)
