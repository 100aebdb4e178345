#!/usr/bin/env bash
# Makes the api bundle built from this tree the baseline that `mvn verify` checks the api's
# package versions against (bundles/api/baseline/, see its README.md). Run it when the api's
# current state becomes the promised one (a release), never to silence a baseline failure.
#
#   scripts/api-baseline.sh VERSION     e.g. scripts/api-baseline.sh 1.0.0
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:?usage: scripts/api-baseline.sh VERSION (the Maven version of the baseline, e.g. 1.0.0)}"
mvn -B -q -pl bundles/api -am package -DskipTests -Dbnd.baseline.skip=true
target="bundles/api/baseline/io/navemu/navemu-api/$version"
mkdir -p "$target"
cp bundles/api/target/navemu-api-*.jar "$target/navemu-api-$version.jar"
cat > "$target/navemu-api-$version.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<!-- The api's baseline (see bundles/api/baseline/README.md). No parent, no dependencies:
     bnd only reads the jar's classes and manifest. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.navemu</groupId>
  <artifactId>navemu-api</artifactId>
  <version>$version</version>
</project>
POM
for file in "$target"/*.jar "$target"/*.pom; do
  sha1sum "$file" | cut -d' ' -f1 > "$file.sha1"
done
# Maven keeps a copy of each release it resolved and never fetches it again: drop a stale one.
rm -rf "${HOME}/.m2/repository/io/navemu/navemu-api/$version"
echo "baseline $target; set <baseCoordinates>io.navemu:navemu-api:$version</baseCoordinates> in bundles/api/pom.xml"
