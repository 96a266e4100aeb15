"""Generate a synthetic national data set for the benchmarks.

    python benchmarks/generate.py --scale 1 --out benchmarks/national

At scale 1: 63 provinces (the count before the 2025 merger), 2016-2025, about
30 indicators, yearly and five-year targets, and actuals that each quote a
sentence of one of 10 000 generated Vietnamese documents (about 30 MB). The set
is valid under `kcn-tracker check --strict`: figures are written the
Vietnamese way in their quotes, totals equal their parts, and growth rates
match the values they link. `--scale` multiplies provinces and documents.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from kcn_tracker.plans.entries import render_entry, value_text
from kcn_tracker.text.display import format_number
from kcn_tracker.text.spelling import fold

YEARS = range(2016, 2026)
PROVINCES_AT_SCALE_1 = 63
DOCUMENTS_AT_SCALE_1 = 10_000
DOCUMENT_BYTES = 2_300  # characters; about 30 MB of UTF-8 text at scale 1

FIRST = ("Hà", "Quảng", "Bắc", "Nam", "Tây", "Đông", "Thái", "Vĩnh", "Long", "Hải", "Phú",
         "Bình", "Lâm", "Kiên", "Sơn", "Thanh", "Hòa", "Điện", "Cao", "Lạng")
SECOND = ("Ninh", "Bình", "Giang", "Yên", "Thuận", "Định", "Phước", "Trị", "Ngãi", "Thụy",
          "Lộc", "Hưng", "Tĩnh", "Xuyên", "Điền", "Khánh", "Nguyên", "Châu", "An", "Hà")
FILLER = (
    "Ban Quản lý các khu công nghiệp tỉnh tiếp tục đẩy mạnh cải cách thủ tục hành chính, "
    "tạo điều kiện thuận lợi cho nhà đầu tư.",
    "Công tác giải phóng mặt bằng được các cấp chính quyền quan tâm chỉ đạo quyết liệt.",
    "Tỉnh chú trọng thu hút các dự án công nghệ cao, thân thiện với môi trường.",
    "Hạ tầng giao thông kết nối các khu, cụm công nghiệp từng bước được hoàn thiện.",
    "Doanh nghiệp trong khu công nghiệp được hỗ trợ tháo gỡ khó khăn, vướng mắc kịp thời.",
)

# indicator: (unit, sentence pattern, low, high, decimals)
INDICATORS = {
    "new_projects": ("project", "toàn tỉnh thu hút mới {v} dự án đầu tư", 10, 80, 0),
    "new_projects_fdi": ("project", "trong đó có {v} dự án FDI được cấp mới", 5, 40, 0),
    "new_projects_ddi": ("project", "cùng {v} dự án DDI được cấp mới", 5, 40, 0),
    "new_capital": ("vnd_billion", "vốn đăng ký mới đạt {v} tỷ đồng", 500, 20000, 1),
    "added_capital": ("vnd_billion", "vốn điều chỉnh tăng thêm {v} tỷ đồng", 100, 9000, 1),
    "total_capital_attracted": ("vnd_billion", "tổng vốn thu hút đạt {v} tỷ đồng", 0, 0, 1),
    "new_capital_fdi": ("usd_million", "vốn FDI đăng ký mới {v} triệu USD", 10, 900, 2),
    "adjusted_projects": ("project", "điều chỉnh giấy chứng nhận cho {v} dự án", 10, 150, 0),
    "capital_increases": ("adjustment", "có {v} lượt điều chỉnh tăng vốn", 5, 60, 0),
    "valid_projects": ("project", "toàn tỉnh có {v} dự án còn hiệu lực", 0, 0, 0),
    "valid_projects_fdi": ("project", "gồm {v} dự án FDI còn hiệu lực", 50, 600, 0),
    "valid_projects_ddi": ("project", "và {v} dự án DDI còn hiệu lực", 50, 600, 0),
    "projects": ("project", "lũy kế có {v} dự án đầu tư", 0, 0, 0),
    "projects_fdi": ("project", "trong đó {v} dự án FDI", 50, 700, 0),
    "projects_ddi": ("project", "và {v} dự án trong nước", 50, 700, 0),
    "operating_projects": ("project", "có {v} dự án đang hoạt động", 20, 500, 0),
    "operating_enterprises": ("enterprise", "có {v} doanh nghiệp đang sản xuất", 20, 500, 0),
    "registered_capital_cumulative": ("usd_million", "tổng vốn đăng ký lũy kế {v} triệu USD",
                                      500, 15000, 1),
    "implemented_capital_cumulative": ("vnd_billion", "vốn thực hiện lũy kế {v} tỷ đồng",
                                       1000, 50000, 0),
    "zones_planned": ("zone", "tỉnh có {v} KCN theo quy hoạch", 3, 15, 0),
    "zones_operating": ("zone", "đã có {v} KCN đi vào hoạt động", 1, 10, 0),
    "zone_area": ("ha", "với tổng diện tích {v} ha", 200, 5000, 1),
    "operating_zone_area": ("ha", "diện tích các khu đang hoạt động {v} ha", 100, 3000, 1),
    "fill_rate": ("percent", "tỷ lệ lấp đầy đạt {v}%", 30, 95, 1),
    "workers": ("person", "tạo việc làm cho {v} người lao động", 1000, 200000, 0),
    "revenue": ("usd_million", "doanh thu đạt {v} triệu USD", 100, 30000, 1),
    "industrial_output": ("vnd_billion", "giá trị sản xuất công nghiệp đạt {v} tỷ đồng",
                          10000, 900000, 0),
    "industrial_output_growth": ("percent", "tăng {v}% so với cùng kỳ", 0, 0, 1),
    "export_value": ("usd_million", "giá trị xuất khẩu đạt {v} triệu USD", 100, 20000, 1),
    "local_worker_share": ("percent", "lao động địa phương chiếm {v}%", 40, 95, 1),
}
PARTS = {"new_projects": ("new_projects_fdi", "new_projects_ddi"),
         "valid_projects": ("valid_projects_fdi", "valid_projects_ddi"),
         "projects": ("projects_fdi", "projects_ddi"),
         "total_capital_attracted": ("new_capital", "added_capital")}
FLOW_TARGETS = ("new_projects", "new_projects_fdi", "new_capital", "new_capital_fdi",
                "adjusted_projects", "total_capital_attracted", "industrial_output",
                "export_value", "revenue", "capital_increases")


def province_names(count: int, rng: random.Random) -> list[str]:
    names = [f"{a} {b}" for a in FIRST for b in SECOND if a != b]
    rng.shuffle(names)
    out = names[:count]
    while len(out) < count:  # beyond 380 names: numbered, still distinct
        out.append(f"{names[len(out) % len(names)]} {len(out) // len(names) + 1}")
    return out


def draw(indicator: str, rng: random.Random) -> Decimal:
    _, _, low, high, places = INDICATORS[indicator]
    value = Decimal(str(rng.uniform(low, high)))
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def yearly_values(rng: random.Random) -> dict[str, dict[int, Decimal]]:
    values: dict[str, dict[int, Decimal]] = {}
    for indicator in INDICATORS:
        if indicator in PARTS or indicator == "industrial_output_growth":
            continue
        values[indicator] = {year: draw(indicator, rng) for year in YEARS}
    for total, (a, b) in PARTS.items():
        values[total] = {year: values[a][year] + values[b][year] for year in YEARS}
    # Output grows a little every year, so its growth rates read "tăng …%".
    output, level = {}, draw("industrial_output", rng)
    for year in YEARS:
        output[year] = level
        level = (level * Decimal(str(rng.uniform(1.01, 1.2)))).quantize(Decimal(1))
    values["industrial_output"] = output
    values["industrial_output_growth"] = {
        year: ((output[year] / output[year - 1] - 1) * 100).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP)
        for year in YEARS if year - 1 in output}
    return values


def sentence(indicator: str, year: int, value: Decimal, place: str) -> str:
    unit, pattern, *_ = INDICATORS[indicator]
    places = 2 if unit in ("vnd_billion", "usd_million") else 1
    return f"Năm {year}, tại {place}, {pattern.format(v=format_number(value, 'vi', places))}."


class Documents:
    """Sentences placed into documents of about DOCUMENT_BYTES each, filler around them."""

    def __init__(self, folder: Path, count: int, rng: random.Random) -> None:
        self.folder, self.count, self.rng = folder, count, rng
        self.texts: list[list[str]] = [[] for _ in range(count)]

    def place(self, text: str) -> str:
        index = self.rng.randrange(self.count)
        self.texts[index].append(text)
        return f"seeds/{index:05d}.txt"

    def write(self) -> int:
        total = 0
        for index, sentences in enumerate(self.texts):
            body = list(sentences)
            while sum(len(s) for s in body) < DOCUMENT_BYTES:
                body.insert(self.rng.randrange(len(body) + 1), self.rng.choice(FILLER))
            text = "\n".join(body) + "\n"
            (self.folder / f"{index:05d}.txt").write_text(text, encoding="utf-8")
            total += len(text.encode("utf-8"))
        return total


def plan_text(pid: str, name: str, values, documents: Documents, rng: random.Random) -> str:
    parts = [f"#:schema ../../../schema/plan.schema.json\n# {name}: synthetic benchmark plan\n",
             f"[province]\nid = {value_text(pid)}\nname = {value_text(name)}\n"]
    entries = {"targets": [], "actuals": []}
    for indicator, by_year in values.items():
        unit = INDICATORS[indicator][0]
        for year, value in by_year.items():
            quote = sentence(indicator, year, value, name)[:-1]
            entries["actuals"].append({
                "id": f"{indicator}-{year}".replace("_", "-"), "indicator": indicator,
                "scope": "province", "period": str(year), "value": value, "unit": unit,
                "source": {"document": documents.place(quote + "."), "quote": quote}})
        if indicator in FLOW_TARGETS:
            for first in (2016, 2021):
                plan = sum(by_year[y] for y in range(first, first + 5)) * Decimal("0.9")
                plan = plan.quantize(Decimal(1), rounding=ROUND_HALF_UP)
                text = (f"Giai đoạn {first} - {first + 4}, {name} đặt mục tiêu "
                        f"{INDICATORS[indicator][1].format(v=format_number(plan, 'vi', 0))}")
                entries["targets"].append({
                    "id": f"{indicator}-{first}-{first + 4}-plan".replace("_", "-"),
                    "indicator": indicator, "scope": "province",
                    "period": f"{first}-{first + 4}", "value": plan, "unit": unit,
                    "comparator": "at_least",
                    "source": {"document": documents.place(text + "."), "quote": text}})
            for year in YEARS:
                plan = (by_year[year] * Decimal(rng.choice(("0.8", "1", "1.2")))).quantize(
                    Decimal(1), rounding=ROUND_HALF_UP)
                text = (f"Kế hoạch năm {year} của {name}: "
                        f"{INDICATORS[indicator][1].format(v=format_number(plan, 'vi', 0))}")
                entries["targets"].append({
                    "id": f"{indicator}-{year}-plan".replace("_", "-"), "indicator": indicator,
                    "scope": "province", "period": str(year), "value": plan, "unit": unit,
                    "comparator": "about",
                    "source": {"document": documents.place(text + "."), "quote": text}})
    for section in ("targets", "actuals"):
        parts += [render_entry(section, entry) for entry in entries[section]]
    return "\n".join(parts)


def generate(out: Path, scale: float, seed: int = 2025) -> dict:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "plans").mkdir(parents=True)
    (out / "seeds").mkdir()
    provinces = max(1, round(PROVINCES_AT_SCALE_1 * scale))
    documents = Documents(out / "seeds", max(1, round(DOCUMENTS_AT_SCALE_1 * scale)), rng)
    entries = 0
    for name in province_names(provinces, rng):
        pid = fold(name)
        text = plan_text(pid, name, yearly_values(rng), documents, rng)
        entries += text.count("\n[[")
        (out / "plans" / f"{pid}.toml").write_text(text, encoding="utf-8")
    size = documents.write()
    return {"provinces": provinces, "documents": documents.count, "entries": entries,
            "document_bytes": size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/national"))
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    stats = generate(args.out, args.scale, args.seed)
    print(f"{args.out}: {stats['provinces']} provinces, {stats['entries']} entries, "
          f"{stats['documents']} documents, {stats['document_bytes'] / 1e6:.1f} MB",
          file=sys.stderr)


if __name__ == "__main__":
    main()
