#!/bin/sh
# Install facilitator on Debian 12 as docs/deployment.md describes: run as root from a checkout of the app,
#     deployment/install.sh roundtable.example.org /etc/ssl/certs/roundtable.pem /etc/ssl/private/roundtable.key
# Idempotent: a second run keeps the secret key and the database password, and updates the code and the units.
# Without systemd (a container) it installs everything and says which units it could not start.
set -eu
[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }
[ $# -eq 3 ] || { echo "usage: $0 SERVER_NAME TLS_CERTIFICATE TLS_KEY" >&2; exit 2; }
SERVER_NAME=$1 TLS_CERTIFICATE=$2 TLS_KEY=$3
SOURCE=$(cd "$(dirname "$0")/.." && pwd)
APP_DIR=/opt/facilitator
ENV_DIR=/etc/facilitator
BACKUPS=/var/backups/facilitator
PORTS="8001 8002"
# Debian's own Python (python3-venv serves it), whatever else is first on root's PATH (a pyenv under /root,
# which the service user could not even enter).
PYTHON=/usr/bin/python3
umask 022

echo "== packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq python3 python3-venv postgresql redis-server nginx-light openssl gnupg rsync >/dev/null

echo "== the service user and its folders"
id facilitator >/dev/null 2>&1 || useradd --system --home-dir "$APP_DIR" --shell /usr/sbin/nologin facilitator
install -d -m 0755 -o root -g root "$APP_DIR"
install -d -m 0750 -o root -g facilitator "$ENV_DIR"
install -d -m 0700 -o root -g root "$BACKUPS"
# The code belongs to root (the service cannot change it); instance/ (compiled translations) to the service.
if [ "$SOURCE" != "$APP_DIR" ]; then
    rsync -a --delete --exclude .git --exclude .venv --exclude instance --exclude test-artifacts "$SOURCE/" "$APP_DIR/"
fi
chown -R root:root "$APP_DIR"
install -d -m 0700 -o facilitator -g facilitator "$APP_DIR/instance"
"$PYTHON" -m venv "$APP_DIR/.venv"
"$APP_DIR/.venv/bin/pip" install -q --upgrade pip
"$APP_DIR/.venv/bin/pip" install -q -e "$APP_DIR"   # editable: templates/ and static/ are read from the checkout
install -m 0755 "$APP_DIR/deployment/facilitator-admin" /usr/local/sbin/facilitator-admin

echo "== PostgreSQL: a role with a password, and its database"
if [ ! -s "$ENV_DIR/env" ]; then
    DB_PASSWORD=$("$PYTHON" -c 'import secrets; print(secrets.token_hex(24))')
    SECRET_KEY=$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(48))')
    # Written through a file created 0640 first: no secret ever appears on a command line.
    install -m 0640 -o root -g facilitator /dev/null "$ENV_DIR/env"
    cat >"$ENV_DIR/env" <<SETTINGS
# facilitator's settings (docs/deployment.md, README's Configuration). Read by systemd and facilitator-admin.
FACILITATOR_ENV=production
SECRET_KEY=$SECRET_KEY
DATABASE_URL=postgresql://facilitator:$DB_PASSWORD@127.0.0.1:5432/facilitator
SOCKETIO_MESSAGE_QUEUE=redis://127.0.0.1:6379/0
RATE_LIMIT_REDIS_URL=redis://127.0.0.1:6379/1
PROXY_FIX=1
TRUSTED_HOSTS=$SERVER_NAME,127.0.0.1
PUBLIC_URL=https://$SERVER_NAME
SETTINGS
fi
DB_PASSWORD=$(sed -n 's|^DATABASE_URL=postgresql://facilitator:\([^@]*\)@.*|\1|p' "$ENV_DIR/env")
# The password goes to psql on its standard input (this here-document), never on a command line.
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 >/dev/null <<SQL
SELECT 'CREATE ROLE facilitator LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'facilitator')\gexec
ALTER ROLE facilitator LOGIN PASSWORD '$DB_PASSWORD';
SELECT 'CREATE DATABASE facilitator OWNER facilitator' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'facilitator')\gexec
SQL
facilitator-admin init-db

echo "== systemd units"
for unit in facilitator@.service facilitator-migrate.service facilitator-purge.service facilitator-purge.timer; do
    install -m 0644 "$APP_DIR/deployment/$unit" "/etc/systemd/system/$unit"
done

echo "== nginx"
"$APP_DIR/deployment/render-nginx.sh" "$SERVER_NAME" "$TLS_CERTIFICATE" "$TLS_KEY" >/etc/nginx/sites-available/facilitator
ln -sf /etc/nginx/sites-available/facilitator /etc/nginx/sites-enabled/facilitator
rm -f /etc/nginx/sites-enabled/default      # else every request gets "Welcome to nginx!"
nginx -t

if [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    systemctl enable --now redis-server postgresql
    units=""
    for port in $PORTS; do units="$units facilitator@$port"; done
    systemctl enable facilitator-purge.timer $units
    systemctl restart $units
    systemctl start facilitator-purge.timer
    systemctl reload-or-restart nginx
    echo "== running: $units, facilitator-purge.timer, nginx"
else
    echo "== no systemd here: units installed but not started (start gunicorn and nginx by hand, docs/deployment.md)"
fi
echo "Next: facilitator-admin create-staff YOU@example.org --role facilitator"
