#!/usr/bin/env python3
"""Writes Tests/Fixtures/hostile-catalog.json: a catalog the gateway must load and serve
verbatim, whose text tries every trick on a terminal (escape and OSC sequences, C0/C1
controls, bidi overrides, zero-width characters, combining-mark floods, 10k-character names,
huge descriptions) and whose numbers sit on the contract's bounds. Deterministic: run it again
and the file does not change. (Lone surrogates cannot be in a loadable file: JSON decoders
refuse them, so ReliabilityTests builds those variants itself.)"""
import json, os

ESC, BEL, ST = "\x1b", "\x07", "\x1b\\"
hostile = {
    "csi-colour": f"{ESC}[31;1mRED ALERT{ESC}[0m Skillet",
    "clear-screen": f"{ESC}[2J{ESC}[H{ESC}[3JCleared",
    "osc-title": f"{ESC}]0;pwned terminal title{BEL}Title Changer",
    "osc8-link": f"{ESC}]8;;https://evil.example/{ST}Click me{ESC}]8;;{ST}",
    "osc52-clipboard": f"{ESC}]52;c;cm0gLXJmIH4K{BEL}Clipboard Writer",
    "dcs": f"{ESC}P+q544e{ST}Device Query",
    "cursor-report": f"{ESC}[6n{ESC}[c{ESC}[>0cAnswerback",
    "c1-controls": "C1 \u0085next\u009b31mred\u009d0;title\u009c\u0090dcs\u009c end",
    "c0-controls": "Null\x00Bell\x07Back\x08\x08\x08space\rCarriage\x0bVT\x0cFF\x7fDEL",
    "bidi": "Invoice \u202eFDP.exe\u202c \u2066isolate\u2069 \u2067rtl\u2069 \u2068first\u2069 \u200fmark\u200e",
    "zero-width": "Zero\u200bwidth\u200cnon\u200djoiner\ufeffbom\u2060word\u00adsoft\u180emongolian",
    "zwj-emoji": "Family 👨\u200d👩\u200d👧\u200d👦 flag 🏳\ufe0f\u200d🌈 heart ❤\ufe0f skin 👍🏽",
    "combining-flood": "Z" + "\u0301\u0316\u0334" * 200 + "algo",
    "wide": "全角テキスト　ＷＩＤＥ　한국어 中文 𝕳𝖔𝖘𝖙𝖎𝖑𝖊 𝄞",
    "newlines": "Line one\nLine two\r\nLine three\u2028Line four\u2029Line five",
    "tabs": "Tab\there\t\t\tand there",
    "html-and-format": "<script>alert(1)</script> %s %n {{7*7}} ${jndi:ldap://x} '; DROP TABLE products;--",
}
categories = [
    {"id": "hostile", "name": f"{ESC}[5mBlinking{ESC}[0m Deals \u202eesrever\u202c"},
    {"id": "plain", "name": "Plain"},
]
products = []
def add(slug, name, description, price=1999, stock=10, rating=4.5, count=12, category="hostile"):
    n = len(products) + 1
    products.append({
        "id": f"h{n:03d}-{slug}", "code": f"HOST-{n:04d}", "name": name, "description": description,
        "category": category, "priceUsd": price, "stock": stock, "rating": rating, "ratingCount": count,
    })

for slug, text in hostile.items():
    add(slug, text, f"Description with the same trick: {text} … and then some ordinary words.")
add("ten-thousand-name", "N" + "ame " * 2499 + "end", "A name of 10,000 characters.")
add("ten-thousand-wide-name", "名" * 10000, "A name of 10,000 double-width characters.")
add("huge-description", "Huge Description",
    ("A description that goes on and on. " + f"{ESC}[1mbold{ESC}[0m " + "全角 " + "\u202e" + " ") * 6000)
add("max-price", "Priciest Thing (100,000,000 cents)", "At the contract's largest price.", price=100_000_000, stock=1_000_000)
add("free", "Free Thing", "Costs nothing.", price=0, stock=1_000_000, rating=0, count=0)
add("no-stock", "Sold Out Forever", "Never in stock.", stock=0)
add("last-one", "The Last One", "One unit.", stock=1, rating=5, count=100_000_000)
add("empty-description", "Empty Description", "", category="plain")
add("whitespace-name", " \t padded name \t ", "Leading and trailing whitespace.", category="plain")

path = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "hostile-catalog.json")
with open(path, "w", encoding="utf-8") as f:
    json.dump({"categories": categories, "products": products}, f, ensure_ascii=True, indent=1)
    f.write("\n")
print(f"{len(products)} products -> {os.path.normpath(path)}")
