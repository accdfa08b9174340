#!/bin/sh
# Builds the release artifacts into dist/ from this checkout, in one command:
#   samshift-VERSION-linux-x86_64.tar.gz  fully static bin/samshift, manual pages, completions,
#                                          LICENSE, NOTICE, README.md, CHANGELOG.md
#   samshift_VERSION_amd64.deb            the same, installed under /usr (dpkg-deb)
#   samshift-VERSION.tgz                  an npm package carrying the binary (no download)
#   docker/Dockerfile                     FROM scratch with the binary (built when docker or
#                                          podman works here)
# The binary is linked statically, glibc included, so it runs on any Linux x86-64.
# scripts/test-release.sh installs each artifact into a temporary prefix and runs it.
set -eu
cd "$(dirname "$0")/.."

version=$(sed -n "s/^ *version : '\([^']*\)'.*/\1/p" meson.build | head -n 1)
[ -n "$version" ] || { echo "release.sh: no version in meson.build" >&2; exit 1; }
builddir="${SAMSHIFT_RELEASE_BUILD_DIR:-build-release}"
# Every file of an artifact gets this time, so that two builds of a commit are byte for byte alike.
epoch="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}"

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" -Dtests=false -Dstatic=true -Dbuildtype=release >&2
else
  # An existing build directory (CI's, already tested) only needs samshift linked again.
  meson configure "$builddir" -Dstatic=true >&2
fi
meson compile -C "$builddir" >&2
binary="$builddir/samshift"
if ! file "$binary" | grep -q "statically linked"; then
  echo "release.sh: $binary is not statically linked: $(file -b "$binary")" >&2
  exit 1
fi

rm -rf dist
mkdir -p dist/stage
name="samshift-$version-linux-x86_64"

# Lays out bin/, share/man, share/*completions under $1.
install_tree() {
  install -D -m 0755 "$binary" "$1/bin/samshift"
  strip "$1/bin/samshift"
  install -D -m 0644 man/samshift.1 "$1/share/man/man1/samshift.1"
  install -D -m 0644 "$builddir/man/samshift-rules.7" "$1/share/man/man7/samshift-rules.7"
  install -D -m 0644 completions/samshift.bash "$1/share/bash-completion/completions/samshift"
  install -D -m 0644 completions/_samshift "$1/share/zsh/site-functions/_samshift"
  install -D -m 0644 completions/samshift.fish "$1/share/fish/vendor_completions.d/samshift.fish"
}

# Writes a reproducible tar.gz of directory $2 (inside $1) to $3.
pack() {
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$1" -cf - "$2" |
    gzip -9n >"$3"
}

# The tarball.
install_tree "dist/stage/$name"
cp LICENSE NOTICE README.md CHANGELOG.md "dist/stage/$name/"
pack dist/stage "$name" "dist/$name.tar.gz"

# The Debian package: binary, manual pages and completions under /usr; copyright and changelog
# where Debian policy puts them.
deb=dist/stage/deb
install_tree "$deb/usr"
mv "$deb/usr/share/zsh/site-functions" "$deb/usr/share/zsh/vendor-completions"
gzip -9n "$deb/usr/share/man/man1/samshift.1" "$deb/usr/share/man/man7/samshift-rules.7"
install -d "$deb/usr/share/doc/samshift"
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: samshift"
  echo "Source: https://github.com/samshift/samshift"
  echo
  echo "Files: *"
  echo "Copyright: 2026 the samshift authors"
  echo "License: Apache-2.0"
  echo " On Debian systems, the full text of the Apache License 2.0 is in"
  echo " /usr/share/common-licenses/Apache-2.0. NOTICE follows."
  echo " ."
  sed -e 's/^$/./' -e 's/^/ /' NOTICE
} >"$deb/usr/share/doc/samshift/copyright"
{
  echo "samshift ($version) unstable; urgency=medium"
  echo
  echo "  * Release $version; see CHANGELOG.md upstream."
  echo
  echo " -- samshift authors <samshift@users.noreply.github.com>  $(date -u -d "@$epoch" -R)"
} | gzip -9n >"$deb/usr/share/doc/samshift/changelog.gz"
# The one binary serves every Debian and Ubuntu release (Ubuntu 22.04's glibc is older than the
# 2.36 a dynamic build needs), so it is static on purpose, with libyaml inside.
install -d "$deb/usr/share/lintian/overrides"
cat >"$deb/usr/share/lintian/overrides/samshift" <<'OVERRIDES'
# One static binary for every Debian-based release, older glibc included.
samshift: statically-linked-binary [usr/bin/samshift]
samshift: embedded-library libyaml [usr/bin/samshift]
OVERRIDES
install -d "$deb/DEBIAN"
cat >"$deb/DEBIAN/control" <<CONTROL
Package: samshift
Version: $version
Architecture: amd64
Maintainer: samshift authors <samshift@users.noreply.github.com>
Installed-Size: $(du -sk "$deb/usr" | cut -f1)
Section: devel
Priority: optional
Homepage: https://github.com/samshift/samshift
Description: linter for AWS SAM and CloudFormation traffic shifting
 samshift checks AWS SAM and CloudFormation templates for mistakes in Lambda
 versions, aliases and CodeDeploy traffic shifting, expands SAM templates,
 plans deployments and serves editors as a language server. Statically linked.
CONTROL
find "$deb" -exec touch -h -d "@$epoch" {} +
find "$deb" -type d -exec chmod 0755 {} +
dpkg-deb --root-owner-group -Zxz --build "$deb" "dist/samshift_${version}_amd64.deb" >&2

# The npm package: the binary inside, `bin` pointing at it, installable offline.
npm=dist/stage/npm/package
install_tree "$npm"
rm -rf "$npm/share/bash-completion" "$npm/share/zsh" "$npm/share/fish"
cp LICENSE NOTICE README.md "$npm/"
cat >"$npm/package.json" <<JSON
{
  "name": "samshift",
  "version": "$version",
  "description": "Linter for AWS SAM and CloudFormation templates: Lambda versions, aliases and CodeDeploy traffic shifting",
  "license": "Apache-2.0",
  "homepage": "https://github.com/samshift/samshift",
  "repository": { "type": "git", "url": "https://github.com/samshift/samshift.git" },
  "bin": { "samshift": "bin/samshift" },
  "man": ["share/man/man1/samshift.1", "share/man/man7/samshift-rules.7"],
  "os": ["linux"],
  "cpu": ["x64"],
  "files": ["bin/", "share/", "LICENSE", "NOTICE", "README.md"]
}
JSON
(cd dist && npm pack --silent "./stage/npm/package" >/dev/null)

# The container image recipe: the static binary alone, FROM scratch.
install -D -m 0755 "dist/stage/$name/bin/samshift" dist/docker/samshift
cat >dist/docker/Dockerfile <<'DOCKERFILE'
# samshift in an image of its own: the static binary and nothing else.
#   docker build -t samshift dist/docker
#   docker run --rm -v "$PWD:/src" samshift lint .
FROM scratch
COPY samshift /usr/bin/samshift
WORKDIR /src
ENTRYPOINT ["/usr/bin/samshift"]
DOCKERFILE
for engine in docker podman; do
  if command -v "$engine" >/dev/null 2>&1 && "$engine" info >/dev/null 2>&1; then
    "$engine" build -q -t "samshift:$version" dist/docker >&2
    break
  fi
done

rm -rf dist/stage
ls -l dist >&2
