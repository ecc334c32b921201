exec(open('data1.py').read()); exec(open('data2.py').read()); exec(open('data3.py').read()); exec(open('patch.py').read())
import json, random
rows=[{"id":f"CQ-{i+1:04d}","question":q,"situation":s,"department":d} for i,(q,s,d) in enumerate(D)]
idx=list(range(len(rows))); random.Random(20261207).shuffle(idx)
tun=sorted(idx[:180]); lock=sorted(idx[180:])
for name,sel in [("colloquial-tuning",tun),("colloquial-locked",lock)]:
    with open(f"/work/questions/{name}.jsonl","w",encoding="utf-8") as f:
        for i in sel: f.write(json.dumps(rows[i],ensure_ascii=False)+"\n")
