"""Deal the frozen question list into ids D001.. (odd: tuning, even: locked), stratified by department guess."""
import json
import random
from collections import defaultdict
from pathlib import Path

here = Path(__file__).resolve().parent
rows = [line.split("|", 1) for line in (here / "qs.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
by_department = defaultdict(list)
for department, question in rows:
    by_department[department].append(question)

rng = random.Random(20261207)
a, b = [], []
extra_to_a = True
for department in sorted(by_department):
    questions = by_department[department][:]
    rng.shuffle(questions)
    for i, question in enumerate(questions):
        to_a = (i % 2 == 0) if len(questions) % 2 == 0 or i < len(questions) - 1 else extra_to_a
        (a if to_a else b).append((department, question))
    if len(questions) % 2 == 1:
        extra_to_a = not extra_to_a
rng.shuffle(a)
rng.shuffle(b)
ordered = []
for i in range(max(len(a), len(b))):
    ordered.extend(x[i] for x in (a, b) if i < len(x))

out = here.parent
all_rows, tuning, locked = [], [], []
for n, (department, question) in enumerate(ordered, start=1):
    row = {"id": f"D{n:03d}", "question": question, "department_guess": department}
    all_rows.append(row)
    (tuning if n % 2 == 1 else locked).append(row)
for name, items in (("questions.jsonl", all_rows), ("tuning.jsonl", tuning), ("locked.jsonl", locked)):
    with open(out / name, "w", encoding="utf-8") as f:
        for row in items:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
print(len(all_rows), len(tuning), len(locked))
