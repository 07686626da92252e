#!/bin/sh
# `arbiter` on PATH (linked from /usr/bin by the package) and the menu entry's command: the same CLI as
# `java -jar arbiter.jar`, run on the bundled runtime directly. The jpackage launcher bin/arbiter first asks
# rpm and dpkg which package owns it, which costs about a second on every start.
lib=$(dirname "$(dirname "$(readlink -f "$0")")")/lib
# WebKit allocates from many threads; glibc's default of up to 8 malloc arenas per core kept ~250 MB more
# resident in `arbiter bench`.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# The window (`arbiter app`, no command, or one batch file from the file manager) runs lean: one annotator's
# items, ~55 MB of live heap, and an expert reading between keystrokes. Measured by `arbiter bench` (README):
# the serial collector with a small young generation (G1's own structures were ~40 MB), C1 only (no C2
# compiler arenas and code: ~30 MB, and no C2 compile bursts on 2 cores during the first hundred switches),
# glibc's free memory returned every second (~40 MB at every 5 s; ~20 MB more at every second), and no
# region-background cache (JavaFX keeps an 8 MB atlas of them in the heap under the software renderer; the
# backgrounds are drawn directly instead, to within 1 of 255 on a few anti-aliased corners). Together: RSS ~290 MB instead of ~430-520 MB.
# Every other command (import, export, the lab server) keeps the default compilers and G1: they do bulk work.
window=false
case "${1:-}" in
    "") window=true ;;
    app) case " $* " in *" --help "*|*" -h "*) ;; *) window=true ;; esac ;;
    -*) ;;
    *) [ $# -eq 1 ] && [ -f "$1" ] && window=true ;;
esac
if $window || [ "${1:-}" = "--make-startup-archive" ]; then
    jvm="-XX:+UseSerialGC -Xmn12m -XX:TieredStopAtLevel=1 -XX:TrimNativeHeapInterval=1000 -Xms64m -Xmx2g -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Dprism.disableRegionCaching=true"
else
    jvm="-Xms64m -Xmx2g -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:G1PeriodicGCInterval=30000"
fi
# The start-up archive: the classes a start of the window loads (JavaFX, WebKit's Java side, the app), parsed
# and verified once at install time (--make-startup-archive, run by the package's install script) instead of
# on every start: ~2.7 s -> ~1.8 s to the first pair in `arbiter bench`. A missing or stale archive is
# skipped silently (-Xlog:cds=off) and the JVM loads classes as usual.
archive="$lib/arbiter.jsa"
if [ "${1:-}" = "--make-startup-archive" ]; then
    # One headless start of the window on a throw-away store (Monocle, no display needed), archived at exit.
    rm -f "$archive"
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    (
        unset DISPLAY WAYLAND_DISPLAY
        export HOME="$tmp" XDG_DATA_HOME="$tmp" XDG_CONFIG_HOME="$tmp" ARBITER_CONFIG="$tmp/config"
        # shellcheck disable=SC2086
        exec "$lib/runtime/bin/java" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -Dfile.encoding=UTF-8 $jvm \
            -XX:ArchiveClassesAtExit="$archive" -Duser.home="$tmp" \
            -cp "$lib/app/arbiter.jar:$lib/app/lib/*" org.arbiter.Launcher app --db "$tmp/start.db" --annotator install --exit-when-ready
    ) >"$tmp/log" 2>&1 || { rm -f "$archive"; echo "arbiter: no start-up archive (the app starts without it): $(tail -3 "$tmp/log")" >&2; exit 1; }
    [ -r "$archive" ] && chmod 644 "$archive"
    exit 0
fi
cds=""
[ -r "$archive" ] && cds="-XX:SharedArchiveFile=$archive"
# shellcheck disable=SC2086
exec "$lib/runtime/bin/java" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off $cds -Dfile.encoding=UTF-8 $jvm \
    -cp "$lib/app/arbiter.jar:$lib/app/lib/*" org.arbiter.Launcher "$@"
