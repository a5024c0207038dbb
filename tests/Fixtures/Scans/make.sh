#!/usr/bin/env bash
# Remakes the scanned fixtures from the LibreOffice print of seed 000 (../Documents/), as a scanner would make them
# (needs poppler-utils, imagemagick, img2pdf, qpdf, tesseract-ocr and tesseract-ocr-chi-sim). The outputs are committed;
# the OCR tests need tesseract and pdftoppm only. Page numbers below are the print's; the tests know the same map.
# Usage: bash tests/Fixtures/Scans/make.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
print="$here/../Documents/000_313d8db390bab93c.libreoffice.pdf"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

# One page of the print as a 300 dpi grey image, the resolution office scanners use for text.
render() { pdftoppm -r 300 -gray -png -f "$1" -l "$1" -singlefile "$print" "page-$1"; }
for p in 2 3 6 7 8; do render "$p"; done

# Clean: pages 2 and 3, grey, JPEG-compressed as a scanner saves them, in an image-only PDF.
for p in 2 3; do convert "page-$p.png" -quality 45 "clean-$p.jpg"; done
img2pdf --pagesize A4 -o "$here/scan-clean.pdf" clean-2.jpg clean-3.jpg

# Noisy: page 2 fed in 0.7° askew, with sensor noise, then compressed harder.
convert page-2.png -background white -rotate 0.7 -attenuate 0.4 +noise Gaussian -colorspace Gray -quality 40 noisy-2.jpg
img2pdf --pagesize A4 -o "$here/scan-noisy.pdf" noisy-2.jpg

# Mixed: printed pages 4 and 5 with a scanned page 6 after them (a signed page scanned back in), bilevel as
# document scanners' black-and-white mode makes it.
convert page-6.png -threshold 60% -type bilevel scan-6.png
img2pdf --pagesize A4 -o scan-6.pdf scan-6.png
# qpdf copies only what the two pages use, pdfunite would copy the whole print's objects.
qpdf --empty --pages "$print" 4-5 scan-6.pdf -- "$here/scan-mixed.pdf"

# A scanner's searchable PDF: page 7 as an image with Tesseract's invisible text layer (render mode 3) over it.
convert page-7.png -threshold 60% -type bilevel scan-7.png
OMP_THREAD_LIMIT=1 tesseract scan-7.png scan-invisible -l chi_sim+eng pdf >/dev/null 2>&1
cp scan-invisible.pdf "$here/scan-invisible.pdf"

# An image file as a document: page 8, bilevel PNG.
convert page-8.png -threshold 60% -type bilevel "$here/scan-page.png"
ls -l "$here"
