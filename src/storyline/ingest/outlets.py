"""Display names of outlets: wire/outlet tags as printed, well-known tags and web domains mapped.

An outlet is kept as printed ("CNN", "KVXT", "The Harbor Ledger"). The tables below only expand the
few abbreviations and web domains whose display name is general knowledge; anything else passes
through unchanged.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from storyline.lexicon.en.names import MINOR_WORDS
from storyline.lexicon.en.press import OUTLET_WORDS

# Wire-service tags printed in capitals or with a corporate prefix, and the name the service itself
# uses. A short form the service prints as its own brand ("AP", "AFP", "UPI") stays as printed.
TAG_NAMES: dict[str, str] = {
    "THE ASSOCIATED PRESS": "Associated Press",
    "ASSOCIATED PRESS": "Associated Press",
    "AFP": "AFP",
    "UPI": "UPI",
    "REUTERS": "Reuters",
    "THOMSON REUTERS": "Reuters",
    "BLOOMBERG": "Bloomberg",
    "NYT": "The New York Times",
    "WAPO": "The Washington Post",
}

# Web domains (without "www.") of widely read national and international news sites (general
# knowledge; regional sites are named from the page's own og:site_name / publisher instead).
DOMAIN_NAMES: dict[str, str] = {
    "apnews.com": "Associated Press",
    "reuters.com": "Reuters",
    "cnn.com": "CNN",
    "edition.cnn.com": "CNN",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "bbc.com": "BBC",
    "bbc.co.uk": "BBC",
    "theguardian.com": "The Guardian",
    "npr.org": "NPR",
    "foxnews.com": "Fox News",
    "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News",
    "politico.com": "Politico",
    "axios.com": "Axios",
    "bloomberg.com": "Bloomberg",
    "usatoday.com": "USA Today",
    "latimes.com": "Los Angeles Times",
    "thehill.com": "The Hill",
    "aljazeera.com": "Al Jazeera",
}


def outlet_name(printed: str | None) -> str | None:
    """The display name of an outlet tag or byline outlet: expanded if well known, else as printed."""
    if not printed:
        return None
    printed = " ".join(printed.split()).strip(" ,.;:")
    if not printed:
        return None
    return TAG_NAMES.get(printed.upper(), printed)


# Short and long forms of one outlet, for telling whether two printed names are the same outlet.
SAME_OUTLET: dict[str, str] = {"AP": "ASSOCIATED PRESS", "NYT": "THE NEW YORK TIMES",
                               "WAPO": "THE WASHINGTON POST"}


def outlet_key(name: str | None) -> str:
    """A comparison key for an outlet name: "AP", "The Associated Press" and "ASSOCIATED PRESS" are
    one outlet."""
    key = " ".join((name or "").split()).upper().strip(" ,.;:")
    key = TAG_NAMES.get(key, key).upper()
    key = SAME_OUTLET.get(key, key)
    return key.removeprefix("THE ")


def domain_of(url: str | None) -> str | None:
    """The host of a URL without a leading "www." (None for anything that is not an http(s) URL)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    return host.removeprefix("www.") or None


def outlet_from_url(url: str | None) -> str | None:
    """The display name of a well-known news domain (subdomains included), else None."""
    host = domain_of(url)
    while host and "." in host:
        if host in DOMAIN_NAMES:
            return DOMAIN_NAMES[host]
        host = host.split(".", 1)[1]
    return None


def outlet_from_domain(url: str | None) -> str | None:
    """A name made from the URL's registrable domain when nothing else names the outlet:
    ``https://www.axios.com/…`` → "Axios", ``https://dw.com/…`` → "DW" (short labels are
    acronyms). Hosts that are IP addresses or ``localhost`` give nothing."""
    host = domain_of(url)
    if not host or "." not in host or re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", host):
        return None
    labels = host.split(".")
    # the label before the public suffix: "news.example.co.uk" → "example"
    k = -3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVEL else -2
    label = labels[k] if len(labels) >= -k else labels[0]
    if not label or not label.replace("-", "").isalnum():
        return None
    return label.upper() if len(label) <= 3 else label[:1].upper() + label[1:]


# Second-level labels under two-letter country codes ("co.uk", "com.au"): the name is one further left.
SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go"}

_KNOWN = (set(TAG_NAMES) | {v.upper() for v in TAG_NAMES.values()}
          | {v.upper() for v in DOMAIN_NAMES.values()}
          | set(SAME_OUTLET) | {"AFP", "UPI"})


def is_known_outlet(name: str) -> bool:
    """True for a tag or display name in the tables above (used to tell outlets from people)."""
    return " ".join(name.split()).upper() in _KNOWN


def is_known_or_call_sign(part: str) -> bool:
    """A known outlet, or an all-caps call sign or acronym (CNN, KRDO, WBAL-TV)."""
    return is_known_outlet(part) or re.fullmatch(r"[A-Z0-9][A-Z0-9&.-]{1,9}", part) is not None


def looks_like_outlet(part: str) -> bool:
    """A printed outlet name: a known one, an all-caps call sign/acronym, or a "The ..." / "... News"
    style title-case name."""
    part = re.sub(r"\s+(?i:staff(?:\s+reports?)?)$", "", part.strip())
    part = re.sub(r"^the\s+", "The ", part)
    if not part or len(part.split()) > 6:
        return False
    if is_known_outlet(part) or is_known_outlet(re.sub(r"^The\s+", "", part)):
        return True
    if re.fullmatch(r"[A-Z0-9][A-Z0-9&.]{1,9}(?:-[A-Z0-9]{1,4})?(?:\s+[A-Z0-9]{1,4})?", part):
        return True  # CNN, KRDO, WBAL-TV, NBC 5
    if re.fullmatch(r"[A-Z][A-Z0-9]{1,4}(?:\s+[A-Z][a-z]+){1,2}", part):
        return True  # a network and a region: CBS Colorado, NBC Bay Area
    words = part.split()
    titled = all(w[:1].isupper() or w[:1].isdigit() or w.lower() in MINOR_WORDS for w in words)
    if not titled:
        return False
    # "The Center Square", or a name ending in a newspaper/broadcast word ("Valley Courier", "CBS News")
    return part.startswith("The ") or (len(words) >= 2 and words[-1].lower().strip(".,") in OUTLET_WORDS)
