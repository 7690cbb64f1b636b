"""The one bar-chart geometry: bars scale to the largest value, nothing spills out of the chart,
labels are cut to fit, and the printed picture is the same chart scaled up."""

from decimal import Decimal

from core.charts import ELLIPSIS, ColumnLayout, Datum, Layout, bar_chart, column_chart, fit, paint, text_width

ABOVE = Layout(width=300)
LEFT = Layout(width=640, label_width=220, label_size=12, label_bold=False, value_size=11, legend=True)


def chart(values: list, layout: Layout = ABOVE, label: str = "2024"):
    return bar_chart(
        [(label, [Datum("actual", value, f"Thực tế: {value}") for value in values])], layout=layout
    )


def bars(values: list, layout: Layout = ABOVE):
    return chart(values, layout).groups[0].bars


def test_bars_scale_to_the_largest_value():
    small, large, middle = bars([Decimal(10), Decimal(40), Decimal(20)])
    assert large.width > middle.width > small.width > 0
    assert abs(middle.width - large.width / 2) <= 1 and abs(small.width - large.width / 4) <= 1


def test_the_largest_bar_leaves_room_for_its_value_and_nothing_spills_out():
    for layout in (ABOVE, LEFT):
        drawn = chart([Decimal(1), Decimal(35000), Decimal(12)], layout)
        for bar in drawn.groups[0].bars:
            assert bar.x + bar.width < bar.label.x
            assert bar.label.x + text_width(bar.label.text, bar.label.size) <= drawn.width
        largest = max(drawn.groups[0].bars, key=lambda bar: bar.width)
        assert largest.label.x + text_width(largest.label.text, largest.label.size) > drawn.width - 20


def test_a_zero_or_missing_value_draws_no_bar_but_still_says_so():
    zero, missing, positive = bars([Decimal(0), None, Decimal(5)])
    assert zero.width == 0 and missing.width == 0 and positive.width > 0
    assert zero.label.text == "Thực tế: 0" and missing.label.text == "Thực tế: None"
    rects = []
    paint(
        chart([Decimal(0), None, Decimal(5)]), rect=lambda *shape: rects.append(shape), text=lambda text: None
    )
    assert len(rects) == 1


def test_a_tiny_value_still_shows_a_bar():
    tiny, huge = bars([Decimal("0.001"), Decimal(1_000_000)])
    assert tiny.width == ABOVE.min_bar


def test_nothing_but_zeros_draws_no_bars():
    assert [bar.width for bar in bars([0, 0])] == [0, 0]


def test_long_labels_are_cut_to_fit_at_a_word_and_short_ones_are_kept():
    long = "Tổ chức được hỗ trợ đã nâng cao hiệu suất hoạt động của mình trong mạng lưới"
    drawn = chart([Decimal(3)], LEFT, label=long)
    label = drawn.groups[0].label
    assert label.text.endswith(ELLIPSIS) and long.startswith(label.text[:-1])
    assert text_width(label.text, label.size) <= LEFT.label_width - LEFT.text_gap
    assert label.text[:-1] in {long[:index] for index, char in enumerate(long) if char == " "}
    assert chart([Decimal(3)], LEFT, label="Hà Nội").groups[0].label.text == "Hà Nội"


def test_fit_cuts_inside_a_word_rather_than_losing_most_of_the_text():
    assert fit("Thànhphốrấtdàikhôngcókhoảngtrắng", 12, 80).endswith(ELLIPSIS)
    assert text_width(fit("Thànhphốrấtdàikhôngcókhoảngtrắng", 12, 80), 12) <= 80
    assert fit("ngắn", 12, 200) == "ngắn"


def test_labels_above_sit_over_their_bars_and_groups_do_not_overlap():
    drawn = bar_chart(
        [
            (
                "01/2021–12/2022",
                [Datum("target", 120, "Chỉ tiêu: 120"), Datum("actual", 100, "Thực tế: 100")],
            ),
            ("01/2023–12/2023", [Datum("target", 150, "Chỉ tiêu: 150"), Datum("actual", 60, "Thực tế: 60")]),
        ],
        layout=ABOVE,
    )
    bottom = 0
    for group in drawn.groups:
        assert bottom < group.label.y - group.label.size
        assert group.label.y <= group.bars[0].y
        for bar in group.bars:
            assert bar.y >= bottom
            bottom = bar.y + bar.height
    assert bottom <= drawn.height
    assert drawn.series == ["target", "actual"]
    assert [bar.index for bar in drawn.groups[0].bars] == [0, 1]


def test_labels_on_the_left_leave_the_bars_their_column():
    drawn = chart([Decimal(7)], LEFT, label="Đà Nẵng")
    assert drawn.groups[0].label.x == 0
    assert all(bar.x == LEFT.label_width for bar in drawn.groups[0].bars)


def test_the_legend_names_each_series_without_overlap_inside_the_chart():
    names = ["Kỳ này", "Kỳ trước", "Một loạt số liệu có tên rất dài", "Thêm một loạt số liệu khác nữa"]
    drawn = bar_chart([("Hà Nội", [Datum(name, 1, "1") for name in names])], layout=LEFT)
    assert [swatch.label.text for swatch in drawn.legend] == names
    for swatch in drawn.legend:
        assert swatch.label.x + text_width(swatch.label.text, swatch.label.size) <= drawn.width
        assert swatch.y > max(bar.y + bar.height for bar in drawn.groups[0].bars)
    ends = {}
    for swatch in drawn.legend:
        assert swatch.x >= ends.get(swatch.y, 0)
        ends[swatch.y] = swatch.label.x + text_width(swatch.label.text, swatch.label.size)
    assert len(ends) == 2  # too many names for one line: the legend wraps
    assert drawn.height >= max(swatch.label.y for swatch in drawn.legend)


def test_the_picture_for_print_is_the_same_chart_scaled_up():
    drawn = chart([Decimal(10), Decimal(40)], LEFT, label="Thừa Thiên Huế")
    big = drawn.scaled(2)
    assert (big.width, big.height) == (drawn.width * 2, drawn.height * 2)
    for small_bar, big_bar in zip(drawn.groups[0].bars, big.groups[0].bars, strict=True):
        assert (big_bar.x, big_bar.y, big_bar.width, big_bar.height) == (
            small_bar.x * 2,
            small_bar.y * 2,
            small_bar.width * 2,
            small_bar.height * 2,
        )
        assert big_bar.label.text == small_bar.label.text and big_bar.label.size == small_bar.label.size * 2
    assert big.groups[0].label.text == "Thừa Thiên Huế"
    assert big.legend[0].size == drawn.legend[0].size * 2


TREND = ColumnLayout()


def trend(values: list, layout: ColumnLayout = TREND):
    return column_chart(
        [(str(2021 + n), Datum("actual", value, str(value))) for n, value in enumerate(values)], layout=layout
    )


def test_a_trend_puts_the_years_left_to_right_with_columns_scaled_to_the_largest():
    drawn = trend([Decimal(50), Decimal(100), Decimal(25)])
    columns = [group.bars[0] for group in drawn.groups]
    assert [group.label.text for group in drawn.groups] == ["2021", "2022", "2023"]
    assert columns[0].x < columns[1].x < columns[2].x
    assert columns[1].height == ColumnLayout().plot_height
    assert (
        abs(columns[0].height - columns[1].height / 2) <= 1
        and abs(columns[2].height - columns[1].height / 4) <= 1
    )
    # Every column stands on the same line, and each value is written above its own column.
    assert {bar.y + bar.height for bar in columns} == {drawn.baseline}
    for bar in columns:
        assert bar.label.y < bar.y and bar.label.x < bar.x + bar.width and bar.label.x + 1 > bar.x - 20


def test_a_trend_writes_every_value_inside_the_chart_and_never_over_its_neighbour():
    drawn = trend([Decimal(1_234_567), Decimal("1234.5"), None, Decimal(0)] * 2)
    texts = sorted((bar.label for group in drawn.groups for bar in group.bars), key=lambda t: t.x)
    for text in texts:
        assert text.x >= 0 and text.x + text_width(text.text, text.size) <= drawn.width
        assert text.y > 0
    for left, right in zip(texts, texts[1:], strict=False):
        assert left.x + text_width(left.text, left.size) < right.x
    labels = [group.label for group in drawn.groups]
    assert all(label.y <= drawn.height for label in labels)


def test_a_missing_year_in_a_trend_draws_no_column_but_keeps_its_place():
    drawn = trend([Decimal(10), None, Decimal(20)])
    assert [group.bars[0].width > 0 for group in drawn.groups] == [True, False, True]
    assert drawn.groups[1].bars[0].label.text == "None"


def test_a_trend_scaled_for_print_keeps_its_proportions():
    drawn = trend([Decimal(10), Decimal(20)])
    big = drawn.scaled(2)
    assert big.groups[1].bars[0].height == 2 * drawn.groups[1].bars[0].height
    assert big.baseline == 2 * drawn.baseline
