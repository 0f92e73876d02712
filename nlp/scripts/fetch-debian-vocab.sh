#!/usr/bin/env bash
# Downloads the Debian packages that carry the registry vocabularies the engine builds on and unpacks
# them (no R, no root needed for dpkg-deb -x) into DEST_DIR:
#   r-bioc-org.hs.eg.db -> usr/lib/R/site-library/org.Hs.eg.db/extdata/org.Hs.eg.sqlite (NCBI Gene, human)
#   r-bioc-go.db        -> usr/lib/R/site-library/GO.db/extdata/GO.sqlite           (Gene Ontology)
#   liboscar4-java      -> usr/share/java/oscar4-obo.jar, from which chebi.obo is extracted (ChEBI 2013)
# Idempotent: what is already there is skipped. Without apt-get it says so and exits 0.
set -euo pipefail

DEST="${1:?usage: fetch-debian-vocab.sh DEST_DIR}"
mkdir -p "$DEST/debs"
DEST="$(cd "$DEST" && pwd)"

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-deb >/dev/null 2>&1; then
  echo "fetch-debian-vocab: apt-get/dpkg-deb not found; skipping (the engine falls back to its built-in vocabulary)."
  exit 0
fi

ORG="$DEST/usr/lib/R/site-library/org.Hs.eg.db/extdata/org.Hs.eg.sqlite"
GO="$DEST/usr/lib/R/site-library/GO.db/extdata/GO.sqlite"
CHEBI="$DEST/chebi.obo"

need=()
[ -s "$ORG" ] || need+=(r-bioc-org.hs.eg.db)
[ -s "$GO" ] || need+=(r-bioc-go.db)
[ -s "$CHEBI" ] || need+=(liboscar4-java)

if [ ${#need[@]} -eq 0 ]; then
  echo "fetch-debian-vocab: everything already present in $DEST"
  exit 0
fi

cd "$DEST/debs"
download() {
  apt-get download "$@" 2>/dev/null && return 0
  echo "fetch-debian-vocab: apt-get download failed; running apt-get update once and retrying"
  apt-get update -qq || true
  apt-get download "$@"
}
for pkg in "${need[@]}"; do
  if ! ls "$DEST"/debs/${pkg}_*.deb >/dev/null 2>&1; then
    download "$pkg"
  fi
  deb=$(ls "$DEST"/debs/${pkg}_*.deb | head -n 1)
  echo "fetch-debian-vocab: unpacking $(basename "$deb")"
  dpkg-deb -x "$deb" "$DEST"
done

if [ ! -s "$CHEBI" ]; then
  jar=$(find "$DEST/usr/share/java" -name 'oscar4-obo*.jar' | head -n 1)
  if [ -z "$jar" ]; then echo "fetch-debian-vocab: oscar4-obo jar not found" >&2; exit 1; fi
  tmp=$(mktemp -d)
  (cd "$tmp" && unzip -q -o "$jar" 'uk/ac/cam/ch/wwmm/oscar/obo/terms/chebi.obo' 2>/dev/null \
     || (cd "$tmp" && jar xf "$jar" uk/ac/cam/ch/wwmm/oscar/obo/terms/chebi.obo))
  mv "$tmp/uk/ac/cam/ch/wwmm/oscar/obo/terms/chebi.obo" "$CHEBI"
  rm -rf "$tmp"
fi

echo "fetch-debian-vocab: ready in $DEST"
echo "  $ORG"
echo "  $GO"
echo "  $CHEBI"
