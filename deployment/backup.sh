#!/usr/bin/env bash
# Backups of facilitator's PostgreSQL database (docs/deployment.md, "Backups"). Entries are children's words:
# a backup is encrypted before it touches the disk, kept no longer than the event's retention, and deleted
# when the event is purged.
#
#   backup.sh backup  [FILE]              encrypted dump (default /var/backups/facilitator/DATE.dump.gpg)
#   backup.sh restore FILE NEW_DATABASE   decrypts FILE into a new database, owned by the app's role
#
# The passphrase is read from BACKUP_PASSPHRASE_FILE (default /etc/facilitator/backup-passphrase, mode 0600,
# made by `backup.sh passphrase`), never from a command line. Keep a copy of it away from the machine: without
# it no backup can be read. PostgreSQL is reached as its own superuser (runuser -u postgres, when run as root)
# or with libpq's PGHOST/PGPORT/PGUSER; DATABASE names the database to back up (default facilitator).
set -euo pipefail
PASSPHRASE_FILE=${BACKUP_PASSPHRASE_FILE:-/etc/facilitator/backup-passphrase}
DATABASE=${DATABASE:-facilitator}
OWNER=${DATABASE_OWNER:-facilitator}
BACKUPS=${BACKUPS:-/var/backups/facilitator}

as_postgres() {
    if [ "$(id -u)" = 0 ] && [ -z "${PGHOST:-}" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
gpg_batch() {
    gpg --batch --quiet --no-tty --pinentry-mode loopback --passphrase-file "$PASSPHRASE_FILE" "$@"
}

case "${1:-}" in
passphrase)
    [ -e "$PASSPHRASE_FILE" ] && { echo "$PASSPHRASE_FILE exists already" >&2; exit 1; }
    (umask 077 && python3 -c 'import secrets; print(secrets.token_urlsafe(32))' >"$PASSPHRASE_FILE")
    echo "made $PASSPHRASE_FILE: copy it somewhere safe, off this machine"
    ;;
backup)
    file=${2:-$BACKUPS/$(date -u +%Y-%m-%d-%H%M).dump.gpg}
    # Straight from pg_dump into gpg: no clear copy is ever written; a failed dump fails the backup (pipefail).
    umask 077
    if ! as_postgres pg_dump -Fc "$DATABASE" | gpg_batch --symmetric --cipher-algo AES256 --output "$file"; then
        rm -f "$file"
        echo "backup failed" >&2
        exit 1
    fi
    echo "$file"
    ;;
restore)
    [ $# -eq 3 ] || { echo "usage: $0 restore FILE NEW_DATABASE" >&2; exit 2; }
    file=$2 target=$3
    as_postgres createdb -O "$OWNER" "$target"
    gpg_batch --decrypt "$file" | as_postgres pg_restore --no-owner --role="$OWNER" --exit-on-error -d "$target"
    echo "restored into $target: point DATABASE_URL at it and restart the app processes to use it"
    ;;
*)
    sed -n '2,14p' "$0" >&2
    exit 2
    ;;
esac
