"""Small realistic inputs for the ingest tests, written for the tests (invented stories)."""

from __future__ import annotations

import pytest

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>City council approves transit budget | The Springfield Ledger</title>
<meta property="og:title" content="City council approves transit budget">
<meta property="og:site_name" content="The Springfield Ledger">
<meta name="author" content="Jane Doe; Carlos Vega">
<meta property="article:published_time" content="2024-03-14T09:30:00-05:00">
<link rel="canonical" href="https://www.springfieldledger.example/news/2024/03/14/transit-budget">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sports">Sports</a></nav>
<article>
<h1>City council approves transit budget</h1>
<p class="byline">By Jane Doe and Carlos Vega</p>
<p>SPRINGFIELD — The city council voted 7-2 on Wednesday to approve a $48 million transit budget
that expands bus service to three neighborhoods that have gone without it for a decade.</p>
<p>“This is the most significant investment in public transit this city has made in a
generation,” council member Maria Lopez said after the vote.</p>
<p>Opponents argued the plan relies on optimistic ridership projections. Council member Tom Reed
said the city should wait for a state audit of the transit agency before committing new money.</p>
<p>The budget takes effect July 1. The transit agency said new routes would begin running in the
fall, and that it would hire 40 new drivers.</p>
</article>
<footer>© 2024 The Springfield Ledger. All rights reserved.</footer>
</body></html>
"""

RSS_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Valley Courier - Local News</title>
  <link>https://valleycourier.example/</link>
  <description>Local news</description>
  <item>
    <title>Reservoir levels hit 20-year low</title>
    <link>https://valleycourier.example/2025/08/02/reservoir</link>
    <dc:creator>Ines Alvarez</dc:creator>
    <pubDate>Sat, 02 Aug 2025 21:30:00 -0600</pubDate>
    <description>Short summary only.</description>
    <content:encoded><![CDATA[<p>ALAMOSA — Water in the valley's main reservoir fell to its lowest level in 20 years this week,
    the irrigation district said Friday.</p><p>Farmers have been asked to cut use by a quarter.</p>]]></content:encoded>
  </item>
  <item>
    <title>County fair opens with record crowds</title>
    <link>https://valleycourier.example/2025/08/01/fair</link>
    <pubDate>Fri, 01 Aug 2025 08:00:00 -0600</pubDate>
    <description>&lt;p&gt;The county fair opened Thursday with more than 12,000 visitors, organizers said.&lt;/p&gt;</description>
  </item>
</channel></rss>
"""

ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbor Report</title>
  <id>urn:uuid:60a76c80-d399-11d9-b91C-0003939e0af6</id>
  <updated>2025-03-10T18:30:02Z</updated>
  <entry>
    <title>Port strike ends after 12 days</title>
    <link href="https://www.reuters.com/world/port-strike-ends-2025-03-10/"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <published>2025-03-10T09:15:00-05:00</published>
    <author><name>Lena Park</name></author>
    <content type="html">&lt;p&gt;Dock workers returned to work on Monday after a 12-day strike that idled
    ports along the coast.&lt;/p&gt;&lt;p&gt;The new contract raises wages 20% over six years.&lt;/p&gt;</content>
  </entry>
</feed>
"""


@pytest.fixture()
def write(tmp_path):
    """write(name, text_or_bytes) → path string of a new file under tmp_path."""

    def _write(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return str(path)

    return _write
