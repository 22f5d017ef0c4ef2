#!/usr/bin/env python3
"""Population ROC AUC and lift at 30 % of exported grades against a generated city's truth.csv, for all firms and split
by whether the firm has any event (inspection, sample, penalty, complaint, court record, alert) in the dataset.
   scripts/auc-by-history.py grades.csv CITY_DIR [label]
grades.csv: `riskgraph export grades` (uscc,score,...); CITY_DIR holds truth.csv and the event files."""
import csv, os, sys

def auc(pairs):
    """Mann-Whitney AUC with ties counted half: pairs of (score, label)."""
    pairs = sorted(pairs)
    pos = sum(1 for _, y in pairs if y); neg = len(pairs) - pos
    if pos == 0 or neg == 0: return float('nan')
    rank_sum, i = 0.0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]: j += 1
        r = (i + 1 + j) / 2.0
        rank_sum += r * sum(1 for k in range(i, j) if pairs[k][1])
        i = j
    return (rank_sum - pos * (pos + 1) / 2.0) / (pos * neg)

def lift(pairs, coverage=0.30):
    pairs = sorted(pairs, key=lambda p: -p[0])
    k = int(len(pairs) * coverage)
    base = sum(y for _, y in pairs) / len(pairs)
    return (sum(y for _, y in pairs[:k]) / k) / base if k and base else float('nan')

grades, city = sys.argv[1], sys.argv[2]
label = sys.argv[3] if len(sys.argv) > 3 else os.path.basename(grades)
truth = {r['uscc']: r['violation_next_half_year'] == 'true' for r in csv.DictReader(open(os.path.join(city, 'truth.csv'), encoding='utf-8'))}
seen = set()
for f, col in [('inspections', 'uscc'), ('samples', 'uscc'), ('penalties', 'uscc'), ('complaints', 'uscc'),
               ('alerts', 'uscc'), ('court_records', 'subject_id')]:
    p = os.path.join(city, f + '.csv')
    if os.path.exists(p):
        for r in csv.DictReader(open(p, encoding='utf-8')): seen.add(r[col])
allp, hist, none = [], [], []
for r in csv.DictReader(open(grades, encoding='utf-8')):
    if r['uscc'] not in truth: continue
    p = (float(r['score']), truth[r['uscc']])
    allp.append(p)
    (hist if r['uscc'] in seen else none).append(p)
print(f"{label}: population AUC {auc(allp):.4f} lift@30% {lift(allp):.2f} | with events ({len(hist)}) {auc(hist):.4f} "
      f"| without ({len(none)}) {auc(none):.4f}")
