#!/usr/bin/env bash
# Instructions per request, counted by valgrind's callgrind (issue 16).
#
# CPU time per request on a shared two-core machine moves 20 % between runs of
# the same binary, so a change worth 5 % cannot be seen with wrk. Callgrind
# counts the instructions the server executes (all its threads, the audit
# writer's commits included; not the kernel's), which moves a few percent at
# most. This script makes the demo's data once, signs in as the demo's Ans,
# then serves that data under callgrind and sends each route N times, one
# request after the other on one connection, and prints the instructions
# per request. With BASE_BIN it does the same for a second binary on a copy
# of the same data and prints both with their ratio: an A/B of a change.
# A benchmark, not a test: it fails only when a request does not answer 200.
#
#   SAMENSPEL_BIN=target/release/samenspel crates/samenspel/benches/wrk/instructions.sh
#   SAMENSPEL_BIN=new BASE_BIN=old N=100 crates/samenspel/benches/wrk/instructions.sh
#
# Environment: SAMENSPEL_BIN (default: a release build made here), BASE_BIN
# (a binary to compare with), N (requests per route, default 100), ROUTES
# (default: the ratio table's reads; CIRCLE stands for the demo circle's
# id), WORK (scratch directory, default ~/.cache/samenspel-instructions),
# DATA_SQL (a SQL file run with sqlite3 on the data once it is made, with
# :circle and :member standing for the demo circle and Ans's membership
# there: to give the circle a history, say).
# A release build with `CARGO_PROFILE_RELEASE_DEBUG=line-tables-only
# CARGO_PROFILE_RELEASE_STRIP=false` lets `callgrind_annotate` name source
# lines in the profiles it leaves in WORK.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
N=${N:-100}
WORK=${WORK:-$HOME/.cache/samenspel-instructions}
ROUTES=${ROUTES:-/api/v1/circles/CIRCLE/entries /circles/CIRCLE/logbook /circles/CIRCLE /circles/CIRCLE/agenda}
ADDR=127.0.0.1:3250

say() { printf '%s\n' "$*" >&2; }
die() { say "instructions.sh: $*"; exit 1; }

missing=()
for tool in valgrind curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null \
    || die "could not install ${missing[*]}"
fi
if [ -n "${SAMENSPEL_BIN:-}" ]; then
  bin=$(cd "$(dirname "$SAMENSPEL_BIN")" && pwd)/$(basename "$SAMENSPEL_BIN")
  unset SAMENSPEL_BIN
else
  say "building Samenspel (release)"
  (cd "$root" && cargo build --release --quiet -p samenspel)
  bin=$root/target/release/samenspel
fi

pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT
wait_for() { # url tries
  for _ in $(seq 1 "$2"); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done
  die "$1 did not answer"
}

# The demo's data, and a session and a token for Ans, made once. With
# BASE_BIN the older binary makes them: the newer one migrates its copy when
# it starts (outside the count), and an older one never meets a schema it
# does not know.
maker=$bin
if [ -n "${BASE_BIN:-}" ]; then maker=$(cd "$(dirname "$BASE_BIN")" && pwd)/$(basename "$BASE_BIN"); fi
rm -rf "$WORK"
mkdir -p "$WORK/demo"
data=$WORK/demo/data
opts=(--data-dir "$data" --database-url "sqlite://$data/samenspel.db")
(cd "$WORK/demo" && SAMENSPEL_LOG_LEVEL=warn exec "$maker" demo --bind "$ADDR" "${opts[@]}" >"$WORK/demo.log" 2>&1) &
pid=$!
wait_for "http://$ADDR/healthz" 300
link=$(grep -m1 -o "Ans de Vries *http://[^ ]*" "$WORK/demo.log" | grep -o 'http://.*') || die "no sign-in link for Ans"
link="http://$ADDR/${link#*://*/}"
jar=$WORK/cookies.txt
csrf=$(curl -fsS -c "$jar" -b "$jar" "$link" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" "$link"
cookie="samenspel_session=$(awk '$6 == "samenspel_session" {print $7}' "$jar")"
email=$("$maker" admin list-users "${opts[@]}" 2>/dev/null | grep -m1 "Ans de Vries" | grep -o '[^ ]*@[^ ]*') || die "no Ans"
token=$("$maker" admin token --email "$email" --name instructions "${opts[@]}" 2>/dev/null | tail -1)
circle=$(curl -fsS -H "Authorization: Bearer $token" "http://$ADDR/api/v1/circles" \
  | grep -o '"id":"[^"]*"' | head -1 | sed 's/"id":"//; s/"$//')
[ -n "$circle" ] || die "Ans has no circle"
kill "$pid"
wait "$pid" 2>/dev/null || true
pid=
if [ -n "${DATA_SQL:-}" ]; then
  command -v sqlite3 >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends sqlite3 >/dev/null
  member=$(sqlite3 "$data/samenspel.db" "SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id \
    WHERE m.circle_id = '$circle' AND u.email = '$email' AND m.ended_at IS NULL")
  sed "s/:circle/'$circle'/g; s/:member/'$member'/g" "$DATA_SQL" | sqlite3 "$data/samenspel.db" \
    || die "DATA_SQL failed"
fi

# measure LABEL BIN: serves a copy of the data under callgrind; one line per route.
measure() {
  local label=$1 exe=$2 dir=$WORK/$1 route url args total
  rm -rf "$dir"
  mkdir -p "$dir"
  cp -r "$data" "$dir/data"
  (SAMENSPEL_LOG_LEVEL=error exec valgrind --tool=callgrind --callgrind-out-file="$dir/callgrind.%p" \
    "$exe" serve --bind "$ADDR" --data-dir "$dir/data" --database-url "sqlite://$dir/data/samenspel.db" \
    >"$dir/valgrind.log" 2>&1) &
  pid=$!
  wait_for "http://$ADDR/healthz" 600
  local i=0
  for route in $ROUTES; do
    i=$((i + 1))
    url="http://$ADDR${route//CIRCLE/$circle}"
    args=()
    for _ in $(seq 1 "$N"); do args+=(-o /dev/null "$url"); done
    auth=(-H "Cookie: $cookie")
    case "$route" in /api/*) auth=(-H "Authorization: Bearer $token") ;; esac
    curl -s "${auth[@]}" "${args[@]:0:60}" >/dev/null # warm up: caches, prepared statements
    sleep 1
    callgrind_control -z "$pid" >/dev/null
    codes=$(curl -s "${auth[@]}" -w '%{http_code}\n' "${args[@]}" | sort -u | tr '\n' ' ')
    [ "$codes" = "200 " ] || die "$route answered $codes"
    sleep 1
    callgrind_control -d "$pid" >/dev/null
    sleep 1
    total=$(grep -h -m1 -E '^(summary|totals):' "$(ls -t "$dir"/callgrind.*.* | head -1)" | awk '{print $2}')
    mv "$(ls -t "$dir"/callgrind.*.* | head -1)" "$dir/route-$i.callgrind"
    printf '%s %s %s\n' "$label" "$route" "$((total / N))"
  done
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
}

results=$WORK/results.txt
say "counting: $N requests per route under callgrind (several minutes)"
: >"$results"
measure new "$bin" >>"$results"
if [ -n "${BASE_BIN:-}" ]; then measure base "$BASE_BIN" >>"$results"; fi
cat "$results" >&2

echo
if [ -n "${BASE_BIN:-}" ]; then
  echo "| route | base instructions/request | instructions/request | ratio |"
  echo "|---|--:|--:|--:|"
  awk '{ v[$1, $2] = $3; if (!($2 in seen)) { seen[$2] = 1; order[++k] = $2 } }
    END { for (i = 1; i <= k; i++) { r = order[i]
      printf "| %s | %d | %d | %.2f |\n", r, v["base", r], v["new", r], v["new", r] / v["base", r] } }' "$results"
else
  echo "| route | instructions/request |"
  echo "|---|--:|"
  awk '{ printf "| %s | %d |\n", $2, $3 }' "$results"
fi
echo
echo "Profiles per route: $WORK/{new,base}/route-N.callgrind (callgrind_annotate --inclusive=yes FILE)."
