"""Monitoring API: daily progress, realisasi, evidence, feedback, dialogues and appreciation.

Every write calls a service of ``kinerja.monitoring.services`` and every protected object is fetched
through ``kinerja.monitoring.permissions`` (or planning's), so the API and the HTML pages cannot disagree.
"""
