"""An invented multi-outlet story: an earthquake in an invented country, told over three days by four
outlets (three dated, one undated). Every name, place and number is invented. The same happening is
told with different words across outlets ("struck" / "the tremor hit" / "the quake"; "pulled alive" /
"the rescue"; "rose" / "climbed"), some dates are relative ("on Tuesday", "a day after the quake").

Happenings (the key for the tests): the quake (Monday 2026-03-09, 4:12 a.m.); a state of emergency
declared (Monday); a girl pulled alive from the rubble (Tuesday 2026-03-10); the minister's visit
(Tuesday); a strong aftershock (Tuesday evening); the toll rising to 212 (Wednesday 2026-03-11).
"""

from __future__ import annotations

QUAKE_1 = """ date 2026-03-09 Strong earthquake kills dozens in Taluria's Castemar region

By Orla Fenwick

VELARO, Taluria (Meridian Wire) — A magnitude 6.8 earthquake struck the mountainous Castemar region of
Taluria before dawn on Monday, flattening houses in the town of Velaro and killing at least 46 people,
officials said.

The quake hit at 4:12 a.m. at a depth of 10 kilometres, the National Seismology Institute said in a
statement. It said the epicentre lay 12 kilometres north of Velaro.

"We felt the whole house lift," said Tomas Vinter, a 54-year-old baker. "The walls came down in
seconds." He said his family had escaped through a window.

The government declared a state of emergency in Castemar on Monday afternoon and sent army units to
help clear collapsed roads. Prime Minister Halvard Dorn said every available crew had been sent.
"No one will be left under the stones," he said.

Hospitals in the regional capital, Marisca, treated more than 300 injured people, the health ministry
said.
"""

QUAKE_2 = """ date 2026-03-10 Girl pulled alive from rubble as aftershock rattles Velaro

By Jonas Perrin

VELARO (Harbor Post) — Rescuers pulled a seven-year-old girl alive from the ruins of her family's
home in Velaro on Tuesday, more than 30 hours after the tremor hit the town.

Firefighters cheered as the girl, wrapped in a blanket, was carried to an ambulance. "She was
talking to us the whole time," said rescue team leader Greta Nilsson. "That kept us going."

Interior Minister Irena Kovac toured the town on Tuesday and promised to rebuild every damaged
school. "We will rebuild every classroom," Kovac told reporters, "and we will do it before winter."
She said the state would pay for temporary housing. Asked about the delays, the minister said: "Roads
were blocked. We cleared them as fast as we could."

A strong aftershock of magnitude 5.4 shook the region on Tuesday evening, sending residents back into
the streets. Three firefighters, Luis Marten, Petra Holm and Dario Sen, were hurt by falling
masonry, the fire service said.

The death toll stood at 131 on Tuesday night.
"""

QUAKE_3 = """ date 2026-03-11 Taluria quake toll climbs to 212

By Selma Ardent

MARISCA (Coastline Times) — The death toll from Monday's earthquake in Castemar climbed to 212 on
Wednesday, the Interior Ministry said, as crews reached villages cut off by landslides.

A day after the quake, Interior Minister Irena Kovac visited Velaro, where more than half the houses
were destroyed. On Wednesday the ministry said 1,900 people were living in tents.

The aftershock on Tuesday evening damaged the main bridge into the valley, engineers said. The
regional governor, Piet Lorca, said the bridge would stay closed for a month.

"The mountains are still moving," Lorca said. "People are afraid to sleep indoors."

Aid trucks from neighbouring countries arrived in Marisca on Wednesday. "We are sending every tent we
have," the ministry announced in a statement.
"""

QUAKE_4 = """Taluria earthquake: what we know

By Ivo Castell

The tremor hit the Castemar region at 4:12 a.m. on Monday and was felt in the capital, 200
kilometres away. Velaro, a town of 9,000 people, was the worst hit.

The cabinet declared a national emergency for the region on Monday.

On Tuesday, firefighters rescued a young girl from a collapsed house after she had spent more than a
day under the debris. Interior Minister Irena Kovac visited the town the same day.

A 5.4 aftershock struck on Tuesday evening, the seismology institute said.

The number of dead rose to 212 on Wednesday, according to the Interior Ministry. Aid agencies said
thousands of people needed shelter.
"""

FILES = {"01_meridian-wire.txt": QUAKE_1, "02_harbor-post.txt": QUAKE_2,
         "03_coastline-times.txt": QUAKE_3, "04_alpine-dispatch.txt": QUAKE_4}
