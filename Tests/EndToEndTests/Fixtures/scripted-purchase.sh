#!/usr/bin/env bash
# A purchase the way a shell script makes one: no terminal, every answer read with jq.
#   scripted-purchase.sh SHOP [OPTION…]
# SHOP is the `shop` binary; the OPTIONs (e.g. --gateway URL) go before every subcommand.
# Searches "lamp", adds the first hit, checks out with the card on standard input, tracks the
# order, and prints the order's id. Exits non-zero at the first step that fails.
set -euo pipefail
shop=$1
shift

product=$("$shop" "$@" --json search lamp | jq -er '.result.items[0].product.id')
"$shop" "$@" --json cart add "$product" | jq -e --arg id "$product" 'any(.result.lines[]; .productID == $id)' >/dev/null
order=$(printf '4242 4242 4242 4242\n12/2030\n123\n' \
    | "$shop" "$@" --json checkout --email grace@example.com --name 'Grace Hopper' --line1 '1 Navy Way' \
        --city Arlington --region VA --postal-code 22201 --country US \
    | jq -er '.result.order.id')
"$shop" "$@" --json orders track "$order" | jq -e --arg id "$order" '.result.orderID == $id' >/dev/null
echo "$order"
