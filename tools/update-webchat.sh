#!/usr/bin/env bash
# Vendors the official botframework-webchat full bundle (dist/webchat.js, which includes the Adaptive
# Card renderer) under the app's static files, pre-compressed, so `dotnet run` serves it with nothing
# but the .NET SDK and the page never loads anything from a CDN.
#
#   tools/update-webchat.sh 4.18.1
#
# Needs npm (for `npm pack`), tar and node (gzip and brotli come from node's zlib). It also points the
# pages' <script> tags and the asset test at the new version. Then delete the old version's folder, run
# the widget tests and commit.
set -euo pipefail

version="${1:-}"
if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "usage: $0 VERSION   (for example: $0 4.18.1)" >&2
  exit 2
fi

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$repo_root/src/ClinicBot/wwwroot/lib/botframework-webchat/$version"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "botframework-webchat@$version" >/dev/null)
tar -xzf "$work/botframework-webchat-$version.tgz" -C "$work" \
  package/package.json package/dist/webchat.js package/dist/webchat.js.LICENSE.txt

packed_version="$(node -p "require('$work/package/package.json').version")"
packed_license="$(node -p "require('$work/package/package.json').license")"
if [[ "$packed_version" != "$version" ]]; then
  echo "npm returned version $packed_version, expected $version" >&2
  exit 1
fi
if [[ "$packed_license" != "MIT" ]]; then
  echo "botframework-webchat $version is licensed '$packed_license', not MIT: review before vendoring" >&2
  exit 1
fi

mkdir -p "$target"
cp "$work/package/dist/webchat.js" "$target/webchat.js"
# The npm package carries no LICENSE file of its own; its package.json declares MIT (checked above).
cat > "$target/LICENSE" <<LICENSE
botframework-webchat $version (https://github.com/microsoft/BotFramework-WebChat)
License: MIT (as declared in the npm package's package.json)

MIT License

Copyright (c) Microsoft Corporation.

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
LICENSE
# Notices of the third-party code bundled into webchat.js, as shipped in the package.
cp "$work/package/dist/webchat.js.LICENSE.txt" "$target/webchat.js.LICENSE.txt"

# Pre-compressed copies, served with Content-Encoding when the browser accepts them.
node -e '
  const fs = require("fs"), zlib = require("zlib");
  const file = process.argv[1], src = fs.readFileSync(file);
  fs.writeFileSync(file + ".gz", zlib.gzipSync(src, { level: 9 }));
  fs.writeFileSync(file + ".br", zlib.brotliCompressSync(src, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: src.length } }));
' "$target/webchat.js"

(cd "$target" && sha256sum webchat.js > webchat.js.sha256)

# Point the pages' <script> tags and the asset test at the new version.
sed -i -E "s#lib/botframework-webchat/[0-9]+\.[0-9]+\.[0-9]+/webchat\.js#lib/botframework-webchat/$version/webchat.js#g" \
  "$repo_root"/src/ClinicBot/wwwroot/*.html
sed -i -E "s#WebChatVersion = \"[0-9]+\.[0-9]+\.[0-9]+\"#WebChatVersion = \"$version\"#" \
  "$repo_root/tests/ClinicBot.Functional.Tests/Widget/WebChatAssetTests.cs"
ls -l "$target"
echo "Now delete the previous version's folder under $(dirname "$target") and run the widget tests."
