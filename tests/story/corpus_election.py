"""An invented multi-outlet story: a disputed count in a city's mayoral election, four outlets.

Every name, place, figure and sentence is invented for the conflict probe
(tests/story/test_generalization_claims.py). Built in:

real conflicts (one outlet differs, same day or about the same fact)
  * the winning margin: 1,214 votes vs 2,140 votes;
  * the number of precincts: 312 vs 321;
  * the mayor's age on the same day: 58 vs 61;
  * what the recount would cost: about $450,000 vs $740,000;
  * the day the challenger filed for a recount: Friday March 13 vs March 12;
apparent ones (must not be flagged as conflicts)
  * turnout 47.6 percent vs "about 48 percent" vs 48 percent (rounding);
  * vote share 52.1 percent vs 52 percent (rounding);
  * 101,480 ballots in all vs 62,730 cast in person and 38,750 by mail (a total and its parts);
  * 14 complaints as of Thursday vs 23 by Friday (a count that grew between reports);
  * the board's budget of $3.2 million vs $3.2m (one figure written two ways).
"""

from __future__ import annotations

ARTICLES: dict[str, tuple[str, str, str]] = {
    # file stem: (outlet, publication date, text)
    "01_northline": ("Northline Wire", "2026-03-12", """Krovac edges Menvel in Port Callen mayoral count

PORT CALLEN — Mayor Anneliese Krovac has won a second term by 1,214 votes, the Port Callen \
election board said on Thursday after two days of counting mail ballots.
Krovac, 58, received 52.1 percent of the vote against 47.9 percent for city councilman Dario Menvel. \
Turnout was 47.6 percent of the city's 213,000 registered voters, the board said.
Board chair Helga Straum said ballots from all 312 precincts had been counted and that the board \
would certify the result next week.
Menvel did not concede. As of Thursday, his campaign had filed 14 complaints about long lines and \
broken scanners, and it said it would ask for a recount. A full recount would cost the city about \
$450,000, Straum said.
"Every valid ballot has been counted once, and it will be counted again if the law requires it," \
Straum told reporters.
"""),
    "02_harbor": ("The Harbor Courier", "2026-03-12", """Port Callen mayor claims victory as challenger weighs recount

Mayor Anneliese Krovac declared victory on Thursday in a race decided by 2,140 votes, according to \
the unofficial count released by the city's election board.
The 61-year-old mayor won 52 percent of the vote. Dario Menvel, a two-term councilman, said the \
margin was narrow enough to justify a hand recount. About 48 percent of registered voters cast a \
ballot.
Election board chair Helga Straum said results from the city's 321 precincts were complete. A \
total of 101,480 ballots were cast, including 38,750 mail ballots. The board runs the election on \
a budget of $3.2 million a year.
"We will ask for a recount of every precinct," Menvel said at a news conference outside City Hall.
"""),
    "03_ledger": ("Metro Ledger", "2026-03-13", """Menvel files for recount in Port Callen mayoral race

Councilman Dario Menvel on Friday asked for a full recount of the Port Callen mayoral election, \
which official results show he lost to Mayor Anneliese Krovac by 1,214 votes.
Menvel filed the request with the election board on Friday, March 13, a day after Krovac, 58, \
declared victory. The request lists 23 complaints from voters and poll workers.
Of the 101,480 ballots cast, 62,730 were cast in person on election day, the board said.
Board chair Helga Straum said a recount of all 312 precincts would take about two weeks and would \
cost the city $740,000. The board, which has a $3.2m annual budget, said it would hire temporary \
staff for the work.
"A recount is the only way to restore trust in this result," Menvel said.
"""),
    "04_dispatch": ("Capital Dispatch", "2026-03-13", """Recount request puts Port Callen result on hold

The Port Callen election board said on Friday it had received a request for a full recount of \
Tuesday's mayoral election from councilman Dario Menvel, who trails Mayor Anneliese Krovac by \
1,214 votes.
Menvel filed the request on March 12, according to a copy of the filing seen by the Dispatch. \
Turnout in the election was 48 percent.
Krovac won 52.1 percent of the vote, the board said. Helga Straum, who chairs the board, said \
the recount would start on Monday and cover every precinct. Under city rules, any candidate may \
ask for a recount when the margin is below one percent of the votes cast, and the candidate who \
asks pays a deposit.
"We respect the right of any candidate to ask for a recount," Krovac said in a statement.
"""),
}
