#!/usr/bin/env bash
# Samenspel beside the raw limit, over TCP with wrk, in one run (issue 16).
#
# Builds and starts the raw-limit server of ../shared/limits (axum + rusqlite
# + askama, no product logic) and a release build of Samenspel with its demo
# data, signs in as a demo relative, and runs wrk against each pair of
# comparable routes, alternating between the two servers. Prints one line per
# wrk run and then the ratio table that docs/PERFORMANCE.md shows: the
# medians of server CPU µs per request, throughput and p99, Samenspel over
# the limit. The machines are shared and noisy: compare ratios from one run,
# never figures from different runs. This is a benchmark, not a test: it
# fails only when a server does not start or answers with errors.
#
#   crates/samenspel/benches/wrk/ratio.sh                 # 3 rounds of 10 s per route
#   RUNS=1 DUR=5s crates/samenspel/benches/wrk/ratio.sh   # a quick look
#   ONLY="api_read post16" crates/samenspel/benches/wrk/ratio.sh
#   DATA=/srv/scale AS=p3-1a2b3c4d@generated.example crates/samenspel/benches/wrk/ratio.sh
#                                                         # on a database from `samenspel admin generate`
#
# Environment: RUNS (rounds, default 3), DUR (per wrk run, default 10s),
# CONNS (readers, default 64), WRITERS (default 16), ONLY (pair names),
# LIMITS (the raw-limit sources, default ../shared/limits from the repo),
# WORK (scratch directory, default ~/.cache/samenspel-wrk), DATA (a data
# directory to serve instead of a fresh demo; the posts are added to it) and
# AS (the e-mail address to sign in with there; default the demo's Ans) and
# SAMENSPEL_BIN (a release binary to measure instead of building one),
# ENGINE (sqlite, the default, or postgres: a fresh database on the server at
# PG_ADMIN, default postgres://postgres@127.0.0.1:5432/test, dropped after
# the run) and INSTANCES (1, or 2: two instances on the one database behind
# nginx from Debian's packages, at the same address, as a load balancer
# would). With PostgreSQL or two instances, Samenspel's CPU column adds up
# every process that serves it: the instances, nginx and the PostgreSQL
# server's processes. The
# credentials reach wrk's Lua scripts as WRK_TOKEN, WRK_COOKIE and WRK_CIRCLE
# (not SAMENSPEL_*: Samenspel refuses settings it does not know).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
LIMITS=${LIMITS:-$(cd "$root/../shared/limits" 2>/dev/null && pwd || true)}
RUNS=${RUNS:-3}
DUR=${DUR:-10s}
CONNS=${CONNS:-64}
WRITERS=${WRITERS:-16}
ONLY=${ONLY:-}
WORK=${WORK:-$HOME/.cache/samenspel-wrk}
ENGINE=${ENGINE:-sqlite}
INSTANCES=${INSTANCES:-1}
PG_ADMIN=${PG_ADMIN:-postgres://postgres@127.0.0.1:5432/test}
LIMIT_ADDR=127.0.0.1:3100
SAM_ADDR=127.0.0.1:3200

say() { printf '%s\n' "$*" >&2; }
die() { say "ratio.sh: $*"; exit 1; }

[ -n "$LIMITS" ] && [ -f "$LIMITS/Cargo.toml" ] || die "the raw-limit server's sources are not at ../shared/limits (set LIMITS)"

# What the machine needs, from Debian's packages.
missing=()
for tool in wrk sqlite3 curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[ -x /usr/bin/time ] || missing+=(time)
[ "$ENGINE" = postgres ] && ! command -v psql >/dev/null && missing+=(postgresql-client)
[ "$INSTANCES" = 2 ] && ! command -v nginx >/dev/null && missing+=(nginx)
case "$ENGINE:$INSTANCES" in sqlite:1 | sqlite:2 | postgres:1 | postgres:2) ;; *) die "ENGINE is sqlite or postgres, INSTANCES 1 or 2" ;; esac
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null \
    || die "could not install ${missing[*]}"
fi

# Builds: the raw limit in a target directory of its own (once), Samenspel in the workspace's.
say "building the raw-limit server"
CARGO_TARGET_DIR=$HOME/.cache/limits-target cargo build --release --locked --quiet --manifest-path "$LIMITS/Cargo.toml"
limit_bin=$HOME/.cache/limits-target/release
if [ -n "${SAMENSPEL_BIN:-}" ]; then
  sam_bin=$SAMENSPEL_BIN
  # Samenspel refuses SAMENSPEL_* settings it does not know.
  unset SAMENSPEL_BIN
else
  say "building Samenspel (release)"
  (cd "$root" && cargo build --release --quiet -p samenspel)
  sam_bin=$root/target/release/samenspel
fi

pids=()
pg_db=
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$pg_db" ]; then psql -q "$PG_ADMIN" -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

wait_for() { # url
  for _ in $(seq 1 300); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.2; done
  die "$1 did not answer"
}

# The raw limit: 1 M entries and 10 k users, made once (~45 s), as its README says.
mkdir -p "$WORK/limits/data"
if [ ! -f "$WORK/limits/data/bench.db" ]; then
  say "making the raw limit's database"
  (cd "$WORK/limits" && "$limit_bin/mkdb" >/dev/null)
  sqlite3 "$WORK/limits/data/bench.db" "CREATE TABLE IF NOT EXISTS sessions(token TEXT PRIMARY KEY, user_id INTEGER NOT NULL, circle_id INTEGER NOT NULL) WITHOUT ROWID;
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM n WHERE i<9999) INSERT OR REPLACE INTO sessions SELECT 'tok'||i, i, i%1000 FROM n;"
fi
(cd "$WORK/limits" && ADDR=$LIMIT_ADDR SYNC=FULL exec "$limit_bin/limits" >"$WORK/limits.log" 2>&1) &
limit_pid=$!
pids+=("$limit_pid")

# Samenspel: a fresh demo, or the given data directory (SQLite,
# synchronous=FULL, the production default), or a fresh PostgreSQL database.
# With two instances the first listens on 3201, the second (a data
# directory of its own, the same database) on 3202, and nginx on 3200.
if [ "$INSTANCES" = 2 ]; then first_addr=127.0.0.1:3201; else first_addr=$SAM_ADDR; fi
if [ -n "${DATA:-}" ]; then
  [ "$ENGINE" = sqlite ] || die "DATA is a SQLite data directory"
  data=$(cd "$DATA" && pwd)
  [ -n "${AS:-}" ] || die "DATA needs AS, the e-mail address to sign in with"
else
  data=$WORK/samenspel/data
  rm -rf "$WORK/samenspel"
  mkdir -p "$WORK/samenspel"
fi
if [ "$ENGINE" = postgres ]; then
  pg_db=samenspel_wrk_$$
  psql -q "$PG_ADMIN" -c "CREATE DATABASE $pg_db" >/dev/null || die "could not create a database at $PG_ADMIN"
  db_url=${PG_ADMIN%/*}/$pg_db
else
  db_url=sqlite://$data/samenspel.db
fi
sam=("$sam_bin")
sam_opts=(--data-dir "$data" --database-url "$db_url")
if [ -n "${DATA:-}" ]; then
  (SAMENSPEL_LOG_LEVEL=error exec "${sam[@]}" serve --bind "$first_addr" "${sam_opts[@]}" >"$WORK/samenspel.log" 2>&1) &
else
  (cd "$WORK/samenspel" && SAMENSPEL_LOG_LEVEL=warn exec "${sam[@]}" demo --bind "$first_addr" "${sam_opts[@]}" \
    >"$WORK/samenspel.log" 2>&1) &
fi
sam_pid=$!
pids+=("$sam_pid")
serving=("$sam_pid")
wait_for "http://$LIMIT_ADDR/hello"
wait_for "http://$first_addr/healthz"
if [ "$INSTANCES" = 2 ]; then
  mkdir -p "$WORK/second" "$WORK/nginx"
  (SAMENSPEL_LOG_LEVEL=warn exec "${sam[@]}" serve --bind 127.0.0.1:3202 --data-dir "$WORK/second" \
    --database-url "$db_url" >"$WORK/samenspel-2.log" 2>&1) &
  pids+=("$!")
  serving+=("$!")
  cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx;
  proxy_temp_path $WORK/nginx;
  upstream samenspel { server 127.0.0.1:3201; server 127.0.0.1:3202; keepalive 64; }
  server {
    listen $SAM_ADDR;
    location / {
      proxy_pass http://samenspel;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
NGINX
  (exec nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf") &
  pids+=("$!")
  serving+=("$!")
  wait_for "http://127.0.0.1:3202/healthz"
  wait_for "http://$SAM_ADDR/healthz"
fi

# Ans de Vries, a relative in Henk's circle (or AS): a session (through a
# sign-in link, as a browser would), an API token and a calendar address.
if [ -n "${DATA:-}" ]; then
  email=$AS
  link=$("$sam_bin" admin sign-in-link --email "$email" "${sam_opts[@]}" 2>/dev/null | tail -1)
  link="http://$SAM_ADDR/${link#*://*/}"
else
  link=$(grep -m1 -o "Ans de Vries *http://[^ ]*" "$WORK/samenspel.log" | grep -o 'http://.*') || die "no sign-in link for Ans in the demo's output"
  link="http://$SAM_ADDR/${link#*://*/}"
  # Read the whole list first: `grep -m1` ends the pipe early, and with
  # pipefail the writer's broken pipe would fail the line.
  users=$("$sam_bin" admin list-users "${sam_opts[@]}" 2>/dev/null) || die "could not list the demo's users"
  email=$(printf '%s\n' "$users" | grep -m1 "Ans de Vries" | grep -o '[^ ]*@[^ ]*') \
    || die "no e-mail address for Ans"
fi
jar=$WORK/cookies.txt
rm -f "$jar"
csrf() { grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
token=$(curl -fsS -c "$jar" -b "$jar" "$link" | csrf)
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$token" "$link"
session=$(awk '$6 == "samenspel_session" {print $7}' "$jar")
[ -n "$session" ] || die "signing in as Ans gave no session"
export WRK_COOKIE="samenspel_session=$session"
WRK_TOKEN=$("$sam_bin" admin token --email "$email" --name wrk "${sam_opts[@]}" 2>/dev/null | tail -1)
export WRK_TOKEN
circle=$(curl -fsS -H "Authorization: Bearer $WRK_TOKEN" "http://$SAM_ADDR/api/v1/circles" \
  | grep -o '"id":"[^"]*"' | head -1 | sed 's/"id":"//; s/"$//')
[ -n "$circle" ] || die "Ans has no circle"
export WRK_CIRCLE=$circle
page=$(curl -fsS -b "$jar" -c "$jar" "http://$SAM_ADDR/account")
feed=$(curl -fsS -b "$jar" -c "$jar" --data-urlencode "csrf=$(printf '%s' "$page" | csrf)" "http://$SAM_ADDR/account/calendar" \
  | grep -o '/calendar/[A-Za-z0-9_.-]*' | head -1) || true
[ -n "$feed" ] || die "no calendar address for Ans"

# name | limit url | limit lua | Samenspel url | Samenspel lua | connections
L=http://$LIMIT_ADDR
S=http://$SAM_ADDR
pairs=(
  "api_read|$L/api/timeline|$LIMITS/apiread.lua|$S/api/v1/circles/$circle/entries|$here/get.lua|$CONNS"
  "logbook_page|$L/timeline||$S/circles/$circle/logbook|$here/get.lua|$CONNS"
  "overview_page|$L/timeline||$S/circles/$circle|$here/get.lua|$CONNS"
  "agenda_page|$L/timeline||$S/circles/$circle/agenda|$here/get.lua|$CONNS"
  "ical_feed|$L/timeline||$S$feed||$CONNS"
  "post16|$L/api/entries|$LIMITS/post.lua|$S/api/v1/circles/$circle/entries|$here/post.lua|$WRITERS"
)

# Every route must answer 2xx before it is measured (the limit's token is tok42).
check() { # url lua auth [cookie]
  local code
  if [ "$2" = "$here/post.lua" ] || [ "$2" = "$LIMITS/post.lua" ]; then return 0; fi
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $3" -H "Cookie: ${4:-}" "$1")
  [ "${code:0:1}" = 2 ] || die "$1 answered $code"
}

results=$WORK/results.txt
: >"$results"
# The CPU seconds (user + system) of the processes that serve Samenspel,
# PostgreSQL's included when it is the database: its live processes, plus
# what its ended processes used (counted in the postmaster's children's
# time), so a connection that ends during a run does not take its CPU away.
cpu_of() {
  local p postmaster
  {
    for p in "${serving[@]}"; do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || true; done
    if [ "$ENGINE" = postgres ]; then
      postmaster=$(pgrep -o -x postgres || true)
      for p in $(pgrep -x postgres || true); do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || true; done
      [ -n "$postmaster" ] && awk '{ print $16 + $17 }' "/proc/$postmaster/stat" 2>/dev/null || true
    fi
  } | awk -v t="$(getconf CLK_TCK)" '{ s += $1 } END { printf "%.2f", s / t }'
}
one() { # label url lua conns pid
  local out c0 c1 n
  if [ "$5" = "$sam_pid" ] && { [ "$ENGINE" = postgres ] || [ "$INSTANCES" = 2 ]; }; then
    # Several processes serve: wrkbench.sh counts one, so the warm-up and
    # the run are done here the same way, with every serving process counted.
    local lua=()
    [ -n "$3" ] && lua=(-s "$3")
    wrk "${lua[@]}" -t1 -c"$4" -d3s "$2" >/dev/null 2>&1
    c0=$(cpu_of)
    out=$(wrk "${lua[@]}" -t1 -c"$4" -d"$DUR" --latency "$2" 2>&1)
    c1=$(cpu_of)
    n=$(awk '/requests in/ {print $1}' <<<"$out")
    out="$1 run=1 rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out") p50=$(awk '$1 == "50%" {print $2}' <<<"$out") \
p99=$(awk '$1 == "99%" {print $2}' <<<"$out") reqs=$n server_cpu_s=$(awk -v a="$c0" -v b="$c1" 'BEGIN {printf "%.2f", b - a}') \
cpu_us_per_req=$(awk -v a="$c0" -v b="$c1" -v n="${n:-0}" 'BEGIN {printf "%.1f", (n > 0 ? (b - a) * 1e6 / n : 0)}') \
$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | tr '\n' ' ' || true)"
  else
    out=$(SPID=$5 WRKLUA=$3 "$LIMITS/wrkbench.sh" "$1" "$2" 1 "$DUR" "$4")
  fi
  printf '%s\n' "$out" >&2
  printf '%s\n' "$out" >>"$results"
  if printf '%s' "$out" | grep -qE 'Non-2xx|Socket errors: connect'; then die "$1 got errors: $out"; fi
}

say "measuring: $RUNS round(s) of $DUR per route, $CONNS readers, $WRITERS writers"
for round in $(seq 1 "$RUNS"); do
  for pair in "${pairs[@]}"; do
    IFS='|' read -r name lurl llua surl slua conns <<<"$pair"
    if [ -n "$ONLY" ] && ! grep -qw "$name" <<<"$ONLY"; then continue; fi
    if [ "$round" = 1 ]; then
      check "$lurl" "$llua" tok42
      check "$surl" "$slua" "$WRK_TOKEN" "$WRK_COOKIE"
    fi
    # Alternate which server goes first, so neither always gets the warmer machine.
    if [ $((round % 2)) = 1 ]; then
      one "limit:$name" "$lurl" "$llua" "$conns" "$limit_pid"
      one "samenspel:$name" "$surl" "$slua" "$conns" "$sam_pid"
    else
      one "samenspel:$name" "$surl" "$slua" "$conns" "$sam_pid"
      one "limit:$name" "$lurl" "$llua" "$conns" "$limit_pid"
    fi
  done
done

rss() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
echo
echo "| route | connections | limit CPU µs/req | Samenspel CPU µs/req | ratio | limit req/s | Samenspel req/s | share | limit p99 | Samenspel p99 |"
echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
awk -v conns="$CONNS" -v writers="$WRITERS" '
  function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  {
    split($1, who, ":"); side = who[1]; name = who[2]
    if (!(name in seen)) { seen[name] = 1; order[++k] = name }
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    cpu[side, name] = cpu[side, name] " " v["cpu_us_per_req"]
    rps[side, name] = rps[side, name] " " v["rps"]
    p99[side, name] = p99[side, name] " " ms(v["p99"])
  }
  END {
    for (i = 1; i <= k; i++) {
      n = order[i]
      lc = median(cpu["limit", n]); sc = median(cpu["samenspel", n])
      lr = median(rps["limit", n]); sr = median(rps["samenspel", n])
      lp = median(p99["limit", n]); sp = median(p99["samenspel", n])
      printf "| %s | %s | %.0f | %.0f | %.1f× | %.0f | %.0f | %.0f %% | %.1f ms | %.1f ms |\n",
        n, (n == "post16" ? writers : conns), lc, sc, (lc > 0 ? sc / lc : 0), lr, sr, (lr > 0 ? 100 * sr / lr : 0), lp, sp
    }
  }' "$results"
echo
echo "Samenspel on $ENGINE, $INSTANCES instance(s)$([ "$INSTANCES" = 2 ] && echo ' behind nginx')."
mem=""
for p in "${serving[@]}"; do mem="$mem $(rss "$p") MB"; done
echo "Resident memory after the run: limit $(rss "$limit_pid") MB, Samenspel's processes:$mem."
if [ "$ENGINE" = postgres ]; then
  count=$(psql -tA "$db_url" -c 'SELECT COUNT(*) FROM entries')
else
  count=$(sqlite3 "$data/samenspel.db" 'SELECT COUNT(*) FROM entries')
fi
echo "Samenspel's data: $count entries; the limit's: $(sqlite3 "$WORK/limits/data/bench.db" 'SELECT COUNT(*) FROM entries') entries."
