"""Display names of outlets: wire/outlet tags as printed, well-known tags and web domains mapped.

An outlet is kept as printed ("CNN", "KRDO", "The Center Square"). The tables below only expand the
few abbreviations and web domains whose display name is general knowledge; anything else passes
through unchanged.
"""

from __future__ import annotations

from urllib.parse import urlsplit

# Wire-service and outlet tags that are abbreviations of a name readers know in full.
TAG_NAMES: dict[str, str] = {
    "AP": "Associated Press",
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

# Web domains (without "www.") of widely read news sites.
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
    "denverpost.com": "The Denver Post",
    "coloradosun.com": "The Colorado Sun",
    "cpr.org": "Colorado Public Radio",
    "thecentersquare.com": "The Center Square",
}


def outlet_name(printed: str | None) -> str | None:
    """The display name of an outlet tag or byline outlet: expanded if well known, else as printed."""
    if not printed:
        return None
    printed = " ".join(printed.split()).strip(" ,.;:")
    if not printed:
        return None
    return TAG_NAMES.get(printed.upper(), printed)


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


def is_known_outlet(name: str) -> bool:
    """True for a tag or display name in the tables above (used to tell outlets from people)."""
    key = " ".join(name.split()).upper()
    return key in TAG_NAMES or key in {v.upper() for v in TAG_NAMES.values()} \
        or key in {v.upper() for v in DOMAIN_NAMES.values()}
