#!/usr/bin/env bash
# Assembles the root filesystem that every Green Portal image is layered on, without a container
# registry or a Docker daemon: a jlink'd Java runtime made from the JDK running the build, the few
# glibc files that runtime links against (taken from the build host, a Debian machine here), a
# passwd entry for the unprivileged user the containers run as, and nothing else (no shell).
#
#   base-rootfs.sh JAVA_HOME OUT_DIR
#
# The result (OUT_DIR/rootfs) is added to each image by Jib as an extra directory on top of
# `scratch`. It is rebuilt only when this script or the JDK changes (stamp file).
set -euo pipefail

jdk=${1:?JAVA_HOME of the JDK to link the runtime from}
out=${2:?output directory}
uid=65532

# What Spring Boot, gRPC, PostgreSQL JDBC and Lettuce need (jdeps over the apps' class paths, plus
# zh locale data, extra charsets such as GB18030 and DNS for JNDI-free name resolution).
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,\
java.net.http,java.prefs,java.scripting,java.security.jgss,java.sql,java.xml,jdk.charsets,\
jdk.crypto.ec,jdk.jfr,jdk.localedata,jdk.management,jdk.naming.dns,jdk.unsupported,jdk.zipfs

stamp="$(sha256sum "$0" | cut -c1-16) $(tr -d '\n' <"$jdk/release" | sha256sum | cut -c1-16)"
if [ -f "$out/stamp" ] && [ "$(cat "$out/stamp")" = "$stamp" ]; then
  echo "base rootfs is up to date: $out/rootfs"
  exit 0
fi

rm -rf "$out"
mkdir -p "$out"
root=$out/rootfs
# jdk.crypto.ec became part of java.base in newer JDKs: keep only modules this JDK has
available=$("$jdk/bin/java" --list-modules | sed 's/@.*//' | tr '\n' ' ')
wanted=$(echo "$modules" | tr ',' '\n' | while read -r m; do case " $available " in *" $m "*) echo "$m";; esac; done | paste -sd,)

echo "linking a Java runtime from $jdk ($wanted)"
"$jdk/bin/jlink" --add-modules "$wanted" --include-locales=en,zh \
  --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
  --output "$root/opt/java"
# headless servers: drop the window and sound libraries (they would need libX11, libasound, ...)
rm -f "$root"/opt/java/lib/{libawt_xawt.so,libsplashscreen.so,libjawt.so,libjsound.so}

# The dynamic loader and every shared library the runtime's binaries resolve on this host.
mkdir -p "$root/lib64" "$root/lib/x86_64-linux-gnu" "$root/etc" "$root/tmp"
missing=$(find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
  | awk '/not found/ && $1 !~ /^lib(jvm|java|jli|net|nio|awt|fontmanager|jimage|zip|verify|management|prefs|jsig|j2gss|extnet|syslookup|rmi)[^ ]*\.so/ {print $1}' | sort -u)
[ -z "$missing" ] || { echo "unresolved libraries: $missing" >&2; exit 1; }
find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/lib.*ld-linux/ {print $1}' | sort -u \
  | while read -r lib; do
      case "$lib" in "$root"/*|*/ld-linux*) continue;; esac
      cp -L "$lib" "$root/lib/x86_64-linux-gnu/$(basename "$lib")"
    done
cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/ld-linux-x86-64.so.2"
# glibc dlopens libgcc_s for thread cancellation and unwinding through native frames
cp -L "$(ldconfig -p | awk '/libgcc_s.so.1 .*x86-64/ {print $NF; exit}')" "$root/lib/x86_64-linux-gnu/"

cat >"$root/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/sbin/nologin
greenportal:x:$uid:$uid:Green Portal:/tmp:/sbin/nologin
PASSWD
cat >"$root/etc/group" <<GROUP
root:x:0:
greenportal:x:$uid:
GROUP
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"

# Where the pieces came from, readable inside the image.
{
  echo "java: $(. "$jdk/release"; echo "$IMPLEMENTOR $JAVA_RUNTIME_VERSION") (jlink: $wanted)"
  if command -v dpkg-query >/dev/null; then
    for p in libc6 libgcc-s1; do echo "$p: $(dpkg-query -W -f='${Version}' "$p" 2>/dev/null || echo '?')"; done
  fi
  echo "libc: $(ldd --version | head -1)"
} >"$root/etc/greenportal-base-release"

echo "$stamp" >"$out/stamp"
echo "base rootfs: $root ($(du -sh "$root" | cut -f1))"
