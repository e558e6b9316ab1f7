#!/usr/bin/env bash
# Installs what the real-VS-Code integration tests need, and only what is missing:
#   - Debian packages: libkrb5-dev (headers for code-server's kerberos build), chromium (the
#     browser playwright-core drives), ripgrep (its rg stands in for @vscode/ripgrep's download);
#   - code-server@4.100.3 (VS Code 1.100.3, the last line that runs on Node 20) into the ignored
#     folder .cache/code-server/ of the repository, outside the project's own dependencies.
# Idempotent: when everything is there it prints one line and exits 0 within a second.
# On failure it exits non-zero with a one-line message saying what to install by hand.
#
# Environment:
#   CODE_SERVER_VERSION   version to install (default 4.100.3; must match codeServer.ts)
#   CODE_SERVER_DIR       install prefix (default <repo>/.cache/code-server)
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PREFIX="${CODE_SERVER_DIR:-$REPO_ROOT/.cache/code-server}"
MARKER="$PREFIX/.installed-$CODE_SERVER_VERSION"
APT_PACKAGES=(libkrb5-dev chromium ripgrep)

log() { echo "[setup-code-server] $*"; }
die() { echo "[setup-code-server] ERROR: $*" >&2; exit 1; }

started=$(date +%s)

# ---------------------------------------------------------------- Debian packages
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]]; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    SUDO=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    die "missing Debian packages and no root: run 'sudo apt-get install -y ${missing[*]}' by hand"
  fi
  # apt-get update once, only when the package lists don't know a missing package yet.
  need_update=0
  for p in "${missing[@]}"; do
    if ! apt-cache show "$p" >/dev/null 2>&1; then need_update=1; fi
  done
  if ((need_update)); then
    log "apt-get update (package lists don't know: ${missing[*]})"
    "${SUDO[@]}" apt-get update -qq ||
      die "apt-get update failed: run 'apt-get update && apt-get install -y ${missing[*]}' by hand"
  fi
  log "apt-get install -y ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    die "apt-get install failed: run 'apt-get install -y ${missing[*]}' by hand"
else
  log "Debian packages present: ${APT_PACKAGES[*]}"
fi
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium not found: run 'apt-get install -y chromium' by hand"
[[ -x /usr/bin/rg ]] || die "/usr/bin/rg not found: run 'apt-get install -y ripgrep' by hand"

# ---------------------------------------------------------------- code-server
CS_BIN="$PREFIX/node_modules/code-server/out/node/entry.js"
installed_version() {
  node -p "require('$PREFIX/node_modules/code-server/package.json').version" 2>/dev/null || true
}

if [[ -f "$MARKER" && -f "$CS_BIN" && "$(installed_version)" == "$CODE_SERVER_VERSION" ]]; then
  log "code-server@$CODE_SERVER_VERSION already installed in $PREFIX"
  exit 0
fi

command -v npm >/dev/null || die "npm not found: install Node 20 and npm by hand"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[[ "$node_major" == 20 ]] || log "warning: Node $node_major; code-server@$CODE_SERVER_VERSION is built for Node 20"

log "installing code-server@$CODE_SERVER_VERSION into $PREFIX (about 1.5 min, 300 MB)"
mkdir -p "$PREFIX"
rm -f "$PREFIX"/.installed-*
[[ -f "$PREFIX/package.json" ]] || echo '{ "name": "code-server-cache", "private": true }' >"$PREFIX/package.json"

# @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable here) unless its cache in
# $TMPDIR already holds the release tarball: give it a tarball of Debian's /usr/bin/rg.
# The names below are those of the @vscode/ripgrep that code-server 4.100.3 depends on; a few
# neighbouring versions are seeded too in case npm resolves another one.
RG_TMP="$PREFIX/tmp"
mkdir -p "$RG_TMP/rgsrc"
cp /usr/bin/rg "$RG_TMP/rgsrc/rg"
for cache in vscode-ripgrep-cache-1.15.9 vscode-ripgrep-cache-1.15.10 vscode-ripgrep-cache-1.15.11 vscode-ripgrep-cache-1.15.12; do
  mkdir -p "$RG_TMP/$cache"
  for rel in ripgrep-v13.0.0-10 ripgrep-v13.0.0-11 ripgrep-v13.0.0-13; do
    tar -czf "$RG_TMP/$cache/$rel-x86_64-unknown-linux-musl.tar.gz" -C "$RG_TMP/rgsrc" rg
  done
done

install_log="$PREFIX/install.log"
t0=$(date +%s)
# npm_config_yes: node-gyp is fetched through npx without a prompt; --unsafe-perm: as root,
# code-server's postinstall refuses to run otherwise.
# (--unsafe-perm=true, not a bare flag: npm 11 would take the next word as its value.)
if ! (cd "$PREFIX" && TMPDIR="$RG_TMP" npm_config_yes=true npm_config_unsafe_perm=true \
  npm install --unsafe-perm=true --no-audit --no-fund --prefix "$PREFIX" \
  "code-server@$CODE_SERVER_VERSION") >"$install_log" 2>&1; then
  tail -n 30 "$install_log" >&2
  die "npm install code-server@$CODE_SERVER_VERSION failed (log: $install_log): install it by hand with 'npm_config_yes=true npm install --prefix $PREFIX --unsafe-perm=true code-server@$CODE_SERVER_VERSION'"
fi
t1=$(date +%s)

[[ -f "$CS_BIN" ]] || die "code-server entry $CS_BIN missing after install (log: $install_log): reinstall code-server@$CODE_SERVER_VERSION by hand"
# code-server's postinstall (npm install in lib/vscode, then the node_modules.asar link) must
# have run: npm 11 warns that install scripts are "not yet covered by allowScripts" but still
# runs them today; a future npm that skips them would leave a server that cannot start.
[[ -L "$PREFIX/node_modules/code-server/lib/vscode/node_modules.asar" ]] ||
  die "code-server's postinstall did not run (log: $install_log): run 'npm_config_yes=true npm install --prefix $PREFIX --unsafe-perm=true --foreground-scripts code-server@$CODE_SERVER_VERSION' by hand"
[[ -f "$PREFIX/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]] ||
  log "warning: @vscode/ripgrep has no rg binary (search in files won't work); see $install_log"
# Even --version writes a config file under $XDG_CONFIG_HOME: point it into the scratch folder.
version_out=$(HOME="$RG_TMP" XDG_CONFIG_HOME="$RG_TMP/config" XDG_DATA_HOME="$RG_TMP/data" \
  XDG_CACHE_HOME="$RG_TMP/cache" node "$CS_BIN" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+' | head -n 1) ||
  die "code-server does not start (node $CS_BIN --version): see $install_log, reinstall code-server@$CODE_SERVER_VERSION by hand"
touch "$MARKER"
rm -rf "$RG_TMP"
log "installed code-server $version_out in $((t1 - t0)) s (total $(($(date +%s) - started)) s)"
