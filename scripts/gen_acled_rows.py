#!/usr/bin/env python3
"""Writes N invented rows in ACLED's export column layout (for timing `mapgen import acled`).

Nothing here is ACLED data: ids, places, actors and notes are made up, spread over the Idlib
view and February 2020, with quoted fields, commas and a multi-line note every 500 rows.
Usage: scripts/gen_acled_rows.py 100000 > /tmp/acled-100k.csv
"""
import csv
import random
import sys

COLUMNS = ("event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 "
           "assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region country "
           "admin1 admin2 admin3 location latitude longitude geo_precision source source_scale notes fatalities "
           "tags timestamp").split()
TYPES = [("Political violence", "Battles", "Armed clash"),
         ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Political violence", "Explosions/Remote violence", "Air/drone strike"),
         ("Political violence", "Violence against civilians", "Attack"),
         ("Demonstrations", "Protests", "Peaceful protest"),
         ("Strategic developments", "Strategic developments", "Agreement")]
TOWNS = [("Saraqib", 35.86447, 36.80591), ("Idlib", 35.93062, 36.63393), ("Sarmin", 35.90403, 36.72501),
         ("Ariha", 35.81374, 36.60964), ("Taftanaz", 35.99832, 36.78579), ("Atarib", 36.13907, 36.82504)]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    rnd = random.Random(20200208)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(COLUMNS)
    for i in range(n):
        disorder, etype, sub = rnd.choice(TYPES)
        town, lat, lon = rnd.choice(TOWNS)
        day = 1 + i % 29
        note = f"Invented row {i}, near {town}, for timing."
        if i % 500 == 0:
            note += "\nA second line, as in some real notes."
        w.writerow([f"GEN{i:07d}", f"2020-02-{day:02d}", 2020, rnd.choice([1, 1, 1, 2]), disorder, etype, sub,
                    "Actor A (Syria)", "", 1, "Actor B (Syria)", "", 2, 12, "", 760, "Middle East", "Syria",
                    "Idlib", "Idleb", town, town, f"{lat + rnd.uniform(-0.05, 0.05):.4f}",
                    f"{lon + rnd.uniform(-0.05, 0.05):.4f}", rnd.choice([1, 1, 2, 3]),
                    "Outlet One; Outlet Two", "National", note, rnd.randint(0, 9), "", 1582000000 + i])


if __name__ == "__main__":
    main()
