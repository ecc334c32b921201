import json, glob, random
depts = {d["id"] for d in json.load(open("/work/shared/data/departments.json"))}
drop = set("""公积金提取到账要几天
提前还公积金贷款要预约吗
退休了医保还要交吗
居民医保交费截止到啥时候
车辆年检到期了，能在网上预约吗
新车上牌要去车管所吗
学生公交卡在哪办
营业执照地址变了要去改吗
小规模纳税人季度申报怎么报
阶梯电价怎么算的
天然气涨价了吗，这个月多了好多
学校的暑假托管班收费吗
孩子出生证明丢了
想成立个社会组织，登记要什么条件
社区医院能开长期药吗，一次能开多少""".split("\n"))
rows = []
for f in sorted(glob.glob("src/*.txt")):
    for line in open(f, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line: continue
        q, s, d = line.split("|")
        assert d == "" or d in depts, (d, q)
        if q in drop: drop.discard(q); continue
        rows.append((q, s, d))
assert not drop, drop
qs = [r[0] for r in rows]
assert len(set(qs)) == len(qs), "dupes"
for q in qs: assert 4 <= len(q) <= 60, (len(q), q)
assert len(rows) == 400, len(rows)
random.Random(12345).shuffle(rows)
out = [{"id": f"B{i+1:03d}", "question": q, "situation": s, "department_guess": d} for i, (q, s, d) in enumerate(rows)]
def dump(path, items):
    with open(path, "w", encoding="utf-8") as fh:
        for o in items: fh.write(json.dumps(o, ensure_ascii=False) + "\n")
dump("questions.jsonl", out)
dump("tuning.jsonl", [o for o in out if int(o["id"][1:]) % 2 == 1])
dump("locked.jsonl", [o for o in out if int(o["id"][1:]) % 2 == 0])
from collections import Counter
print(Counter(o["department_guess"] or "(none)" for o in out).most_common())
L = [len(o["question"]) for o in out]; print(min(L), max(L), sum(L)/len(L))
print("oos tuning", sum(1 for o in out if int(o["id"][1:])%2==1 and not o["department_guess"]), "locked", sum(1 for o in out if int(o["id"][1:])%2==0 and not o["department_guess"]))
