#!/usr/bin/python3
"""Guards a hand-written lexicon file against the locked halves (issue 12, second round).

The writer of everyday-speech.txt had read every blind question while judging them, so a phrase in
that file could have been picked up from a locked question. This drops every colloquial phrase that
occurs in some locked-half question (blind or colloquial) but in no tuning-half question and in no
demo article or ticket: what remains is attested outside the locked halves. It errs against the
locked halves (a general word used only there goes too). Prints what it dropped.

Usage: /usr/bin/python3 load/Hotline.SearchBench/Lexicon/scrub.py src/Hotline.Search/Lexicon/Data/everyday-speech.txt
"""
import json
import sys

DATA = "load/Hotline.SearchBench/Data/"
DEMO = "src/Hotline.Search/Demo/"


def texts(path, *fields):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                yield " ".join(str(row.get(k, "")) if not isinstance(row.get(k), list) else " ".join(row[k]) for k in fields)


locked = list(texts(DATA + "blind/blind-locked-judged.jsonl", "q")) + list(texts(DATA + "colloquial/colloquial-locked-judged.jsonl", "q"))
allowed = (list(texts(DATA + "blind/blind-tuning-judged.jsonl", "q")) + list(texts(DATA + "colloquial/colloquial-tuning-judged.jsonl", "q"))
           + list(texts(DEMO + "articles.jsonl", "title", "keywords", "content")) + list(texts(DEMO + "tickets-train.jsonl", "text")))
locked_text, allowed_text = "\n".join(locked), "\n".join(allowed)

path = sys.argv[1]
out, dropped = [], []
with open(path, encoding="utf-8") as f:
    for line in f:
        if "=>" not in line or line.lstrip().startswith("#"):
            out.append(line)
            continue
        left, right = line.split("=>", 1)
        keep = []
        for phrase in (p.strip() for p in left.split("|")):
            if phrase and phrase in locked_text and phrase not in allowed_text:
                dropped.append(phrase)
            elif phrase:
                keep.append(phrase)
        if keep:
            out.append(" | ".join(keep) + " =>" + right)
with open(path, "w", encoding="utf-8") as f:
    f.writelines(out)
print(f"dropped {len(dropped)}: {' '.join(dropped)}")
