#!/usr/bin/env bash
# Smoke test of the Linux installer: installs target/installer/pitwall_*.deb (built by
# `mvn -Pinstaller -DskipTests package`), starts the installed Pitwall headless, checks its screenshot, version,
# desktop entry and class-data archives, then purges the package. Needs root; run as `bash installers/smoke-test.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
passed=0
check() { # check DESCRIPTION COMMAND...: runs the command, counts it, stops the test at the first failure
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok   $what"
  else
    echo "FAIL $what" >&2
    echo "smoke-test: $passed passed, 1 failed"
    exit 1
  fi
}

version=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -n 1)
debs=(target/installer/pitwall_*.deb)
[ -f "${debs[0]}" ] || { echo "no .deb in target/installer: run mvn -Pinstaller -DskipTests package first" >&2; exit 1; }
deb=${debs[0]}
work=$(mktemp -d)
export PITWALL_CONFIG_DIR="$work/config" PITWALL_STATE_DIR="$work/state"
cleanup() {
  dpkg --purge pitwall >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
dpkg --purge pitwall >/dev/null 2>&1 || true

echo "installing $deb ($(du -m "$deb" | cut -f1) MB)"
if ! dpkg -i "$deb" >"$work/dpkg.log" 2>&1; then
  echo "dpkg -i left dependencies open; letting apt install them"
  apt-get update -qq
  apt-get install -f -y -qq >>"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; exit 1; }
fi
check "package installed" sh -c 'dpkg-query -W -f="\${Status}" pitwall | grep -q "install ok installed"'
check "package depends on libgtk-3-0" sh -c 'dpkg-query -W -f="\${Depends}" pitwall | grep -q "libgtk-3-0"'
check "package version $version" sh -c "dpkg-query -W -f='\${Version}' pitwall | grep -q '^$version-'"
check "desktop entry" grep -qx 'Name=Pitwall' /usr/share/applications/pitwall.desktop
check "icon" test -s /usr/share/icons/hicolor/256x256/apps/pitwall.png
check "pitwall on the PATH" test "$(command -v pitwall)" = /usr/bin/pitwall

shot="$work/console.png"
check "headless screenshot of the demo console" \
  sh -c "env -u DISPLAY -u WAYLAND_DISPLAY timeout 120 pitwall --demo --screenshot '$shot' >'$work/shot.log' 2>&1 \
         || { cat '$work/shot.log' >&2; exit 1; }"
check "screenshot looks rendered" java installers/PngCheck.java "$shot"
check "pitwall --version prints $version" sh -c "test \"\$(pitwall --version)\" = 'pitwall $version'"
# -Xshare:on turns a class-data archive that cannot be used into a start-up error instead of a silent slow start.
check "class-data archives (runtime and postinst-made) in use" \
  sh -c 'test -s /opt/pitwall/lib/app/pitwall.jsa && JAVA_TOOL_OPTIONS=-Xshare:on pitwall --version 2>&1 | grep -q "^pitwall "'

dpkg --purge pitwall >"$work/purge.log" 2>&1
check "purged without leftovers" sh -c '! test -e /opt/pitwall && ! test -e /usr/share/applications/pitwall.desktop \
  && ! test -e /usr/bin/pitwall && ! test -e /usr/share/icons/hicolor/256x256/apps/pitwall.png'

echo "smoke test took $((SECONDS - started)) s"
echo "smoke-test: $passed passed, 0 failed"
