#!/usr/bin/env bash
# Renders the headless runner's charts with LibreOffice, by hand (jest tests stay pure):
#   bash test/xlsxCharts/renderCharts.sh [output folder]   (default: out/charts)
# Writes the Hampshire sample, `cba run` and `cba simulate` on it, converts both result workbooks to
# PDF with one page per sheet, checks that every chart's title is on the rendered pages (LibreOffice
# draws a chart's title only when it has read the chart part), and leaves a PNG of each product
# sheet to look at. Needs LibreOffice and poppler:
#   apt-get install -y libreoffice-calc-nogui poppler-utils
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$(mkdir -p "${1:-$root/out/charts}" && cd "${1:-$root/out/charts}" && pwd)"
for tool in soffice pdftoppm pdftotext unzip; do
  if ! command -v "$tool" >/dev/null; then
    echo "renderCharts: '$tool' is missing; apt-get install -y libreoffice-calc-nogui poppler-utils unzip" >&2
    exit 2
  fi
done

cba() { (cd "$root" && TS_NODE_PROJECT=tsconfig.node.json node -r ts-node/register/transpile-only src/cli/cba.ts "$@"); }
cba sample "$out/hampshire.xlsx" >/dev/null
cba run "$out/hampshire.xlsx" --out "$out/hampshire-results.xlsx" >/dev/null
cba simulate "$out/hampshire.xlsx" --out "$out/hampshire-simulation.xlsx" --trials 2000 --seed 7 >/dev/null

# LibreOffice wants a profile it can write: a throwaway HOME.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
HOME="$profile" soffice --headless \
  --convert-to 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}' \
  --outdir "$out" "$out/hampshire-results.xlsx" "$out/hampshire-simulation.xlsx" >/dev/null 2>&1

missing=0
charts=0
for book in hampshire-results hampshire-simulation; do
  pages="$(pdftotext "$out/$book.pdf" - | tr -s ' \n' '  ')"
  while IFS= read -r title; do
    charts=$((charts + 1))
    # Titles are XML-escaped in the chart part; LibreOffice may wrap them over lines.
    plain="$(printf '%s' "$title" | sed -e "s/&apos;/'/g" -e 's/&quot;/"/g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g')"
    if [[ "$pages" != *"$plain"* ]]; then
      echo "not rendered: $book: $plain" >&2
      missing=$((missing + 1))
    fi
  done < <(for part in $(unzip -Z1 "$out/$book.xlsx" 'xl/charts/chart*.xml'); do
    unzip -p "$out/$book.xlsx" "$part" | grep -o '<c:title>.*</c:title>' | sed -e 's/.*<a:t>//' -e 's/<\/a:t>.*//'
  done)
  pdftoppm -r 40 -png "$out/$book.pdf" "$out/$book"
done
echo "$charts charts in the two workbooks, $missing not found on the rendered pages; pages as PNG in $out"
[ "$charts" -gt 0 ] && [ "$missing" -eq 0 ]
