#!/usr/bin/env bash
# Opens a run's report.html in headless Chromium (Debian's package), takes a screenshot, and checks in the browser
# that every plot in it decoded to a non-blank image.
# Usage: scripts/screenshot-report.sh RUN_DIR [OUT.png]      (needs: apt-get install chromium)
set -euo pipefail
run="${1:?usage: scripts/screenshot-report.sh RUN_DIR [OUT.png]}"
report="$(cd "$run" && pwd)/report.html"
out="${2:-$(cd "$run" && pwd)/report-screenshot.png}"
[ -f "$report" ] || { echo "error: $report not found: pass a results folder written by './studies run' (or rebuild it with './studies report RUN_DIR')." >&2; exit 2; }
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$browser" ] || { echo "error: Chromium is not installed: apt-get install chromium" >&2; exit 2; }

tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --hide-scrollbars "--user-data-dir=$tmp/profile")

"$browser" "${flags[@]}" --window-size=1400,3000 "--screenshot=$out" "file://$report" >/dev/null 2>&1
[ -s "$out" ] || { echo "error: Chromium wrote no screenshot." >&2; exit 1; }

# The same report plus a script that draws each image on a canvas and measures its pixels (data: URIs keep the
# canvas readable); --dump-dom prints the page after the script ran.
cp "$report" "$tmp/check.html"
cat >>"$tmp/check.html" <<'JS'
<script>
window.addEventListener('load', () => {
  const rows = [...document.images].map((img, i) => {
    const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;
    const g = c.getContext('2d'); g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width || 1, c.height || 1).data;
    let n = 0, sum = 0, sq = 0, nonWhite = 0;
    for (let p = 0; p < d.length; p += 4) { const v = (d[p] + d[p + 1] + d[p + 2]) / 3; n++; sum += v; sq += v * v; if (v < 240) nonWhite++; }
    const sd = Math.sqrt(Math.max(0, sq / n - (sum / n) ** 2));
    return `IMAGE ${i + 1} ${img.naturalWidth}x${img.naturalHeight} sd=${sd.toFixed(1)} ink=${(100 * nonWhite / n).toFixed(1)}%`;
  });
  const pre = document.createElement('pre'); pre.id = 'image-check'; pre.textContent = rows.join('\n') + '\nIMAGES ' + rows.length;
  document.body.appendChild(pre);
});
</script>
JS
dom="$("$browser" "${flags[@]}" --virtual-time-budget=5000 --dump-dom "file://$tmp/check.html" 2>/dev/null)"
checks="$(grep -oE 'IMAGE [0-9]+ [0-9]+x[0-9]+ sd=[0-9.]+ ink=[0-9.]+%' <<<"$dom" || true)"
count="$(grep -oE 'IMAGES [0-9]+' <<<"$dom" | awk '{print $2}')"
echo "$checks"
[ -n "$count" ] && [ "$count" -gt 0 ] || { echo "error: no plots found in $report" >&2; exit 1; }
blank="$(awk '{split($4,a,"="); split($5,b,"="); if (a[2] < 2 || b[2]+0 < 0.5) print}' <<<"$checks")"
[ -z "$blank" ] || { echo "error: blank plots:"; echo "$blank"; exit 1; } >&2
echo "screenshot: $out ($count plots, none blank)"
