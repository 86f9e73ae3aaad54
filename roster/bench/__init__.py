"""The Curtois & Qu benchmark: its file format (`curtois_format`), the search that solves
it on the ward's model (`lns`), its penalty recomputed from a roster (`score`), and the
runner and table of `roster bench curtois` (`run`). The instances ship in `instances/`."""
