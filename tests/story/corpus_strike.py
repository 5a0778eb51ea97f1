"""An invented multi-outlet story: a strike at an invented carmaker ends in a deal, told by four
outlets (three dated, one undated). Every name, place and number is invented. The same happening is
told with different words across outlets ("reached a tentative deal" / "struck an agreement";
"signed" / "the signing" / "inked"; "walked out" / "the walkout began"), with organization speakers
("the company said in a statement", "a union spokeswoman, Marta Quell, said"), pronoun speakers and
split quotes.

Happenings (the key for the tests): the strike began (Monday 2026-05-04); talks resumed (Wednesday
2026-05-13); a tentative deal reached (late Thursday 2026-05-14); members ratified it (Saturday
2026-05-16); the contract signed (Monday 2026-05-18); workers back on the lines (Tuesday 2026-05-19).
"""

from __future__ import annotations

STRIKE_1 = """ date 2026-05-15 Norvik Motors and union reach tentative deal to end strike

By Hanna Lobell

BRENNICK (Ledger Daily) — Norvik Motors and the Assembly Workers Union reached a tentative agreement
late on Thursday to end a strike that has shut the carmaker's Brennick plant for ten days.

About 6,400 workers walked out on May 4 after talks on pay and shift rules broke down. Negotiators
returned to the table on Wednesday with a mediator, Oskar Fenn.

"This is a fair deal for our people and for the plant," Norvik chief executive Helena Brandt said.
She said production could restart within a week if members approve it.

A union spokeswoman, Marta Quell, said the agreement raised wages by 11 percent over three years.
"We fought hard," Quell said, "and we won."

The company said in a statement that the strike had cost it about 9,000 vehicles. "Production will
resume as soon as the agreement is ratified," the statement said.
"""

STRIKE_2 = """ date 2026-05-17 Norvik workers vote to accept new contract

By Rafael Dunmore

BRENNICK (Northern Courier) — Striking workers at Norvik Motors voted on Saturday to ratify the
agreement that the union struck with the carmaker two days earlier, the Assembly Workers Union said.

Seventy-one percent of members backed the four-year contract in the ballot, the union said.

"Our members have spoken," union president Erik Solvang said after the count. "Now the company has to
keep its word." He said the union would watch the new shift rules closely.

Solvang thanked the members who had stood on the picket lines. "You held the line," he told them.

Norvik said it welcomed the result. Its shares rose 4 percent on Friday as investors bet on a quick
return to production.

The walkout, the longest at the plant since 2011, began on May 4.
"""

STRIKE_3 = """ date 2026-05-18 Norvik and union sign four-year contract

By Leena Marsh

BRENNICK (Business Standard Review) — Norvik Motors and the Assembly Workers Union signed a four-year
labour contract on Monday, formally ending a two-week strike at the Brennick plant.

At the signing, held at the plant's training centre, chief executive Helena Brandt shook hands with
union president Erik Solvang. "Today we start again," Brandt said. "Together."

The deal raises pay by 11 percent over three years and limits weekend shifts, the company said.
Solvang, Brandt and the mediator, Oskar Fenn, signed the document, it said.

Workers will return to the assembly lines on Tuesday, a company spokesman, Tobias Wren, said. A union
spokeswoman, Marta Quell, said: "This contract protects weekends."
"""

STRIKE_4 = """Norvik strike ends after union members back deal

By Clara Ventris

Norvik Motors and its biggest union inked a new contract on Monday, ending the walkout that began on
May 4 at the Brennick plant.

The strike started after talks broke down over pay and weekend shifts. Union members ratified the
deal on Saturday, two days after negotiators struck a tentative agreement.

Union president Erik Solvang called the result "a win for every family in Brennick." He said members
had shown patience through two weeks without pay.

"It was the hardest two weeks of my life," said Dana Holt, a welder who joined the walkout on its first
day.

Analysts said the stoppage cost the company about 9,000 vehicles. Production resumes on Tuesday.
"""

FILES = {"01_ledger-daily.txt": STRIKE_1, "02_northern-courier.txt": STRIKE_2,
         "03_business-standard-review.txt": STRIKE_3, "04_westbrook-times.txt": STRIKE_4}
