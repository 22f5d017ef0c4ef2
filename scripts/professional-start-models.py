#!/usr/bin/env python3
"""Writes the 16 starting professional model files from a general model file (docs/models.md).

Each keeps the general model's bins and the indicators that can carry information in its segments (no smart-kitchen
alerts outside smart-kitchen catering, no sample indicators where the segment is not sampled, producer indicators
for producers); `riskgraph backtest --tune-professional-out` then fits points, weights, cut-offs, blend and
score.logit on the firms of each scope.

With --refine each model instead takes the general model's score (G01, finely binned) and a few indicators whose
meaning differs by segment (recent findings, complaints, samples, alerts, producer samples), so that it refines
the general score rather than refitting every weight on the segment's few firms.

usage: scripts/professional-start-models.py [--refine] GENERAL.properties OUT_DIR
"""
import os
import re
import sys

ALERTS = {"D06", "D07", "D08", "D09", "D10", "D11", "D15", "D20"}
SAMPLES = {"D01", "D02", "D03", "D04", "D13", "D14", "D16"}
PRODUCER = {"D05", "D17", "D18", "D19"}
FOOD_TRIGGER = "B08, E09, N08, D16, D19, E13"

# id: (segments, subgroup, description, has samples, has alerts, is producer, trigger)
MODELS = {
    "food-production-supplier": ("FOOD_PRODUCTION", "SUPPLIER", "食品生产(供货) food producers supplying other firms", True, False, True, FOOD_TRIGGER),
    "food-production-other": ("FOOD_PRODUCTION", "NOT_SUPPLIER", "食品生产(其他) food producers without supplied firms", True, False, True, FOOD_TRIGGER),
    "food-sales": ("FOOD_SALES", "ALL", "食品销售 food distribution and retail", True, False, False, None),
    "catering-smart": ("CATERING", "SMART_KITCHEN", "餐饮服务(智慧厨房) catering connected to smart-kitchen cameras", True, True, False, None),
    "catering-other": ("CATERING", "NO_SMART_KITCHEN", "餐饮服务(其他) catering without smart-kitchen cameras", True, False, False, None),
    "special-food": ("SPECIAL_FOOD", "ALL", "特殊食品 health food, infant formula, special medical food", True, False, True, FOOD_TRIGGER),
    "drug-retail": ("DRUG_RETAIL", "ALL", "药品经营 drug wholesale and retail", False, False, False, None),
    "medical-device": ("MEDICAL_DEVICE", "ALL", "医疗器械 medical devices", False, False, False, None),
    "cosmetics": ("COSMETICS", "ALL", "化妆品 cosmetics", True, False, True, None),
    "special-equipment-use": ("SPECIAL_EQUIPMENT_USE", "ALL", "特种设备使用 users of lifts, boilers, pressure vessels", False, False, False, None),
    "special-equipment-making": ("SPECIAL_EQUIPMENT_MAKING", "ALL", "特种设备生产充装 makers, installers, gas fillers", False, False, False, None),
    "industrial-product": ("INDUSTRIAL_PRODUCT", "ALL", "重要工业产品 licensed industrial products", True, False, True, None),
    "testing-agency": ("TESTING_AGENCY", "ALL", "检验检测机构 inspection and testing agencies", False, False, False, None),
    "vehicle-inspection": ("VEHICLE_INSPECTION", "ALL", "机动车检验机构 motor-vehicle inspection agencies", False, False, False, None),
    "metrology": ("METROLOGY", "ALL", "计量 measurement, e.g. fuel stations", False, False, False, None),
    "online-trading": ("ONLINE_TRADING", "ALL", "网络交易与广告 online trading and advertising", False, False, False, None),
}


G01 = "indicator.G01 = weight=1; bins=20,22,24,26,28,30,33,36,40,45,50; points=0,10,20,30,40,50,60,70,80,90,95,100"
REFINE_COMMON = {"B01", "B08", "S16", "S18", "S19", "S20", "E01", "E05", "E12", "E13", "N25", "N28"}
REFINE_SAMPLES = {"D02", "D16", "D04"}
REFINE_ALERTS = {"D06", "D08", "D11"}


def main(general, out, refine=False):
    lines = open(general, encoding="utf-8").read().splitlines()
    header = {}
    indicators = []
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        key, value = (p.strip() for p in line.split("=", 1))
        if key.startswith("indicator."):
            indicators.append((key[len("indicator."):], raw.strip()))
        else:
            header[key] = value
    os.makedirs(out, exist_ok=True)
    for mid, (segments, subgroup, desc, samples, alerts, producer, trigger) in MODELS.items():
        keep = [G01] if refine else []
        for code, raw in indicators:
            if refine:
                if code in REFINE_COMMON or (samples and code in REFINE_SAMPLES) or (alerts and code in REFINE_ALERTS) \
                        or (producer and code in PRODUCER):
                    keep.append(raw)
                continue
            if code in ALERTS and not alerts:
                continue
            if code in SAMPLES and not samples:
                continue
            if code in PRODUCER and not producer:
                continue
            keep.append(raw)
        text = [f"# starting professional model {mid}: {desc}",
                f"# written by scripts/professional-start-models.py from {os.path.basename(general)}; tune before use",
                f"model.id = {mid}", "model.version = 1", f"model.description = {desc}",
                f"model.segments = {segments}", f"model.subgroup = {subgroup}", "model.blend = 0.5",
                f"grade.B = {header['grade.B']}", f"grade.C = {header['grade.C']}", f"grade.D = {header['grade.D']}",
                f"score.logit = {header['score.logit']}"]
        if trigger:
            text += [f"trigger.indicators = {trigger}", "trigger.grade = C", "trigger.grade.multiple = D"]
        text += [""] + keep
        with open(os.path.join(out, f"{mid}-v1.properties"), "w", encoding="utf-8") as f:
            f.write("\n".join(text) + "\n")
    print(f"{len(MODELS)} starting models written to {out}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--refine"]
    if len(args) != 2:
        sys.exit(__doc__)
    main(args[0], args[1], refine="--refine" in sys.argv[1:])
