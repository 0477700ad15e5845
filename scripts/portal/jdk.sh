# Finds a JDK >= 21 for Maven and the applications, even where `java` on the PATH is older.
# shellcheck shell=bash

jdk_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'; }

find_jdk() {
  [ -n "${GP_JAVA_HOME:-}" ] && return 0
  local candidates=() c v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  command -v java >/dev/null 2>&1 && candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  for c in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do [ -d "$c" ] && candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/javac" ] || continue
    v=$(jdk_major "$c")
    if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then
      GP_JAVA_HOME=$c
      GP_JAVA_MAJOR=${v%%.*}
      export GP_JAVA_HOME GP_JAVA_MAJOR
      return 0
    fi
  done
  die "Green Portal needs a JDK 21 or newer (with javac). None was found in JAVA_HOME, on the PATH or under /usr/lib/jvm. Install one (e.g. Temurin 21/25) and set JAVA_HOME to it."
}

mvn_run() {
  find_jdk
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn, 3.8+) is needed on the PATH"
  local opts=${MAVEN_OPTS:-}
  # quiets JDK 24+ warnings about the Guava bundled in Maven 3.8 using sun.misc.Unsafe
  [ "${GP_JAVA_MAJOR:-21}" -ge 24 ] && opts="$opts --sun-misc-unsafe-memory-access=allow"
  (cd "$GP_ROOT" && JAVA_HOME="$GP_JAVA_HOME" MAVEN_OPTS="$opts" mvn -Dstyle.color=never "$@")
}

java_run() { "$GP_JAVA_HOME/bin/java" "$@"; }
