"""An invented multi-outlet story: a children's fever syrup recalled after a bacterial outbreak,
four outlets over five days.

Every name, place, figure and sentence is invented for the conflict probe
(tests/story/test_generalization_claims.py). Built in:

real conflicts (one outlet differs about the same fact on the same day)
  * deaths: three children vs five;
  * the day the recall began: June 4 vs June 6;
  * lots recalled: 14 vs 41;
  * the named patient's age: 7 vs 9;
  * bottles recalled on the same day: about 220,000 vs 150,000;
apparent ones (must not be flagged as conflicts)
  * confirmed cases: 38 as of Wednesday vs 52 five days later (a count that grew);
  * pharmacies: about 1,200 vs 1,187 (rounding);
  * the maker's yearly sales: $2.1 billion vs $2.1bn (one figure written two ways);
  * 52 cases in all vs 31 of them in children under five (a part of the total);
  * hospitalised: at least 20 vs 24 (a bound);
  * bottles recalled: more than 400,000 a day later, as the recall widened (a count that grew).
"""

from __future__ import annotations

ARTICLES: dict[str, tuple[str, str, str]] = {
    # file stem: (outlet, publication date, text)
    "01_healthdesk": ("Health Desk Daily", "2026-06-10", """Fever syrup recalled after three children die

Brenlow Laboratories has recalled 14 lots of its Clarivel fever syrup for children after the \
medicine was linked to a bacterial outbreak that has killed three children, the Federal Health \
Products Agency said on Wednesday.
The recall began on June 4 and covers about 220,000 bottles sold through about 1,200 pharmacies, \
the agency said. As of Wednesday, 38 cases had been confirmed and at least 20 patients had been \
taken to hospital.
Agency spokeswoman Dr. Ilka Varga said tests found the bacterium in unopened bottles from the \
plant in Tessary. "Parents should stop using the syrup at once and return it to the pharmacy," \
Varga said.
Brenlow, which reported sales of $2.1 billion last year, said it had stopped production at the plant.
"""),
    "02_riverside": ("Riverside Tribune", "2026-06-10", """Brenlow syrup outbreak: families demand answers

Five children have died in an outbreak linked to a contaminated fever syrup, health officials \
said on Wednesday, as families in the region demanded to know why the medicine stayed on sale.
Brenlow Laboratories started its recall on June 6, officials said, after a hospital in Tessary \
reported an unusual cluster of infections. The company recalled 41 lots of the syrup, sold \
under the Clarivel name, and 150,000 bottles. The recalled stock was sold through 1,187 pharmacies.
Among the patients is Nora Vittel, 7, who has spent a week in intensive care. "She was fine on \
Sunday and by Monday she could not breathe," her father Aurel Vittel said.
Officials said 24 patients had been admitted to hospital.
"""),
    "03_wire": ("National Wire Service", "2026-06-11", """Regulator inspects Brenlow plant as syrup recall widens

Inspectors from the Federal Health Products Agency arrived on Thursday at the Brenlow \
Laboratories plant in Tessary, where the agency says a contaminated batch of Clarivel fever \
syrup was made.
The company has now recalled more than 400,000 bottles after the outbreak, which has killed three \
children. The recall began on June 4, the agency said.
One of the patients, 9-year-old Nora Vittel, remains in intensive care, her family said.
Brenlow, a maker of children's medicines with $2.1bn in yearly sales, said it was cooperating \
with the inspectors and had hired an outside laboratory to test every batch made this year. \
"We are deeply sorry for the pain this has caused," chief executive Pavel \
Ondrasek said in a statement.
"""),
    "04_star": ("Evening Star Post", "2026-06-15", """Syrup outbreak cases rise to 52, agency says

The number of confirmed cases in the outbreak linked to Brenlow Laboratories' Clarivel fever \
syrup has risen to 52, the Federal Health Products Agency said on Monday.
The 52 cases include 31 children under the age of five, the agency said. Three children have \
died, and the agency said no new deaths had been reported since last week.
Dr. Ilka Varga, the agency's spokeswoman, said 14 lots had been recalled and that the agency \
had asked pharmacies to check their shelves again. "We expect the number of cases to rise for \
a few more days," Varga said.
Brenlow said it would pay for the treatment of every patient. Doctors urged parents whose \
children develop a fever or a cough after taking the syrup to see a doctor.
"""),
}
