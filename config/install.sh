#!/usr/bin/env bash
# Installs watchfloor as a system service, the way Debian packages of Java servers lay themselves out:
#   /opt/watchfloor/lib/watchfloor.jar, /opt/watchfloor/bin/watchfloor   the program (replaced on upgrade)
#   /etc/watchfloor/                                                     config, rules, templates (never overwritten:
#                                                                        a newer shipped version is put beside as .new)
#   /etc/default/watchfloor                                              JAVA_OPTS and environment (kept)
#   /var/lib/watchfloor/                                                 database, outbox, inbox/ (articles to watch)
#   /var/log/watchfloor/                                                 log directory (logs go to the journal)
#   /etc/systemd/system/watchfloor.service                               the unit
#
# Usage (as root, from the project folder, after `mvn -B package`):  config/install.sh
# DESTDIR=/some/root installs under that root instead (packaging, tests); it skips the user and systemctl steps.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${DESTDIR:-}"
jar="$here/target/watchfloor.jar"
[ -f "$jar" ] || { echo "install.sh: $jar not found; run 'mvn -B package' first" >&2; exit 2; }

# Copies a file unless an admin's copy is there; then the shipped one goes beside it as NAME.new.
keep() {
  local src="$1" dst="$2"
  if [ -e "$dst" ]; then
    if ! cmp -s "$src" "$dst"; then
      cp "$src" "$dst.new"
      echo "kept $dst (shipped version in $dst.new)"
    fi
  else
    install -D -m 0644 "$src" "$dst"
  fi
}

install -d "$dest/opt/watchfloor/bin" "$dest/opt/watchfloor/lib" "$dest/etc/watchfloor" \
  "$dest/var/lib/watchfloor/inbox" "$dest/var/log/watchfloor" "$dest/etc/systemd/system" "$dest/etc/default"
install -m 0644 "$jar" "$dest/opt/watchfloor/lib/watchfloor.jar"
install -m 0644 "$here/README.md" "$dest/opt/watchfloor/README.md"
cat > "$dest/opt/watchfloor/bin/watchfloor" <<'LAUNCHER'
#!/bin/sh
# watchfloor, as installed: settings in /etc/default/watchfloor (JAVA_OPTS).
exec java ${JAVA_OPTS:-} -Dlogback.configurationFile="${LOGBACK:-/etc/watchfloor/logback.xml}" \
  -jar /opt/watchfloor/lib/watchfloor.jar "$@"
LAUNCHER
chmod 0755 "$dest/opt/watchfloor/bin/watchfloor"

# The service's config: the shipped one with the service's paths.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
sed -e 's#^dataDir: var$#dataDir: /var/lib/watchfloor#' \
    -e 's#^rulesDir: rules$#rulesDir: /etc/watchfloor/rules#' \
    -e 's#^  templates: config/templates$#  templates: /etc/watchfloor/templates#' \
    -e 's#^    - seeds$#    - /var/lib/watchfloor/inbox#' \
    "$here/config/watchfloor.yaml" > "$tmp/watchfloor.yaml"
keep "$tmp/watchfloor.yaml" "$dest/etc/watchfloor/watchfloor.yaml"
for f in logback.xml logback-json.xml logback-file.xml; do keep "$here/config/$f" "$dest/etc/watchfloor/$f"; done
(cd "$here/rules" && find . -type f) | while read -r f; do keep "$here/rules/$f" "$dest/etc/watchfloor/rules/$f"; done
(cd "$here/config/templates" && find . -type f) | while read -r f; do
  keep "$here/config/templates/$f" "$dest/etc/watchfloor/templates/$f"
done
printf '# Environment of the watchfloor service.\n# The dependency parser'"'"'s models take about 350 MB of heap (with extract.parser: none, -Xmx512m is enough).\nJAVA_OPTS="-Xmx1g"\n# WATCHFLOOR_SMTP_PASSWORD=...\n# Logs: the journal (default); JSON lines: LOGBACK=/etc/watchfloor/logback-json.xml; rolling files in\n# /var/log/watchfloor: LOGBACK=/etc/watchfloor/logback-file.xml\n' \
  > "$tmp/default"
keep "$tmp/default" "$dest/etc/default/watchfloor"
install -m 0644 "$here/config/watchfloor.service" "$dest/etc/systemd/system/watchfloor.service"

if [ -z "$dest" ]; then
  id watchfloor >/dev/null 2>&1 || useradd --system --home-dir /var/lib/watchfloor --shell /usr/sbin/nologin watchfloor
  chown -R watchfloor:watchfloor /var/lib/watchfloor /var/log/watchfloor
  chmod 0640 /etc/default/watchfloor
  systemctl daemon-reload
  echo "installed; start with: systemctl enable --now watchfloor"
else
  echo "installed under $dest"
fi
