#!/bin/sh
# `arbiter` on PATH (linked from /usr/bin by the package): the same CLI as `java -jar arbiter.jar`, run
# on the bundled runtime directly. The jpackage launcher bin/arbiter (used by the menu entry) first asks
# rpm and dpkg which package owns it, which costs about a second on every command.
lib=$(dirname "$(dirname "$(readlink -f "$0")")")/lib
# Memory options as in installer/jpackage/image.cfg (small, promptly returned heap).
exec "$lib/runtime/bin/java" -Xshare:auto -Dfile.encoding=UTF-8 \
    -Xms64m -Xmx2g -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:G1PeriodicGCInterval=30000 \
    -cp "$lib/app/arbiter.jar:$lib/app/lib/*" org.arbiter.Launcher "$@"
