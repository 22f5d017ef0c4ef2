#!/usr/bin/env bash
# HTTP API throughput and latency with wrk on loopback, over varied enterprises and search terms.
# Needs a running server and a consumer key:
#   ./riskgraph serve --store STORE --port 18080 &
#   KEY=$(./riskgraph keys create --role consumer --name bench --store STORE)
#   scripts/api-bench.sh CITY_DIR [RUNS] [DURATION]      (CITY_DIR: the generated dataset, for names and USCCs)
# Env: PORT (18080), KEY (required), CONNECTIONS (8), THREADS (2), OUT (target/api-bench).
# Picks 2,000 enterprises from the city (fixed seed), asks /related?hops=2&size=1 for each to learn its number of
# 2-hop parties, and runs wrk RUNS times for: typical (all 2,000), large (the 100 largest), the profile, and search
# over names, name fragments, pinyin, USCCs and phones. Prints each run and the median of requests/s and p99.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CITY="$1"; RUNS="${2:-3}"; DURATION="${3:-20s}"
PORT="${PORT:-18080}"; C="${CONNECTIONS:-8}"; T="${THREADS:-2}"; OUT="${OUT:-$ROOT/target/api-bench}"
: "${KEY:?set KEY to a consumer API key}"
BASE="http://127.0.0.1:$PORT"
mkdir -p "$OUT"
python3 - "$CITY" "$OUT" "$BASE" "$KEY" <<'PY'
import csv, http.client, json, random, sys, urllib.parse
city, out, base, key = sys.argv[1:5]
rows = list(csv.DictReader(open(f"{city}/enterprises.csv", encoding="utf-8")))
rng = random.Random(20261201)
sample = rng.sample(rows, 2000)
host = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(host.hostname, host.port)
sizes = []
for r in sample:
    conn.request("GET", f"/enterprises/{r['uscc']}/related?hops=2&size=1", headers={"X-API-Key": key})
    resp = conn.getresponse(); body = resp.read()
    if resp.status != 200: continue
    sizes.append((json.loads(body)["total"], r["uscc"]))
sizes.sort()
with open(f"{out}/usccs-typical.txt", "w") as f: f.write("\n".join(u for _, u in sizes) + "\n")
with open(f"{out}/usccs-large.txt", "w") as f: f.write("\n".join(u for _, u in sizes[-100:]) + "\n")
tot = [s for s, _ in sizes]
print(f"2-hop parties over {len(tot)} enterprises: median {tot[len(tot)//2]}, p90 {tot[int(len(tot)*0.9)]}, "
      f"max {tot[-1]}; the large list: {tot[-100]}..{tot[-1]} (median {tot[-50]})")
# search terms: whole names, fragments (the name without 上海 and the company form), USCCs, phones, pinyin
terms = []
for r in sample[:400]:
    name = r["name"]
    terms += [name, name.replace("上海", "")[:4], r["uscc"], r["phone"]]
with open(f"{out}/search-terms.txt", "w", encoding="utf-8") as f: f.write("\n".join(t for t in terms if t) + "\n")
with open(f"{out}/names.txt", "w", encoding="utf-8") as f: f.write("\n".join(r["name"] for r in sample[:400]) + "\n")
PY
# pinyin of the sampled names as a user types it (syllables of the name without 上海, space-separated), via pinyin4j
JSHELL="$(command -v jshell || ls /usr/lib/jvm/*/bin/jshell | head -1)"
cat > "$OUT/pinyin.jsh" <<JSH
import net.sourceforge.pinyin4j.*; import net.sourceforge.pinyin4j.format.*;
var f = new HanyuPinyinOutputFormat(); f.setToneType(HanyuPinyinToneType.WITHOUT_TONE); f.setVCharType(HanyuPinyinVCharType.WITH_V);
try (var out = new java.io.PrintWriter("$OUT/pinyin.txt", "UTF-8")) {
  for (String name : java.nio.file.Files.readAllLines(java.nio.file.Path.of("$OUT/names.txt"))) {
    var sb = new StringBuilder(); String n = name.replace("上海", ""); int k = 0;
    for (char c : n.toCharArray()) { String[] r = PinyinHelper.toHanyuPinyinStringArray(c, f); if (r != null && r.length > 0 && k++ < 4) sb.append(sb.length() > 0 ? " " : "").append(r[0]); }
    if (sb.length() > 0) out.println(sb);
  }
}
/exit
JSH
"$JSHELL" --class-path "$(ls "$ROOT"/api/target/lib/pinyin4j-*.jar)" "$OUT/pinyin.jsh" >/dev/null
cat "$OUT/pinyin.txt" >> "$OUT/search-terms.txt"
echo "search terms: $(wc -l < "$OUT/search-terms.txt") (names, fragments, USCCs, phones, pinyin)"

run() { # name list template
  local name="$1" list="$2" template="$3" rates=() p99s=()
  for i in $(seq 1 "$RUNS"); do
    local res; res="$(LIST="$list" PATH_TEMPLATE="$template" wrk -t"$T" -c"$C" -d"$DURATION" --latency \
        -H "X-API-Key: $KEY" -s "$ROOT/scripts/wrk-list.lua" "$BASE" 2>&1)"
    local rps p99 p50 errs
    rps="$(awk '/Requests\/sec/ {print $2}' <<<"$res")"
    p50="$(awk '$1=="50%" {print $2}' <<<"$res")"; p99="$(awk '$1=="99%" {print $2}' <<<"$res")"
    errs="$(grep -E 'Non-2xx|Socket errors' <<<"$res" | tr '\n' ' ' || true)"
    echo "$name run $i: $rps req/s, p50 $p50, p99 $p99 $errs; load $(cut -d' ' -f1-3 /proc/loadavg)"
    rates+=("$rps"); p99s+=("$(sed -E 's/([0-9.]+)us/\1 0.001/; s/([0-9.]+)ms/\1 1/; s/([0-9.]+)s$/\1 1000/' <<<"$p99" | awk '{print $1*$2}')")
  done
  echo "$name median: $(printf '%s\n' "${rates[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') req/s, p99 $(printf '%s\n' "${p99s[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms"
}
run "related typical" "$OUT/usccs-typical.txt" "/enterprises/%s/related?hops=2"
run "related large" "$OUT/usccs-large.txt" "/enterprises/%s/related?hops=2"
run "profile" "$OUT/usccs-typical.txt" "/enterprises/%s"
run "search" "$OUT/search-terms.txt" "/search?q=%s"
