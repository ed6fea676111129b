import json, sys
sys.path.insert(0, __import__("os").path.dirname(__file__))
from gen_values import Gen
from templates import T, H
KINDS = ["name","phone","email","address","postal_code","birth_date","national_id","bank_account","ip_address","username"]
rows = []
for i, loc in enumerate(T):
    g = Gen(loc, 7000 + i)
    for kind in KINDS:
        for t in T[loc].get(kind, []):
            var = None; child = False
            if isinstance(t, tuple):
                if len(t) == 3: t, var, _c = t; child = True
                else: t, var = t
            if kind == "birth_date": v = g.birth_date(var, child)
            elif kind == "bank_account": v = g.bank_account(var)
            elif kind == "national_id": v = g.national_id(var)
            else: v = getattr(g, kind)()
            assert "{v}" in t and t.count("{v}") == 1, t
            text = t.replace("{v}", v)
            rows.append({"locale": loc, "text": text, "value": v, "expect": kind})
    for h in H[loc]:
        rows.append({"locale": loc, "text": h, "expect": "harmless"})
bad = [r for r in rows if r["expect"] != "harmless" and r["value"] not in r["text"]]
assert not bad, bad
with open(sys.argv[1] if len(sys.argv) > 1 else "sentences.jsonl", "w", encoding="utf-8") as f:
    for r in rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
from collections import Counter
print(len(rows), Counter(r["expect"] for r in rows), Counter(r["locale"] for r in rows))
