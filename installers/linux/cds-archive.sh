#!/bin/sh
# Makes pitwall.jsa next to this script (lib/app of the installed application): a class-data-sharing archive of the
# classes a headless start of the console loads from the class path, on top of the runtime's base archive. JDK 17
# ties such an archive to the absolute paths of the jars, so it is made where the application is installed, by the
# package's postinst (and by the build for target/installer/pitwall). It runs the image's own java with the class
# path, main class and options of the launcher's configuration, but records the archive instead of using it.
set -eu
app_dir=$(cd "$(dirname "$0")" && pwd -P)
cfg="$app_dir/pitwall.cfg"
java="$app_dir/../runtime/bin/java"
class_path=$(sed -n "s|^app.classpath=\\\$APPDIR|$app_dir|p" "$cfg" | paste -s -d: -)
main_class=$(sed -n 's|^app.mainclass=||p' "$cfg")
options=$(sed -n 's|^java-options=||p' "$cfg" | grep -v SharedArchiveFile | sed "s|\\\$APPDIR|$app_dir|g")
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
rm -f "$app_dir/pitwall.jsa"
# shellcheck disable=SC2086 # one option per word, as the launcher passes them
PITWALL_CONFIG_DIR="$home/config" PITWALL_STATE_DIR="$home/state" \
    "$java" -XX:ArchiveClassesAtExit="$app_dir/pitwall.jsa" $options -cp "$class_path" "$main_class" \
    --screenshot "$home/console.png" >"$home/log" 2>&1 || { cat "$home/log" >&2; exit 1; }
[ -s "$app_dir/pitwall.jsa" ] || { echo "cds-archive.sh: no archive written" >&2; cat "$home/log" >&2; exit 1; }
