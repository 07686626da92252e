#!/bin/sh
# `arbiter` on PATH (linked from /usr/bin by the package): the same CLI as `java -jar arbiter.jar`, run
# on the bundled runtime directly. The jpackage launcher bin/arbiter (used by the menu entry) first asks
# rpm and dpkg which package owns it, which costs about a second on every command.
lib=$(dirname "$(dirname "$(readlink -f "$0")")")/lib
# Memory options as in installer/jpackage/image.cfg (small, promptly returned heap). WebKit allocates from
# many threads; glibc's default of up to 8 malloc arenas per core kept ~250 MB more resident in `arbiter
# bench` (RSS ~400 MB instead of ~550-730 MB after 100-1,000 items).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec "$lib/runtime/bin/java" -Xshare:auto -Dfile.encoding=UTF-8 \
    -Xms64m -Xmx2g -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:G1PeriodicGCInterval=30000 \
    -cp "$lib/app/arbiter.jar:$lib/app/lib/*" org.arbiter.Launcher "$@"
