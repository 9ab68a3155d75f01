"""Personal names for the demo city: Acehnese and wider Indonesian, as seen on Lhokseumawe payrolls.

Aceh has no family names; a second given name (often the father's) follows the first. "Teuku" and "Cut"
are hereditary Acehnese honorifics that are part of the registered name.
"""

from __future__ import annotations

import random

MALE_FIRST = (
    "Muhammad", "Ahmad", "Zulfikar", "Fadli", "Rizal", "Safrizal", "Khairul", "Munawar", "Mukhlis", "Hasballah",
    "Azhari", "Irwansyah", "Syahrul", "Maulana", "Fauzan", "Iskandar", "Rahmat", "Husaini", "Marzuki", "Nasruddin",
    "Zainal", "Ridwan", "Amiruddin", "Bukhari", "Jamaluddin", "Murtala", "Saiful", "Taufik", "Yusri", "Zulkifli",
    "Hendra", "Rizki", "Furqan", "Ikhsan", "Akmal", "Darmawan", "Faisal", "Nazaruddin", "Nurdin", "Armia",
    "Samsul", "Mahdi", "Anwar", "Hamdani", "Usman", "Ismail", "Bahtiar", "Junaidi", "Rusli", "Sulaiman",
    "Zakaria", "Mawardi", "Razali", "Jailani", "Muzakir", "Khalidin", "Rahmadi", "Munir", "Fachrurrazi", "Teguh",
    "Agus", "Budi", "Dedi", "Eko", "Andi", "Arif", "Reza", "Aulia", "Haikal", "Fikri",
)  # fmt: skip

FEMALE_FIRST = (
    "Nurul", "Fitriani", "Rahmah", "Nurhayati", "Mutia", "Safrina", "Raihanah", "Zahra", "Putri", "Yusnidar",
    "Rosmawar", "Nurlaila", "Intan", "Rina", "Dewi", "Sri", "Ainul", "Rahmawati", "Maulida", "Khairunnisa",
    "Fadhilah", "Zuhra", "Rizka", "Munira", "Nadia", "Salmiah", "Rauzah", "Nurmala", "Hayatun", "Husna",
    "Yulia", "Marlina", "Irawati", "Asmaul", "Siti", "Nurjannah", "Suryani", "Rosnani", "Rahmi", "Cut Nyak",
    "Eliza", "Desi", "Lia", "Wirda", "Mardhiah", "Fauziah", "Halimah", "Nursiah", "Ulfa", "Yuliana",
)  # fmt: skip

MALE_SECOND = (
    "Ibrahim", "Abdullah", "Hasan", "Yusuf", "Ismail", "Ramli", "Saputra", "Hidayat", "Fuadi", "Syahputra",
    "Mahmud", "Amin", "Nasution", "Harahap", "Lubis", "Siregar", "Wijaya", "Susanto", "Pratama", "Hakim",
    "Rasyid", "Gani", "Jalil", "Daud", "Idris", "Ishak", "Kamal", "Nur", "Rahman", "Firdaus",
    "Akbar", "Husin", "Mustafa", "Sabri", "Zulfahmi", "Effendi", "Arsyad", "Basri", "Hanafiah", "Thaib",
)  # fmt: skip

FEMALE_SECOND = (
    "Hayati", "Lestari", "Wahyuni", "Yanti", "Sari", "Rahmi", "Aini", "Safitri", "Zahara", "Maghfirah",
    "Fitri", "Wati", "Ningsih", "Handayani", "Amalia", "Azizah", "Husna", "Jannah", "Mulyani", "Susanti",
    "Rahayu", "Utami", "Nabila", "Zuhra", "Fajriah", "Humaira", "Izzati", "Mardhatillah", "Syarifah", "Yusra",
)  # fmt: skip

BIRTH_PLACES = (
    "Lhokseumawe", "Lhokseumawe", "Lhokseumawe", "Lhoksukon", "Bireuen", "Banda Aceh", "Sigli", "Langsa",
    "Takengon", "Medan", "Meulaboh", "Idi Rayeuk", "Panton Labu", "Matangkuli", "Krueng Geukueh", "Pidie Jaya",
)  # fmt: skip


def person_name(rng: random.Random, sex: str) -> str:
    """A two- or three-part name; about one in fifteen carries Teuku (men) or Cut (women)."""
    if sex == "M":
        first, second = rng.choice(MALE_FIRST), rng.choice(MALE_SECOND)
        honorific = "Teuku"
    else:
        first, second = rng.choice(FEMALE_FIRST), rng.choice(FEMALE_SECOND)
        honorific = "Cut"
    if first == second:
        second = rng.choice(MALE_SECOND if sex == "M" else FEMALE_SECOND)
    parts = [first, second]
    if rng.random() < 0.2:
        pool = MALE_FIRST if sex == "M" else FEMALE_FIRST
        parts.insert(1, rng.choice(pool))
    if rng.random() < 1 / 15 and not first.startswith("Cut"):
        parts.insert(0, honorific)
    # "Muhammad Muhammad" and the like happen when a middle name repeats the first.
    deduped = [part for index, part in enumerate(parts) if index == 0 or part != parts[index - 1]]
    return " ".join(deduped)
