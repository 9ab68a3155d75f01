"""Who may open the evaluation pages (see kinerja/core/tests/matrix.py): the rules of each part of the app."""

from kinerja.core.tests.matrix import EVERYONE, Rule
from kinerja.evaluation.tests.access_matrix_evaluations import RULES as EVALUATION_RULES
from kinerja.evaluation.tests.access_matrix_forum import RULES as FORUM_RULES

# The calculator shows rules, no one's data.
CALCULATOR_RULES = {
    "evaluation:calculator": Rule(allowed=EVERYONE),
}

RULES = {**EVALUATION_RULES, **FORUM_RULES, **CALCULATOR_RULES}
