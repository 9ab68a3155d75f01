"""Who may open the evaluation pages (see kinerja/core/tests/matrix.py): the rules of each part of the app."""

from kinerja.evaluation.tests.access_matrix_evaluations import RULES as EVALUATION_RULES
from kinerja.evaluation.tests.access_matrix_forum import RULES as FORUM_RULES

RULES = {**EVALUATION_RULES, **FORUM_RULES}
