#!/usr/bin/env python3
"""Makes a scaled copy of a mapgen data folder for benchmarks: the shipped reports replicated.

    scripts/gen_scaled_reports.py DATA_ROOT OUT_DIR [--factor 100] [--events N]

OUT_DIR gets Gazetteer/ and Styles/ (symlinks to DATA_ROOT's), a copy of theatre.yaml, and Reports/ with:
- control.tsv: the shipped rows plus FACTOR-1 copies, each copy's dates moved back by a whole
  number of years larger than the span of the data, so no copy is newer than a real row and a
  map of Feb 2020 still shows the real last state;
- events.yaml: the same for events (ids get a "-rK" suffix; date, date_end and claimed dates move),
  FACTOR copies in all, or enough copies for N events with --events N (cut to exactly N);
- areas.tsv copied as it is.
Every row stays valid for the loader: `mapgen check --data OUT_DIR` passes.
"""
import argparse
import math
import os
import re
import shutil
import sys

DATE_LINE = re.compile(r"^(\s*(?:- )?(?:date|date_end):\s*)'?(\d{4})-(\d\d)-(\d\d)'?\s*$")
ID_LINE = re.compile(r"^- id:\s*(\S+)\s*$")


def shifted(year, month, day, years):
    y = year - years
    if month == 2 and day == 29 and not (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)):
        day = 28
    return f"{y:04d}-{month:02d}-{day:02d}"


def year_span(dates):
    years = [int(d[:4]) for d in dates]
    return max(years) - min(years) + 1


def event_blocks(text):
    """The file's head (comments) and its top-level items, each a list of lines."""
    head, blocks = [], []
    for line in text.splitlines(keepends=True):
        if line.startswith("- "):
            blocks.append([line])
        elif blocks:
            blocks[-1].append(line)
        else:
            head.append(line)
    return head, blocks


def copy_block(block, k, stride):
    out = []
    in_conflicts = False
    for line in block:
        m = ID_LINE.match(line)
        if m:
            out.append(f"- id: {m.group(1)}-r{k}\n")
            continue
        m = DATE_LINE.match(line.rstrip("\n"))
        if m:
            prefix, y, mo, d = m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(4))
            out.append(f"{prefix}'{shifted(y, mo, d, k * stride)}'\n")
            continue
        # conflicts_with lists ids: point them at the same copy.
        if line.startswith("  conflicts_with:"):
            in_conflicts = True
            out.append(line)
            continue
        if in_conflicts and re.match(r"^  - \S", line):
            out.append(line.rstrip("\n") + f"-r{k}\n")
            continue
        in_conflicts = False
        out.append(line)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_root")
    ap.add_argument("out_dir")
    ap.add_argument("--factor", type=int, default=100, help="copies of the control rows (and of the events without --events)")
    ap.add_argument("--events", type=int, help="exactly this many events")
    a = ap.parse_args()
    if a.factor < 1 or (a.events is not None and a.events < 1):
        sys.exit("gen_scaled_reports: --factor and --events must be 1 or more")
    src_rep = os.path.join(a.data_root, "Reports")
    src_gaz = os.path.abspath(os.path.join(a.data_root, "Gazetteer"))
    if not os.path.isdir(src_rep) or not os.path.isdir(src_gaz):
        sys.exit(f"gen_scaled_reports: {a.data_root} has no Reports/ and Gazetteer/; give the repository root")
    rep = os.path.join(a.out_dir, "Reports")
    os.makedirs(rep, exist_ok=True)
    gaz = os.path.join(a.out_dir, "Gazetteer")
    if not os.path.lexists(gaz):
        os.symlink(src_gaz, gaz)
    shutil.copyfile(os.path.join(src_rep, "areas.tsv"), os.path.join(rep, "areas.tsv"))
    # The theatre description (paths in it are relative to its folder, so it is copied, not linked).
    if os.path.exists(os.path.join(a.data_root, "theatre.yaml")):
        shutil.copyfile(os.path.join(a.data_root, "theatre.yaml"), os.path.join(a.out_dir, "theatre.yaml"))
    styles = os.path.abspath(os.path.join(a.data_root, "Styles"))
    if os.path.isdir(styles) and not os.path.lexists(os.path.join(a.out_dir, "Styles")):
        os.symlink(styles, os.path.join(a.out_dir, "Styles"))

    # Control: copies first, the real rows last, each copy moved back by k whole spans.
    with open(os.path.join(src_rep, "control.tsv"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    header, rows = lines[0], [r for r in lines[1:] if r and not r.startswith("#")]
    stride = year_span([r.split("\t", 1)[0] for r in rows])
    with open(os.path.join(rep, "control.tsv"), "w", encoding="utf-8") as out:
        out.write(header + "\n")
        for k in range(a.factor - 1, 0, -1):
            for r in rows:
                f = r.split("\t")
                y, mo, d = int(f[0][:4]), int(f[0][5:7]), int(f[0][8:10])
                f[0] = shifted(y, mo, d, k * stride)
                out.write("\t".join(f) + "\n")
        for r in rows:
            out.write(r + "\n")
    control_rows = len(rows) * a.factor

    # Events: the real ones first, then copies until there are enough.
    with open(os.path.join(src_rep, "events.yaml"), encoding="utf-8") as f:
        head, blocks = event_blocks(f.read())
    dates = [m.group(2) for b in blocks for l in b if (m := DATE_LINE.match(l.rstrip("\n")))]
    ev_stride = year_span([d + "-01-01" for d in dates])
    wanted = a.events if a.events is not None else len(blocks) * a.factor
    copies = math.ceil(wanted / len(blocks))
    written = 0
    with open(os.path.join(rep, "events.yaml"), "w", encoding="utf-8") as out:
        out.writelines(head)
        for k in range(copies):
            for b in blocks:
                if written == wanted:
                    break
                out.writelines(b if k == 0 else copy_block(b, k, ev_stride))
                written += 1
    print(f"{a.out_dir}: {written} events, {control_rows} control rows "
          f"(control copies {stride} years apart, events {ev_stride})")


if __name__ == "__main__":
    main()
