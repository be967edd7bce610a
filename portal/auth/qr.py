"""Draw a QR code as inline SVG, so enrolment needs no network and no image file."""

from __future__ import annotations

import qrcode
import qrcode.image.svg
from markupsafe import Markup


def qr_svg(data: str) -> Markup:
    """Return ``data`` as an SVG QR code with a white background, sized by CSS."""
    image = qrcode.make(
        data,
        image_factory=qrcode.image.svg.SvgPathFillImage,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=4,
    )
    svg = image.to_string(encoding="unicode")
    svg = svg.replace("<svg ", '<svg class="qr-code" aria-hidden="true" focusable="false" ', 1)
    return Markup(svg)
