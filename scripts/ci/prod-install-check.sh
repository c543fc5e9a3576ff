#!/usr/bin/env bash
# A production install serves the weekly summary PDF: in a checkout that has been built
# (`npm ci && npm run build`), drop the dev dependencies as a deployment would
# (`npm prune --omit=dev`), start the app with `npm start` on a throw-away SQLite demo database and
# a free loopback port, sign in as the demo executive through next-auth's credentials endpoint,
# download one week's PDF and check that it is a PDF whose text names the week.
# Exits non-zero on any failure; the server and the database are removed either way.
#
# Leaves node_modules without dev dependencies: run it last, or `npm ci` afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."

WEEK="${PROD_CHECK_WEEK:-2021-W48}"
EMAIL='exec@hutong.test'
PASSWORD='Prod-Check-Demo-2021'
# Generous: the first start migrates and seeds the whole demo history before serving.
START_TIMEOUT_SECONDS="${PROD_CHECK_START_TIMEOUT:-300}"

fail() {
  printf 'prod-install-check: %s\n' "$*" >&2
  exit 1
}

for tool in curl pdftotext setsid; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (apt-get install curl poppler-utils util-linux)"
done
[[ -f .next/BUILD_ID ]] || fail 'no production build here: run npm run build first'

work="$(mktemp -d)"
server_pid=''
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    # npm start runs next start as a child: stop the whole process group.
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

printf 'prod-install-check: npm prune --omit=dev\n'
npm prune --omit=dev --no-audit --no-fund >/dev/null
# Test tools only: typescript and @playwright/test stay as peers of prisma and next.
if [[ -d node_modules/vitest || -d node_modules/eslint ]]; then
  fail 'dev dependencies are still installed after npm prune --omit=dev'
fi

port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
base="http://localhost:${port}"

printf 'prod-install-check: npm start on port %s (log: server.log in a temporary folder)\n' "$port"
DATABASE_URL="file:${work}/demo.db" \
  HUTONG_DEMO=true \
  SEED_DEMO_PASSWORD="$PASSWORD" \
  AUTH_SECRET="prod-install-check-$(node -e "console.log(require('crypto').randomBytes(24).toString('hex'))")" \
  PORT="$port" \
  setsid npm start >"$work/server.log" 2>&1 &
server_pid=$!

show_log() {
  printf -- '--- server log (last 40 lines)\n' >&2
  tail -n 40 "$work/server.log" >&2 || true
}

deadline=$((SECONDS + START_TIMEOUT_SECONDS))
until curl -fsS -o /dev/null "$base/api/health" 2>/dev/null; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    show_log
    fail 'the server exited before it answered /api/health'
  fi
  if ((SECONDS > deadline)); then
    show_log
    fail "no answer from /api/health within ${START_TIMEOUT_SECONDS}s"
  fi
  sleep 2
done

jar="$work/cookies.txt"
csrf_json="$(curl -fsS -c "$jar" -b "$jar" "$base/api/auth/csrf")" || fail 'GET /api/auth/csrf failed'
csrf="$(printf '%s' "$csrf_json" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const t=JSON.parse(s).csrfToken;if(!t)process.exit(1);console.log(t)})")" \
  || fail "no csrfToken in $csrf_json"

sign_in_status="$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
  -H "Origin: $base" \
  --data-urlencode "csrfToken=$csrf" \
  --data-urlencode "email=$EMAIL" \
  --data-urlencode "password=$PASSWORD" \
  --data-urlencode "callbackUrl=$base/" \
  --data-urlencode 'json=true' \
  "$base/api/auth/callback/credentials")"
[[ "$sign_in_status" == 2* || "$sign_in_status" == 3* ]] || fail "sign-in answered HTTP $sign_in_status"
session="$(curl -fsS -b "$jar" "$base/api/auth/session")" || fail 'GET /api/auth/session failed'
grep -q '"userId"' <<<"$session" || fail "sign-in as $EMAIL gave no session (HTTP $sign_in_status, session $session)"

pdf="$work/summary.pdf"
headers="$work/pdf-headers.txt"
pdf_status="$(curl -sS -o "$pdf" -D "$headers" -w '%{http_code}' -b "$jar" "$base/summary/$WEEK/pdf")"
if [[ "$pdf_status" != 200 ]]; then
  head -c 500 "$pdf" >&2 || true
  printf '\n' >&2
  show_log
  fail "GET /summary/$WEEK/pdf answered HTTP $pdf_status"
fi
grep -qi '^content-type: application/pdf' "$headers" || fail "GET /summary/$WEEK/pdf is not application/pdf"
[[ "$(head -c 5 "$pdf")" == '%PDF-' ]] || fail 'the download does not start with %PDF-'
text="$(pdftotext -layout "$pdf" -)" || fail 'pdftotext could not read the download'
grep -qF "$WEEK" <<<"$text" || fail "the PDF text does not name the week $WEEK"

printf 'prod-install-check: ok: %s printed a %s-byte PDF of %s without dev dependencies\n' "$base" "$(wc -c <"$pdf" | tr -d ' ')" "$WEEK"
