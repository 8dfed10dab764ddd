#!/usr/bin/env bash
# Installs what the real-editor tests need, idempotently (a second run only checks):
#   - Debian packages: chromium (headless browser for code-server), neovim (0.7.2), ripgrep, and libkrb5-dev +
#     pkg-config (code-server's native kerberos module), pandoc (the Pandoc round trip of the bibliography tests), strace (the test that the server opens no socket and runs nothing);
#   - code-server 4.100.3 (VS Code 1.100.3, the last release for Node 20) into a tools folder of its own OUTSIDE the
#     repository: ${GROUNDED_TOOLS:-$HOME/.cache/grounded-tools}, reused when the installed version matches. (It is not a
#     project dependency: `npm ci` stays fast. playwright-core, which drives Chromium, is a devDependency: it downloads
#     no browser.)
# code-server's dependency @vscode/ripgrep downloads rg from GitHub at install time, which this machine cannot reach:
# its download cache is seeded with Debian's rg (the same 13.0.0) first. See shared/docs/real-editor-testing.md.
#
# Prints the tools folder on its last line. Usage: scripts/real-editors/install-tools.sh [--apt-only|--node-only]
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
RIPGREP_CACHE=vscode-ripgrep-cache-1.15.11
RIPGREP_ARCHIVE=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
APT_PACKAGES=(chromium neovim ripgrep libkrb5-dev pkg-config pandoc strace)
TOOLS="${GROUNDED_TOOLS:-$HOME/.cache/grounded-tools}"
mode="${1:-all}"

tmp=""
trap 'if [ -n "$tmp" ]; then rm -rf "$tmp"; fi' EXIT

log() { printf 'install-tools: %s\n' "$*" >&2; }

install_apt() {
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    log "Debian packages present: ${APT_PACKAGES[*]}"
    return
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "need root (or sudo) to install: ${missing[*]}"; exit 1; }
    sudo=(sudo)
  fi
  log "installing Debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

installed_version() { # package folder → version, or nothing
  node -e 'try { process.stdout.write(require(process.argv[1] + "/package.json").version) } catch {}' "$1"
}

install_node_tools() {
  local cs_version
  cs_version="$(installed_version "$TOOLS/node_modules/code-server")"
  if [ "$cs_version" = "$CODE_SERVER_VERSION" ] && [ -x "$TOOLS/node_modules/.bin/code-server" ] &&
    [ -d "$TOOLS/node_modules/code-server/lib/vscode/node_modules" ]; then
    log "code-server $cs_version present in $TOOLS"
    return
  fi
  log "installing code-server@$CODE_SERVER_VERSION into $TOOLS (about a minute: some native modules compile)"
  command -v rg >/dev/null || { log "ripgrep (rg) is missing; run without --node-only first"; exit 1; }
  mkdir -p "$TOOLS"
  tmp="$(mktemp -d)"
  mkdir -p "$tmp/rgstage" "$tmp/$RIPGREP_CACHE"
  cp "$(command -v rg)" "$tmp/rgstage/rg"
  tar czf "$tmp/$RIPGREP_CACHE/$RIPGREP_ARCHIVE" -C "$tmp/rgstage" rg
  [ -f "$TOOLS/package.json" ] || printf '{ "name": "grounded-tools", "private": true }\n' >"$TOOLS/package.json"
  # npm_config_yes: node-pty's install runs `npx node-gyp`. TMPDIR: where @vscode/ripgrep looks for its cache.
  (cd "$TOOLS" && TMPDIR="$tmp" npm_config_yes=true npm install --no-audit --no-fund --no-save --unsafe-perm \
    --loglevel=error "code-server@$CODE_SERVER_VERSION" >"$tmp/npm.log" 2>&1) || {
    tail -n 60 "$tmp/npm.log" >&2
    log "npm install failed"
    exit 1
  }
  [ "$(installed_version "$TOOLS/node_modules/code-server")" = "$CODE_SERVER_VERSION" ] || { log "code-server did not install"; exit 1; }
}

case "$mode" in
  all) install_apt; install_node_tools ;;
  --apt-only) install_apt ;;
  --node-only) install_node_tools ;;
  *) log "unknown option $mode"; exit 2 ;;
esac
echo "$TOOLS"
