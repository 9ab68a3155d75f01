"""HTML views of monitoring: daily progress, realisasi, feedback, the penilai's team view and the calendar."""
