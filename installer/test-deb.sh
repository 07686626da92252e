#!/usr/bin/env bash
# Installs the Arbiter .deb the way an annotator would and checks what they would notice: `arbiter` on
# PATH, the CLI working through the installed launcher (help, items, import, render-check), the window
# rendering a pair under Xvfb (a screenshot), an upgrade keeping the store, and a clean removal that
# leaves the user's data alone.
#
#   installer/test-deb.sh [path/to/arbiter_*.deb]
#
# Without an argument it builds the package (mvn -B -q -Pinstaller package -DskipTests).
# Needs root (dpkg), apt-get (pulls the package's declared dependencies: GTK 3 ...), xvfb (xvfb-run),
# xauth and python3. Prints the .deb size, installed size and cold-start times.
# ARBITER_TEST_SKIP="app import render-check" skips steps by name (each skip is printed); for runs
# before those commands exist, never in CI.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SKIP=" ${ARBITER_TEST_SKIP:-} "

fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
step() { echo "test-deb: $*"; }
skipped() { [[ "$SKIP" == *" $1 "* ]] && { echo "test-deb: SKIPPED $1 (ARBITER_TEST_SKIP)"; return 0; }; return 1; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

[[ $(id -u) == 0 ]] || fail "needs root to install packages (dpkg, apt-get)"
for tool in dpkg apt-get xvfb-run python3; do
    command -v "$tool" >/dev/null || fail "missing $tool (apt-get install xvfb xauth python3)"
done

DEB=${1:-}
if [[ -z "$DEB" ]]; then
    step "building the installers"
    mvn -B -q -Pinstaller package -DskipTests || fail "mvn -Pinstaller package failed"
    DEB=$(ls -t target/installer/arbiter_*_amd64.deb 2>/dev/null | head -1 || true)
    [[ -n "$DEB" ]] || fail "no target/installer/arbiter_*_amd64.deb after the build"
fi
[[ -f "$DEB" ]] || fail "no such package: $DEB"
DEB=$(realpath "$DEB")

TMP=$(mktemp -d /tmp/arbiter-deb-test.XXXXXX)
# The launcher reads user.home from the passwd entry, not $HOME: point both, and XDG_DATA_HOME, at a
# throw-away home so the store and any JavaFX cache land where this test can inspect them.
export HOME=$TMP/home XDG_DATA_HOME=$TMP/home/.local/share
export JAVA_TOOL_OPTIONS="-Duser.home=$TMP/home"
unset DISPLAY ARBITER_DB
mkdir -p "$HOME"
DATA_DB=$XDG_DATA_HOME/arbiter/arbiter.db

step "package $(basename "$DEB"): $(( $(stat -c %s "$DEB") / 1024 / 1024 )) MB"
dpkg-deb -f "$DEB" Depends | grep -q 'libgtk-3-0' || fail "the .deb does not declare libgtk-3-0"

if dpkg-query -W -f='${Status}' arbiter 2>/dev/null | grep -q 'ok installed'; then
    step "removing a previously installed arbiter"
    dpkg -r arbiter >/dev/null
fi

step "installing with apt-get (pulls GTK 3 and the other declared dependencies)"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$DEB" >"$TMP/apt.log" 2>&1 \
    || { tail -20 "$TMP/apt.log" >&2; fail "apt-get install $DEB failed"; }
step "installed size: $(dpkg-query -W -f='${Installed-Size}' arbiter) KB, $(du -sh /opt/arbiter | cut -f1) in /opt/arbiter"

LAUNCHER=$(command -v arbiter) || fail "arbiter is not on PATH after installing"
[[ "$(readlink -f "$LAUNCHER")" == /opt/arbiter/bin/arbiter-cli ]] || fail "$LAUNCHER does not lead to /opt/arbiter/bin/arbiter-cli"
DESKTOP=$(ls /usr/share/applications/*arbiter*.desktop 2>/dev/null | head -1 || true)
[[ -n "$DESKTOP" ]] || fail "no desktop entry under /usr/share/applications"
grep -q '^Categories=Education;Science;Development;' "$DESKTOP" || fail "$DESKTOP lacks the menu categories"
grep -q '^MimeType=application/x-arbiter-batch' "$DESKTOP" || fail "$DESKTOP does not open Arbiter batch files"
[[ -f /opt/arbiter/lib/arbiter.png ]] || fail "no icon in /opt/arbiter/lib"

start=$(date +%s%N)
arbiter --help >"$TMP/help.txt" 2>&1 || { cat "$TMP/help.txt" >&2; fail "arbiter --help exited non-zero"; }
HELP_MS=$(ms_since "$start")
grep -q 'Usage: arbiter' "$TMP/help.txt" || { cat "$TMP/help.txt" >&2; fail "arbiter --help printed no usage"; }
runs=()
for _ in 1 2 3; do start=$(date +%s%N); arbiter --help >/dev/null 2>&1; runs+=("$(ms_since "$start")"); done
step "arbiter --help: ok, first start ${HELP_MS} ms, then ${runs[*]} ms"
# jpackage's own launcher (the .tar.gz's entry point; the menu entry runs bin/arbiter-cli) must work too.
start=$(date +%s%N)
/opt/arbiter/bin/arbiter --help 2>&1 | grep -q 'Usage: arbiter' || fail "/opt/arbiter/bin/arbiter --help (jpackage's launcher) failed"
step "/opt/arbiter/bin/arbiter --help (jpackage launcher): ok, $(ms_since "$start") ms"

# No --db: the default store must be created in the user's data directory, never under /opt.
arbiter items >"$TMP/items.txt" 2>&1 || { cat "$TMP/items.txt" >&2; fail "arbiter items exited non-zero"; }
[[ -f "$DATA_DB" ]] || fail "arbiter items did not create the store at $DATA_DB"
[[ -z "$(find /opt/arbiter -name '*.db' -print -quit)" ]] || fail "a store appeared inside /opt/arbiter"
step "arbiter items: ok, store at $DATA_DB"

if ! skipped import; then
    arbiter import --db "$DATA_DB" "$ROOT/resources/demo/demo.jsonl" >"$TMP/import.txt" 2>&1 \
        || { cat "$TMP/import.txt" >&2; fail "arbiter import of the demo batch exited non-zero"; }
    arbiter items --db "$DATA_DB" --json >"$TMP/items.json" 2>&1 || fail "arbiter items --json exited non-zero"
    python3 - "$TMP/items.json" <<'EOF' || fail "the imported demo batch is not in the store"
import json, sys
lines = [l for l in open(sys.argv[1]) if l.lstrip().startswith("{")]
sys.exit(0 if lines and json.loads(lines[-1])["items"] == 20 else 1)
EOF
    step "arbiter import: ok, 20 demo items in the store"
fi

if ! skipped render-check; then
    start=$(date +%s%N)
    arbiter render-check "$ROOT/installer/sample/texts.jsonl" --format texts >"$TMP/render.txt" 2>&1 \
        || { tail -20 "$TMP/render.txt" >&2; fail "arbiter render-check on installer/sample/texts.jsonl exited non-zero"; }
    step "arbiter render-check (headless WebView + KaTeX): ok in $(ms_since "$start") ms"
fi

# The install script made the start-up archive (bin/arbiter-cli --make-startup-archive) for the window.
[[ -s /opt/arbiter/lib/arbiter.jsa ]] || fail "no start-up archive /opt/arbiter/lib/arbiter.jsa after installing"
grep -q '^Exec=/opt/arbiter/bin/arbiter-cli app' "$DESKTOP" || fail "$DESKTOP does not start bin/arbiter-cli (the archive's user)"
step "start-up archive: $(( $(stat -c %s /opt/arbiter/lib/arbiter.jsa) / 1024 / 1024 )) MB"

if ! skipped app; then
    SHOT=$TMP/shot.png
    start=$(date +%s%N)
    # Class loading logged to a file: the window's classes must come from the start-up archive.
    JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -Xlog:class+load=info:file=$TMP/classes.log" \
        timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" arbiter app --db "$TMP/x.db" --screenshot "$SHOT" \
        >"$TMP/app.txt" 2>&1 || { tail -30 "$TMP/app.txt" >&2; fail "arbiter app --screenshot under Xvfb failed or took over 120 s"; }
    grep -q 'org.arbiter.gui.WorkstationWindow source: shared objects file (top)' "$TMP/classes.log" \
        || { grep -m3 'org.arbiter.gui' "$TMP/classes.log" >&2; fail "the window's classes did not come from the start-up archive"; }
    step "arbiter app: the window's classes load from the start-up archive ($(grep -c 'shared objects file (top)' "$TMP/classes.log") classes)"
    ready=$(timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" bash -c 'for i in 1 2 3; do rm -f "$1"*; arbiter app --db "$1" --annotator deb-test --exit-when-ready 2>/dev/null | sed -n "s/^ready_ms=//p"; done' _ "$TMP/cold.db" | tr '\n' ' ')
    step "arbiter app cold start to the first pair drawn (GTK under Xvfb, new store, 3 starts): ${ready}ms"
    SHOT_MS=$(ms_since "$start")
    [[ -f "$SHOT" ]] || fail "arbiter app wrote no screenshot at $SHOT"
    (( $(stat -c %s "$SHOT") > 10240 )) || fail "the screenshot is under 10 KB: nothing rendered"
    python3 "$ROOT/installer/png-colours.py" "$SHOT" 16 || fail "the screenshot is (nearly) one colour: no pair rendered"
    step "arbiter app under Xvfb: pair rendered, screenshot after ${SHOT_MS} ms (incl. Xvfb start)"
fi

# JavaFX must load its native libraries from /opt/arbiter, not unpack copies into the user's home.
[[ ! -e "$HOME/.openjfx" ]] || fail "JavaFX unpacked its libraries into ~/.openjfx: the natives in /opt/arbiter were not used"

step "upgrading in place (reinstalling the same package)"
dpkg -i "$DEB" >"$TMP/upgrade.log" 2>&1 || { cat "$TMP/upgrade.log" >&2; fail "reinstalling over the installed package failed"; }
[[ -f "$DATA_DB" ]] || fail "the upgrade lost the user's store"
command -v arbiter >/dev/null || fail "arbiter left PATH after an upgrade"

step "removing"
dpkg -r arbiter >"$TMP/remove.log" 2>&1 || { cat "$TMP/remove.log" >&2; fail "dpkg -r arbiter failed"; }
hash -r
! command -v arbiter >/dev/null || fail "arbiter is still on PATH after removal: $(command -v arbiter)"
[[ ! -e /usr/bin/arbiter && ! -L /usr/bin/arbiter ]] || fail "/usr/bin/arbiter survived the removal"
[[ ! -e /opt/arbiter ]] || fail "/opt/arbiter survived the removal: $(find /opt/arbiter | head -5)"
[[ ! -e "$DESKTOP" ]] || fail "the desktop entry $DESKTOP survived the removal"
[[ -f "$DATA_DB" ]] || fail "removing the package deleted the user's store $DATA_DB"
step "removed cleanly; the user's store is still at $DATA_DB"

rm -rf "$TMP"
step "PASS"
