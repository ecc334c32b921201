import json, random
from collections import defaultdict
from edit import Q2
typo_note = {"公基金能取出来交房租吗":" (typo 公基金)","户照过期了想重新办一本":" (typo 户照)",
 "城乡居民医保今年交多少钱，再哪交":" (typo 再哪)","孩子明年上一年纪，怎么报名":" (typo 一年纪)",
 "我在这边打工，想办个居往证":" (typo 居往证)"}
rng=random.Random(12345)
by=defaultdict(list)
for it in Q2: by[it[2]].append(it)
A,B=[],[]
flip=0
for d in sorted(by):
    xs=by[d][:]; rng.shuffle(xs)
    for j,x in enumerate(xs):
        (A if (j+flip)%2==0 else B).append(x)
    if len(xs)%2==1: flip^=1   # alternate who gets the odd extra item
rng.shuffle(A); rng.shuffle(B)
assert len(A)==len(B)==160,(len(A),len(B))
items=[]
for a,b in zip(A,B): items += [a,b]
rows=[]
for i,(q,s,d) in enumerate(items,1):
    rows.append({"id":f"C{i:03d}","question":q,"situation":s+typo_note.get(q,""),"department_guess":d})
def w(path,rs):
    with open(path,"w",encoding="utf-8") as f:
        for r in rs: f.write(json.dumps(r,ensure_ascii=False)+"\n")
w("/work/blind3/questions.jsonl",rows)
w("/work/blind3/tuning.jsonl",[r for r in rows if int(r["id"][1:])%2==1])
w("/work/blind3/locked.jsonl",[r for r in rows if int(r["id"][1:])%2==0])
