# The JVM flags ./navemu starts navemu.jar with; sourced by ./navemu and scripts/bench.sh (start,
# so that navemu and the bare Felix floor are measured alike). Run from the repository's root.
#   -XX:TieredStopAtLevel=1  C1 only: about half the start-up CPU. C2's higher peak speed matters
#                            to the benchmarks, which start their own JVMs, not to a shell.
#   -XX:+UseSerialGC -Xms16m -Xmx256m
#                            the serial collector, a small initial heap and a 256 MB cap: RSS stays
#                            near what is live instead of growing to the default initial heap
#                            (1/64 of RAM) on the first allocations.
#   -XX:CompileThresholdScaling=0.2
#                            (SCRIPT_JVM_FLAGS: only for --script, which replays many navigations)
#                            C1 compiles a method after a fifth of the usual calls and loops, so a
#                            replay reaches compiled code within its first hundred navigations
#                            instead of after a thousand (scripts/bench.sh replay); it costs some
#                            20 % more CPU before the prompt, which an interactive start does not pay.
#   -XX:SharedArchiveFile    the AppCDS archive the build dumps beside the jar (runtime/pom.xml),
#                            only when it is as new as the jar; -Xlog:cds*=off keeps the JVM's
#                            messages about an archive it cannot use off stdout (--json).
#   -XX:ArchiveRelocationMode=0 (a diagnostic option, hence -XX:+UnlockDiagnosticVMOptions)
#                            maps the archives at the address they were made for. JDK 17's updates
#                            map them at a random address by default, which means patching every
#                            pointer in them at each start: some 90 ms of the ~30 MB archive here,
#                            a third of the time to the prompt. What it gives up is address-space
#                            randomisation of the archived class metadata, a hardening against
#                            native memory-corruption exploits; navemu's code is Java. Where the
#                            address is taken, the JVM relocates as before.
NAVEMU_JAR="$PWD/runtime/target/navemu.jar"
JVM_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms16m -Xmx256m -Xlog:cds*=off)
SCRIPT_JVM_FLAGS=(-XX:CompileThresholdScaling=0.2)
if [ "$PWD/runtime/target/navemu.jsa" -nt "$NAVEMU_JAR" ]; then
  JVM_FLAGS+=("-XX:SharedArchiveFile=$PWD/runtime/target/navemu.jsa" -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0)
fi
