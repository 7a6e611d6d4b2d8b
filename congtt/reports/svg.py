"""Server-rendered SVG bar charts, readable without JavaScript; every chart also has a data table."""

from django.utils.html import escape

BAR_H = 22
GAP = 8
LABEL_W = 230
WIDTH = 640


def bar_chart(title: str, data: list[tuple[str, float]], chart_id: str, desc: str = "") -> str:
    """A horizontal bar chart as an accessible SVG string (role="img", <title>, <desc>)."""
    data = list(data or [])
    top = max((v for _, v in data), default=0) or 1
    height = max(len(data), 1) * (BAR_H + GAP) + GAP
    plot_w = WIDTH - LABEL_W - 70
    summary = desc or "; ".join(f"{label}: {_fmt(v)}" for label, v in data) or "Không có số liệu"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(summary)}</desc>',
    ]
    for i, (label, value) in enumerate(data):
        y = GAP + i * (BAR_H + GAP)
        w = max(int(plot_w * (value / top)), 1 if value else 0)
        short = label if len(label) <= 34 else label[:33] + "…"
        parts.append(
            f'<text x="{LABEL_W - 6}" y="{y + BAR_H - 6}" text-anchor="end" font-size="13" fill="#222">'
            f"{escape(short)}</text>"
            f'<rect x="{LABEL_W}" y="{y}" width="{w}" height="{BAR_H}" fill="#a50f15"></rect>'
            f'<text x="{LABEL_W + w + 6}" y="{y + BAR_H - 6}" font-size="13" fill="#222">{escape(_fmt(value))}</text>'
        )
    if not data:
        parts.append(f'<text x="10" y="{BAR_H}" font-size="13">Không có số liệu</text>')
    parts.append("</svg>")
    return "".join(parts)


def _fmt(v) -> str:
    return f"{int(v):,}".replace(",", ".") if float(v).is_integer() else f"{v:.2f}".replace(".", ",")
