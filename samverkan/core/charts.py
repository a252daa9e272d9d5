"""Geometry for simple server-rendered SVG bar charts (`includes/bar_chart.html`).

A chart is drawn by the template from these numbers; it has a <title> and a <desc> and is always
shown with a table of the same figures, so nothing is said by the picture alone.
"""

from dataclasses import dataclass

LABEL_WIDTH = 260
PLOT_WIDTH = 460
VALUE_WIDTH = 60
ROW_HEIGHT = 26
BAR_HEIGHT = 16
TOP = 8
LABEL_CHARS = 36


@dataclass
class BarRow:
    label: str
    value: int
    y: float  # top of the row
    bar_width: float
    text_y: float
    value_x: float


@dataclass
class BarChart:
    """Horizontal bars, one row per label, on one scale."""

    id: str
    title: str
    description: str
    width: int
    height: int
    label_x: int
    plot_left: int
    bar_height: int
    rows: list[BarRow]
    maximum: int


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def bar_chart(
    chart_id: str, title: str, description: str, rows: list[tuple[str, int]]
) -> BarChart | None:
    """A chart of `rows` ((label, value) pairs) in their order; None when all are zero.

    `chart_id` makes the ids of the title and description unique on the page.
    """
    maximum = max((value for _, value in rows), default=0)
    if maximum <= 0:
        return None
    scale = PLOT_WIDTH / maximum
    bars = []
    for index, (label, value) in enumerate(rows):
        width = round(max(value * scale, 2.0 if value else 0.0), 1)
        bars.append(
            BarRow(
                label=_short(label),
                value=value,
                y=TOP + index * ROW_HEIGHT,
                bar_width=width,
                text_y=TOP + index * ROW_HEIGHT + BAR_HEIGHT - 3,
                value_x=LABEL_WIDTH + width + 6,
            )
        )
    return BarChart(
        id=chart_id,
        title=title,
        description=description,
        width=LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH,
        height=TOP * 2 + len(rows) * ROW_HEIGHT,
        label_x=LABEL_WIDTH - 10,
        plot_left=LABEL_WIDTH,
        bar_height=BAR_HEIGHT,
        rows=bars,
        maximum=maximum,
    )
