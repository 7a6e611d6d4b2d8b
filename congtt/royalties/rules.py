"""Royalty arithmetic and Vietnamese amounts in words (ROY-1…ROY-3). Pure Python, no database.

ROUNDING RULE (stated once, used everywhere):
  * Coefficients have at most one decimal; they are handled as integer *tenths* (2.5 → 25).
  * A contributor's exact share of one item is
        coefficient_tenths × unit_value × share_percent / 1 000   (đồng, possibly fractional)
    and is kept exact (as a Fraction) — nothing is rounded per item.
  * A person's royalty line is the exact sum of their shares over the month, rounded
    HALF UP to the nearest 1 000 đồng (``round_thousand``).
  * Board allowances are whole đồng already; a person's total = rounded royalty + allowance.
  * The statement total is the sum of the person totals (so the columns always add up).
Item amounts shown on a line are informative: the exact share rounded half up to 1 đồng.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

ROUND_TO = 1000


def coefficient_tenths(value) -> int:
    """2.5 → 25; refuses more than one decimal."""
    d = Decimal(str(value))
    tenths = d * 10
    if tenths != tenths.to_integral_value():
        raise ValueError("coefficient has more than one decimal")
    return int(tenths)


def share_amount(coefficient, unit_value: int, share_percent: int) -> Fraction:
    """Exact đồng owed for one contributor's share of one item."""
    return Fraction(coefficient_tenths(coefficient) * int(unit_value) * int(share_percent), 1000)


def round_half_up(value: Fraction, step: int = 1) -> int:
    """Round a non-negative exact amount half up to a multiple of ``step`` đồng."""
    q = Fraction(value) / step
    whole = q.numerator // q.denominator
    if q - whole >= Fraction(1, 2):
        whole += 1
    return whole * step


def round_thousand(value: Fraction) -> int:
    return round_half_up(value, ROUND_TO)


def validate_shares(shares: Iterable[int]) -> str | None:
    """A Vietnamese error message unless the shares are positive and sum to 100 %."""
    shares = list(shares)
    if not shares:
        return "Cần ít nhất một người hưởng nhuận bút."
    if any(s is None or s <= 0 for s in shares):
        return "Tỷ lệ hưởng của mỗi người phải lớn hơn 0%."
    if sum(shares) != 100:
        return f"Tổng tỷ lệ hưởng phải bằng 100% (hiện là {sum(shares)}%)."
    return None


def validate_coefficient(value, low, high) -> str | None:
    try:
        tenths = coefficient_tenths(value)
    except (ValueError, ArithmeticError):
        return "Hệ số chỉ được có một chữ số thập phân."
    if not coefficient_tenths(low) <= tenths <= coefficient_tenths(high):
        return f"Hệ số phải trong khung từ {_fmt_coef(low)} đến {_fmt_coef(high)}."
    return None


def _fmt_coef(value) -> str:
    return f"{Decimal(str(value)).normalize():f}".replace(".", ",")


@dataclass
class ItemShare:
    """One contributor's share of one graded item (input of the statement)."""

    person_key: str
    person_name: str
    item_title: str
    genre: str
    coefficient: Decimal
    share_percent: int
    role: str = "author"
    item_id: int | None = None


@dataclass
class PersonLine:
    person_key: str
    person_name: str
    items: list[dict] = field(default_factory=list)
    exact: Fraction = Fraction(0)
    allowance: int = 0
    allowance_role: str = ""

    @property
    def royalty(self) -> int:
        return round_thousand(self.exact)

    @property
    def total(self) -> int:
        return self.royalty + self.allowance

    @property
    def coefficient_sum(self) -> Decimal:
        return sum((Decimal(i["coefficient"]) * i["share_percent"] / 100 for i in self.items), Decimal(0))


def compile_lines(
    shares: Iterable[ItemShare], unit_value: int, allowances: dict[str, tuple[str, str, int]] | None = None
) -> list[PersonLine]:
    """Group shares per person and add board allowances ({person_key: (name, role label, amount)}).

    Lines are ordered by person name (Vietnamese-insensitive ordering is the caller's concern).
    """
    lines: dict[str, PersonLine] = {}
    for s in shares:
        line = lines.setdefault(s.person_key, PersonLine(s.person_key, s.person_name))
        exact = share_amount(s.coefficient, unit_value, s.share_percent)
        line.exact += exact
        line.items.append(
            {
                "item_id": s.item_id,
                "title": s.item_title,
                "genre": s.genre,
                "role": s.role,
                "coefficient": str(s.coefficient),
                "share_percent": s.share_percent,
                "amount": round_half_up(exact),
            }
        )
    for key, (name, role_label, amount) in (allowances or {}).items():
        line = lines.setdefault(key, PersonLine(key, name))
        line.allowance += int(amount)
        line.allowance_role = role_label
    return sorted(lines.values(), key=lambda ln: (ln.person_name.split()[-1:], ln.person_name))


def statement_total(lines: Iterable[PersonLine]) -> int:
    return sum(line.total for line in lines)


# --- amounts in words --------------------------------------------------------------------------
_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_SCALES = ["", "nghìn", "triệu"]


def _three(n: int, full: bool) -> list[str]:
    """Words for 0 < n < 1000; ``full`` reads the hundreds even when zero ("không trăm")."""
    h, t, u = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if h or full:
        words += [_DIGITS[h], "trăm"]
    if t == 0:
        if u:
            if words:
                words.append("lẻ")
            words.append(_DIGITS[u])
        return words
    words += ["mười"] if t == 1 else [_DIGITS[t], "mươi"]
    if u == 1:
        words.append("một" if t == 1 else "mốt")
    elif u == 5:
        words.append("lăm")
    elif u:
        words.append(_DIGITS[u])
    return words


def _below_billion(n: int, full: bool) -> list[str]:
    groups = []
    while n:
        groups.append(n % 1000)
        n //= 1000
    words: list[str] = []
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            continue
        leading = full or bool(words)
        words += _three(g, leading)
        if _SCALES[i]:
            words.append(_SCALES[i])
    return words


def _words(n: int, full: bool = False) -> list[str]:
    if n >= 10**9:
        high, low = divmod(n, 10**9)
        words = [*_words(high, full), "tỷ"]
        if low:
            words += _below_billion(low, True)
        return words
    return _below_billion(n, full)


def so_thanh_chu(n: int, unit: str = "đồng") -> str:
    """Amount in Vietnamese words: 1 250 000 → "Một triệu hai trăm năm mươi nghìn đồng".

    Northern usage: "lẻ" for a zero ten (101 → một trăm lẻ một), "mốt"/"lăm" after tens,
    "không trăm" inside a number (1 005 → một nghìn không trăm lẻ năm).
    """
    n = int(n)
    if n < 0:
        return "Âm " + so_thanh_chu(-n, unit)[0].lower() + so_thanh_chu(-n, unit)[1:]
    words = _words(n) if n else ["không"]
    text = " ".join(words + ([unit] if unit else []))
    return text[0].upper() + text[1:]


def format_money(n: int) -> str:
    """1250000 → "1.250.000" (Vietnamese thousands separator)."""
    return f"{int(n):,}".replace(",", ".")
