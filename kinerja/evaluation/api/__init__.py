"""REST API of evaluation (under /api/v1/): org ratings, evaluations, the calibration forum, keberatan, documents.

One APIView per operation with nested Input/Output serializers; every write goes through
kinerja.evaluation.services, every read through permissions and selectors (the same as the HTML pages).
"""
