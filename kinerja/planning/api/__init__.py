"""Planning API (SKP): years, goals, work plans and their parts, the workflow, distribution and overviews.

Every write calls a service of ``kinerja.planning.services`` and every protected object is fetched
through ``kinerja.planning.permissions``, so the API and the HTML pages cannot disagree.
"""
