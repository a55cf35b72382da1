#!/usr/bin/env bash
# Builds the Microsoft Teams app package (a zip with manifest.json, color.png and outline.png at its root)
# from the template in appPackage/.
#
#   tools/teams-package.sh BOT_ID VERSION [OUT_ZIP]
#
#   BOT_ID   the bot's Microsoft App ID (a GUID; MicrosoftAppId in the bot's configuration)
#   VERSION  the app version, MAJOR.MINOR.PATCH (raise it for every upload of a changed package)
#   OUT_ZIP  default: artifacts/clinicbot-teams-VERSION.zip under the repository root
#
# Optional environment variables (the URLs must be https; placeholders are used, with a warning, when unset):
#   TEAMS_APP_ID        the Teams app's own id (a GUID); default: BOT_ID
#   TEAMS_WEBSITE_URL   the clinic's website                 default: https://example.org/clinicbot
#   TEAMS_PRIVACY_URL   the privacy statement for the bot    default: https://example.org/clinicbot/privacy
#   TEAMS_TERMS_URL     the terms of use for the bot         default: https://example.org/clinicbot/terms
#   TEAMS_VALID_DOMAIN  a host name for validDomains, e.g. the bot's public host; default: none (empty list)
set -euo pipefail

usage() {
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
}

fail() {
  echo "teams-package: $*" >&2
  exit 2
}

if [[ $# -lt 2 || $# -gt 3 || "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  usage
  exit 2
fi

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
template_dir="$repo_root/appPackage"

bot_id="$1"
version="$2"
out_zip="${3:-$repo_root/artifacts/clinicbot-teams-$version.zip}"

guid_re='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
version_re='^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$'
url_re='^https://[^[:space:]"\\<>]+$'
host_re='^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$'

[[ "$bot_id" =~ $guid_re ]] || fail "BOT_ID must be a GUID like 00000000-0000-0000-0000-000000000000 (got '$bot_id')"
[[ "$version" =~ $version_re ]] || fail "VERSION must be MAJOR.MINOR.PATCH, e.g. 1.0.0 (got '$version')"

app_id="${TEAMS_APP_ID:-$bot_id}"
[[ "$app_id" =~ $guid_re ]] || fail "TEAMS_APP_ID must be a GUID (got '$app_id')"

placeholders_used=()
url_setting() { # name default -> prints the value; records placeholder use
  local name="$1" default="$2" value="${!1:-}"
  if [[ -z "$value" ]]; then
    value="$default"
  fi
  [[ "$value" =~ $url_re ]] || fail "$name must be an https URL without spaces or quotes (got '$value')"
  printf '%s' "$value"
}
website_url="$(url_setting TEAMS_WEBSITE_URL https://example.org/clinicbot)"
privacy_url="$(url_setting TEAMS_PRIVACY_URL https://example.org/clinicbot/privacy)"
terms_url="$(url_setting TEAMS_TERMS_URL https://example.org/clinicbot/terms)"
for pair in "TEAMS_WEBSITE_URL=$website_url" "TEAMS_PRIVACY_URL=$privacy_url" "TEAMS_TERMS_URL=$terms_url"; do
  case "${pair#*=}" in
    https://example.org/*) placeholders_used+=("${pair%%=*}") ;;
  esac
done

valid_domain="${TEAMS_VALID_DOMAIN:-}"
if [[ -n "$valid_domain" && ! "$valid_domain" =~ $host_re ]]; then
  fail "TEAMS_VALID_DOMAIN must be a host name like clinicbot.example.net, without https:// or a path (got '$valid_domain')"
fi

for file in manifest.json color.png outline.png; do
  [[ -f "$template_dir/$file" ]] || fail "missing $template_dir/$file"
done

# Bash 5.2 would otherwise expand '&' in a replacement (a URL's query string) to the matched text.
shopt -u patsub_replacement 2>/dev/null || true
manifest="$(<"$template_dir/manifest.json")"
manifest="${manifest//'${{BOT_ID}}'/$bot_id}"
manifest="${manifest//'${{TEAMS_APP_ID}}'/$app_id}"
manifest="${manifest//'${{APP_VERSION}}'/$version}"
manifest="${manifest//'${{WEBSITE_URL}}'/$website_url}"
manifest="${manifest//'${{PRIVACY_URL}}'/$privacy_url}"
manifest="${manifest//'${{TERMS_URL}}'/$terms_url}"
if [[ -n "$valid_domain" ]]; then
  manifest="${manifest//'${{BOT_DOMAIN}}'/$valid_domain}"
else
  # No domain given: drop the entry so that validDomains is an empty list.
  manifest="$(printf '%s\n' "$manifest" | grep -v '"${{BOT_DOMAIN}}"')"
fi

if [[ "$manifest" == *'${{'* ]]; then
  leftover="$(printf '%s\n' "$manifest" | grep -o '\${{[A-Za-z_]*}}' | sort -u | tr '\n' ' ')"
  fail "the template has placeholders this script does not fill: $leftover"
fi

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
printf '%s\n' "$manifest" >"$staging/manifest.json"
cp "$template_dir/color.png" "$template_dir/outline.png" "$staging/"

if command -v python3 >/dev/null 2>&1; then
  python3 -m json.tool "$staging/manifest.json" >/dev/null || fail "the rendered manifest.json is not valid JSON"
fi

mkdir -p "$(dirname "$out_zip")"
out_zip="$(cd "$(dirname "$out_zip")" && pwd)/$(basename "$out_zip")"
rm -f "$out_zip"
if command -v zip >/dev/null 2>&1; then
  (cd "$staging" && zip -q -X "$out_zip" manifest.json color.png outline.png)
elif command -v python3 >/dev/null 2>&1; then
  (cd "$staging" && python3 -m zipfile -c "$out_zip" manifest.json color.png outline.png)
else
  fail "neither zip nor python3 is installed; install one of them (apt-get install zip)"
fi

for name in "${placeholders_used[@]}"; do
  echo "teams-package: WARNING: $name is not set; the manifest uses a placeholder URL (https://example.org/...). Set it to the clinic's real page before publishing." >&2
done
echo "$out_zip"
