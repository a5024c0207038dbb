#!/usr/bin/env bash
# Remakes the document fixtures from the seeds (needs the .NET SDK, libreoffice-writer-nogui, chromium,
# poppler-utils, qpdf and fonts-noto-cjk). The outputs are committed, so tests do not need these tools.
# Usage: bash tests/Fixtures/Documents/make.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
seed=000_313d8db390bab93c
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$here"

# A DOCX (running header = the document title, footer "— N —") and a saved page of the whole seed; the page
# to print holds the seed's first 24 paragraphs.
dotnet run MakeFixtures.cs -- "$root/seeds/$seed.txt" "$work" 24
cp "$work/$seed.docx" "$here/$seed.docx"
cp "$work/$seed.html" "$here/$seed.html"

# Printed by LibreOffice from the DOCX: the header and the page-number footer on every page.
soffice --headless --convert-to pdf --outdir "$work/lo" "$work/$seed.docx" >/dev/null
cp "$work/lo/$seed.pdf" "$here/$seed.libreoffice.pdf"

# Printed by Chromium from the page: its own header (date, title) and footer (URL, "3/5") on every page.
chromium --headless --no-sandbox --disable-gpu --print-to-pdf="$work/chromium.pdf" "file://$work/$seed.print.html" 2>/dev/null
cp "$work/chromium.pdf" "$here/$seed.chromium.pdf"

# Damaged documents, each from a one-page PDF without browser header and footer.
printf '<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><body style="font-family:Noto Sans CJK SC">
<h1>西青区2024年国民经济和社会发展规划</h1><p>坚持以科技创新引领现代化产业体系建设，推动天开西青园提质扩容。</p></body></html>' > "$work/one.html"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$work/one.pdf" "file://$work/one.html" 2>/dev/null
# Encrypted with a user password.
qpdf --encrypt secret owner 256 -- "$work/one.pdf" "$here/bad-encrypted.pdf"
# Cut short.
size=$(stat -c %s "$work/one.pdf")
head -c $((size * 6 / 10)) "$work/one.pdf" > "$here/bad-truncated.pdf"
# Fonts without a Unicode mapping (every /ToUnicode renamed, byte lengths kept, so offsets stay valid).
qpdf --qdf --object-streams=disable "$work/one.pdf" "$work/one.qdf.pdf"
LC_ALL=C sed 's#/ToUnicode#/NoUnicode#g' "$work/one.qdf.pdf" > "$here/bad-unmapped.pdf"
# Scanned: page 1 of the LibreOffice print as a picture, printed again; no text layer.
pdftoppm -r 40 -png -f 1 -l 1 "$here/$seed.libreoffice.pdf" "$work/scan"
printf '<!DOCTYPE html><html><body style="margin:0"><img src="scan-01.png" style="width:100%%"></body></html>' > "$work/scan.html"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$here/bad-scanned.pdf" "file://$work/scan.html" 2>/dev/null
# A DOCX cut short.
size=$(stat -c %s "$here/$seed.docx")
head -c $((size / 2)) "$here/$seed.docx" > "$here/bad-truncated.docx"
ls -l "$here"
