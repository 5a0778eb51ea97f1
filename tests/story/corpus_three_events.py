"""A small invented corpus: three unrelated events (a flood, a takeover, a cup final), two or three
reports each from different outlets, plus a syndicated copy. Every name is invented."""

FLOOD_1 = """River bursts its banks in Marrowvale, three dead

MARROWVALE — The Tessin river burst its banks on Sunday night after four days of heavy rain,
flooding hundreds of homes in Marrowvale and killing three people, officials said on Monday.
Mayor Ilse Brandvold said rescue crews had evacuated 1,200 residents from the lower town.
"The water rose faster than anyone expected," Brandvold said. Emergency shelters opened in two
schools, and the regional fire brigade sent boats to reach families trapped on upper floors.
Forecasters warned that more rain was expected on Tuesday and that the Tessin could rise again.
"""

FLOOD_2 = """Marrowvale flood: evacuations continue as Tessin stays high

Rescue teams in Marrowvale kept moving residents out of flooded streets on Monday, a day after
the Tessin river overflowed and left three people dead. Mayor Ilse Brandvold told reporters that
about 1,200 people had been evacuated and that shelters in the town's schools were nearly full.
Fire brigade boats searched the lower town for residents trapped by the flood water. Brandvold
asked people to stay away from the riverbank while forecasters expect more heavy rain.
"""

FLOOD_COPY = FLOOD_1.replace("officials said on Monday.", "officials said on Monday, the agency reported.")

TAKEOVER_1 = """Quorvia Systems to buy Halberd Robotics for $2.1 billion

Quorvia Systems agreed on Wednesday to acquire Halberd Robotics for $2.1 billion in cash, the
software company said, in its largest deal yet. Chief executive Tomas Eklund said the takeover
would bring Halberd's warehouse robots to Quorvia's logistics customers. "Together we can automate
the whole supply chain," Eklund said. Halberd shareholders will receive $48 a share, a premium of
31 percent over Tuesday's closing price. The acquisition still needs approval from regulators.
"""

TAKEOVER_2 = """Halberd Robotics shares jump on Quorvia takeover deal

Shares of Halberd Robotics rose 29 percent on Wednesday after Quorvia Systems agreed to buy the
warehouse robot maker for about $2.1 billion. Quorvia chief executive Tomas Eklund told analysts
the acquisition would help the company sell automation to logistics firms. Halberd investors are
to be paid $48 for each share. Analysts said regulators were likely to review the deal closely.
"""

FINAL_1 = """Northgate Rovers win cup final with late Mensah goal

Northgate Rovers won the national cup on Saturday, beating Ashby Athletic 2-1 in the final with a
goal from striker Kofi Mensah in the 88th minute. Ashby had equalised early in the second half
through a penalty by captain Dario Lindqvist. "It is the best night of my career," Mensah said
after the match. Rovers coach Hanne Solberg praised her players for their patience. The stadium
was sold out, with 61,000 fans watching the club lift the trophy for the first time since 1994.
"""

FINAL_2 = """Late Kofi Mensah strike gives Rovers the cup

A header from Kofi Mensah two minutes from time gave Northgate Rovers a 2-1 victory over Ashby
Athletic in Saturday's cup final. Dario Lindqvist had levelled for Ashby from the penalty spot.
Coach Hanne Solberg said the win belonged to the supporters, who filled the stadium. Rovers last
won the trophy in 1994, and their fans celebrated in the city centre until late at night.
"""

FILES = {
    "flood-1.txt": FLOOD_1, "flood-2.txt": FLOOD_2, "flood-copy.txt": FLOOD_COPY,
    "takeover-1.txt": TAKEOVER_1, "takeover-2.txt": TAKEOVER_2,
    "final-1.txt": FINAL_1, "final-2.txt": FINAL_2,
}
GOLD = {name: name.split("-")[0] for name in FILES}


def write(folder):
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
