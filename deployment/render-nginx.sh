#!/bin/sh
# Fill in deployment/nginx.conf and print it:
#   render-nginx.sh SERVER_NAME CERTIFICATE KEY [HTTP_PORT HTTPS_PORT APP_PORT_1 APP_PORT_2]
# Ports default to 80, 443, 8001 and 8002. install.sh and tests/deploy/test_nginx_https.py both use it.
set -eu
[ $# -ge 3 ] || { echo "usage: $0 SERVER_NAME CERTIFICATE KEY [HTTP_PORT HTTPS_PORT APP_PORT_1 APP_PORT_2]" >&2; exit 2; }
server_name=$1 certificate=$2 key=$3
http_port=${4:-80} https_port=${5:-443} app_port_1=${6:-8001} app_port_2=${7:-8002}
https_port_suffix=""
[ "$https_port" = 443 ] || https_port_suffix=":$https_port"
sed -e "s|@SERVER_NAME@|$server_name|g" \
    -e "s|@TLS_CERTIFICATE@|$certificate|g" \
    -e "s|@TLS_KEY@|$key|g" \
    -e "s|@HTTP_PORT@|$http_port|g" \
    -e "s|@HTTPS_PORT_SUFFIX@|$https_port_suffix|g" \
    -e "s|@HTTPS_PORT@|$https_port|g" \
    -e "s|@APP_PORT_1@|$app_port_1|g" \
    -e "s|@APP_PORT_2@|$app_port_2|g" \
    "$(dirname "$0")/nginx.conf"
